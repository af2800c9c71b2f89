package org.anjian.hazard.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * 日周月排查: how often a check list is worked through, and the period a date falls in. A daily
 * check is due the same day; a weekly one by Sunday of its week (weeks start on Monday, as in
 * China); a monthly one by the last day of its month.
 */
public enum CheckCadence {
    DAILY, WEEKLY, MONTHLY;

    public record Period(LocalDate start, LocalDate due) {
    }

    public Period periodOf(LocalDate date) {
        return switch (this) {
            case DAILY -> new Period(date, date);
            case WEEKLY -> new Period(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
            case MONTHLY -> new Period(date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }
}
