package org.anjian.publicreport.domain;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The acceptance limit counts working days: weekends and the configured holidays do not count, 调休 weekend days do. */
class WorkingDayCalendarTest {

    @Test
    void fiveWorkingDaysFromAThursdaySpanTheWeekend() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        assertThat(WorkingDayCalendar.weekdaysOnly().plusWorkingDays(thursday, 5)).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void aReportReceivedOnSaturdayCountsFromMonday() {
        LocalDate saturday = LocalDate.of(2026, 11, 28);
        assertThat(WorkingDayCalendar.weekdaysOnly().plusWorkingDays(saturday, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void theNationalDayHolidaysDoNotCountButTheMakeUpSaturdayDoes() {
        // 2026 国庆: 1–7 Oct off; suppose Sat 10 Oct is a 调休 working day
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
        WorkingDayCalendar calendar = new WorkingDayCalendar(holidays, Set.of(LocalDate.of(2026, 10, 10)));
        LocalDate wednesday = LocalDate.of(2026, 9, 30);
        assertThat(calendar.plusWorkingDays(wednesday, 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(wednesday, 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.plusWorkingDays(wednesday, 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    }
}
