package org.anjian.training.domain;

import java.time.LocalDate;

/**
 * The periods of the certificates (REFERENCE-RULES §7): 特种作业操作证 valid 6 years and reviewed every 3
 * years, the review applied for within 60 days before it is due (令第30号 Art. 21, 22), a missed review
 * leaves the certificate invalid; 主要负责人/安全管理人员 certificates valid 3 years, extension applied for 30
 * days before (令第44号). A registered safety engineer's registration is valid until the date on it.
 */
public final class CertificateRules {

    public static final int SPECIAL_OPERATION_YEARS = 6;
    public static final int REVIEW_EVERY_YEARS = 3;
    public static final int REVIEW_WINDOW_DAYS = 60;
    public static final int ASSESSMENT_YEARS = 3;
    public static final int ASSESSMENT_WINDOW_DAYS = 30;

    private CertificateRules() {
    }

    /** The last day of a certificate issued on this day, or null where the certificate states it (engineers). */
    public static LocalDate validUntil(CertificateKind kind, LocalDate issuedOn) {
        return switch (kind) {
            case SPECIAL_OPERATION -> issuedOn.plusYears(SPECIAL_OPERATION_YEARS).minusDays(1);
            case PRINCIPAL, SAFETY_MANAGER -> issuedOn.plusYears(ASSESSMENT_YEARS).minusDays(1);
            case REGISTERED_ENGINEER -> null;
        };
    }

    /** The first review of a special-operation certificate is due 3 years after issue; none for the others. */
    public static LocalDate firstReviewDue(CertificateKind kind, LocalDate issuedOn) {
        return kind == CertificateKind.SPECIAL_OPERATION ? issuedOn.plusYears(REVIEW_EVERY_YEARS) : null;
    }

    /** After a review the next is due 3 years after the one just done was due, never after the last day (then it is renewed). */
    public static LocalDate nextReviewDue(LocalDate dueWas, LocalDate validUntil) {
        LocalDate next = dueWas.plusYears(REVIEW_EVERY_YEARS);
        return next.isBefore(validUntil) ? next : null;
    }

    /** A review is done within the 60 days up to its due date, not later (then the certificate has lapsed). */
    public static boolean reviewAllowed(LocalDate due, LocalDate on) {
        return due != null && !on.isAfter(due) && !on.isBefore(due.minusDays(REVIEW_WINDOW_DAYS));
    }

    /** How many days ahead a certificate of this kind is listed as expiring. */
    public static int warningDays(CertificateKind kind) {
        return kind == CertificateKind.PRINCIPAL || kind == CertificateKind.SAFETY_MANAGER ? ASSESSMENT_WINDOW_DAYS : REVIEW_WINDOW_DAYS;
    }

    /**
     * The status on a day: {@code NOT_YET_ISSUED}, {@code REVOKED}, {@code EXPIRED}, {@code REVIEW_OVERDUE}
     * (invalid), {@code REVIEW_DUE} or {@code EXPIRING} (valid, act now), {@code VALID}.
     */
    public static String status(CertificateKind kind, LocalDate issuedOn, LocalDate validUntil, LocalDate reviewDue, boolean revoked, LocalDate on) {
        if (revoked) {
            return "REVOKED";
        }
        if (on.isBefore(issuedOn)) {
            return "NOT_YET_ISSUED";
        }
        if (on.isAfter(validUntil)) {
            return "EXPIRED";
        }
        if (reviewDue != null && on.isAfter(reviewDue)) {
            return "REVIEW_OVERDUE";
        }
        if (reviewDue != null && !on.isBefore(reviewDue.minusDays(REVIEW_WINDOW_DAYS))) {
            return "REVIEW_DUE";
        }
        if (!on.isBefore(validUntil.minusDays(warningDays(kind)))) {
            return "EXPIRING";
        }
        return "VALID";
    }

    public static boolean valid(String status) {
        return status.equals("VALID") || status.equals("REVIEW_DUE") || status.equals("EXPIRING");
    }
}
