package org.anjian.accident.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Decree 493 Articles 9 and 10: the enterprise reports to the district within 1 hour of the
 * accident; each level reports up within 2 hours of receiving it (the district to the city); until
 * the case is closed a follow-up report is due every 24 hours after the last report. A report
 * exactly on the deadline is on time.
 */
public final class ReportingDeadlines {

    public static final Duration ENTERPRISE = Duration.ofHours(1);
    public static final Duration LEVEL_UP = Duration.ofHours(2);
    public static final Duration FOLLOW_UP = Duration.ofHours(24);

    private ReportingDeadlines() {
    }

    /** One report the rules ask for: when it was due, when it came (or null) and whether it is late. */
    public record Due(String level, Instant dueAt, Instant reportedAt, boolean late, boolean open) {
    }

    public static Instant enterpriseDue(Instant occurredAt) {
        return occurredAt.plus(ENTERPRISE);
    }

    /** The district reports up 2 hours after it received the enterprise's report (or after that report was due). */
    public static Instant districtDue(Instant occurredAt, Instant enterpriseReportedAt) {
        Instant received = enterpriseReportedAt != null ? enterpriseReportedAt : enterpriseDue(occurredAt);
        return received.plus(LEVEL_UP);
    }

    public static Instant followUpDue(Instant lastReportAt) {
        return lastReportAt.plus(FOLLOW_UP);
    }

    public static Due due(String level, Instant dueAt, Instant reportedAt, Instant now) {
        boolean late = reportedAt != null ? reportedAt.isAfter(dueAt) : now.isAfter(dueAt);
        return new Due(level, dueAt, reportedAt, late, reportedAt == null);
    }
}
