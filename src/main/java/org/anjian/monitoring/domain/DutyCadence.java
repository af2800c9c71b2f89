package org.anjian.monitoring.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * How often a 包保责任人 must check the major hazard source ({@code 危险化学品企业重大危险源安全包保责任制办法（试行）},
 * 应急厅〔2021〕12号; REFERENCE-RULES §2): the technical person at least once a quarter (Art. 5(5)), the operational
 * person at least once a week (Art. 6). A duty is current when its day is no earlier than today minus the period:
 * with a week, a duty 7 days ago is current and 8 days ago is not.
 */
public record DutyCadence(Period period) {

    public DutyCadence {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a duty cadence is a positive period");
        }
    }

    /** Whether the latest duty (null: none) is within the cadence on {@code today}. */
    public boolean current(LocalDate latest, LocalDate today) {
        return latest != null && !latest.isAfter(today) && !latest.isBefore(today.minus(period));
    }
}
