package org.anjian.monitoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * MON-3: the daily safety commitment is on time when submitted on its day before 10:00 local time
 * (Guangdong's rule for the 监测预警系统, REFERENCE-RULES §2; the national 2018 rule says only "daily").
 */
public final class CommitmentDeadline {

    public static final LocalTime LATEST = LocalTime.of(10, 0);

    private CommitmentDeadline() {
    }

    public static boolean onTime(LocalDate day, Instant submittedAt, ZoneId zone) {
        return submittedAt.isBefore(day.atTime(LATEST).atZone(zone).toInstant()) && !submittedAt.isBefore(day.atStartOfDay(zone).toInstant());
    }
}
