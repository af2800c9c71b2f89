package org.anjian.credit.domain;

import java.time.LocalDate;

/**
 * The term of a credit entry: 3 years from the decision unless the decision says otherwise; an
 * entry may be removed early once credit repair is recorded and 12 months have passed since the
 * decision (the day 12 months on counts). An entry is in force up to and including its last day.
 */
public final class CreditTerm {

    public static final int DEFAULT_MONTHS = 36;
    public static final int EARLY_REMOVAL_MONTHS = 12;

    private CreditTerm() {
    }

    public static LocalDate expiresOn(LocalDate decisionDate, int termMonths) {
        return decisionDate.plusMonths(termMonths).minusDays(1);
    }

    public static LocalDate earliestRemoval(LocalDate decisionDate) {
        return decisionDate.plusMonths(EARLY_REMOVAL_MONTHS);
    }

    public static boolean mayRemoveEarly(LocalDate decisionDate, LocalDate repairOn, LocalDate today) {
        return repairOn != null && !today.isBefore(earliestRemoval(decisionDate));
    }

    public static boolean expired(LocalDate expiresOn, LocalDate today) {
        return expiresOn != null && today.isAfter(expiresOn);
    }
}
