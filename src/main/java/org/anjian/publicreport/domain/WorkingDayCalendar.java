package org.anjian.publicreport.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days (工作日) for the report time limits: Monday to Friday, except the public holidays of
 * the configured calendar, plus the weekend days the State Council makes working days (调休上班).
 * A limit of n working days from a day ends on the n-th working day after it (the day itself does
 * not count).
 */
public record WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {

    public WorkingDayCalendar {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        extraWorkingDays = extraWorkingDays == null ? Set.of() : Set.copyOf(extraWorkingDays);
    }

    public static WorkingDayCalendar weekdaysOnly() {
        return new WorkingDayCalendar(Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The last day of a limit of {@code workingDays} working days counted from {@code from}. */
    public LocalDate plusWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate day = from;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
