package org.anjian.trusteeship.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** The rules of trusteeship contracts, visits, reports and evaluations, free of any framework. */
public final class TrusteeshipRules {

    private TrusteeshipRules() {
    }

    /** A contract is in force from its first to its last day, unless terminated before. */
    public static boolean inForce(LocalDate startOn, LocalDate endOn, LocalDate terminatedOn, LocalDate day) {
        return !day.isBefore(startOn) && !day.isAfter(endOn) && (terminatedOn == null || day.isBefore(terminatedOn));
    }

    /** Two periods share at least one day. */
    public static boolean overlap(LocalDate aStart, LocalDate aEnd, LocalDate bStart, LocalDate bEnd) {
        return !aStart.isAfter(bEnd) && !bStart.isAfter(aEnd);
    }

    /** A monthly report covers a month that has begun and that the contract covers. */
    public static boolean reportable(YearMonth month, LocalDate startOn, LocalDate endOn, LocalDate today) {
        return !month.isAfter(YearMonth.from(today)) && !month.atEndOfMonth().isBefore(startOn) && !month.atDay(1).isAfter(endOn);
    }

    /** The district's yearly evaluation: 90 and above 优秀, 60 and above 合格, below 不合格. */
    public static String rating(int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score " + score);
        }
        return score >= 90 ? "EXCELLENT" : score >= 60 ? "QUALIFIED" : "UNQUALIFIED";
    }

    /** A qualification must still be valid on the contract's first day. */
    public static boolean qualified(LocalDate qualificationValidUntil, LocalDate contractStart) {
        return !qualificationValidUntil.isBefore(contractStart);
    }
}
