package org.anjian.hazard.domain;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCadenceTest {

    @Test
    void aDailyCheckIsDueTheSameDay() {
        LocalDate d = LocalDate.of(2026, 11, 29);
        assertThat(CheckCadence.DAILY.periodOf(d)).isEqualTo(new CheckCadence.Period(d, d));
    }

    @Test
    void aWeeklyCheckRunsMondayToSunday() {
        // 2026-11-29 is a Sunday, 2026-11-30 a Monday
        assertThat(CheckCadence.WEEKLY.periodOf(LocalDate.of(2026, 11, 29)))
                .isEqualTo(new CheckCadence.Period(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThat(CheckCadence.WEEKLY.periodOf(LocalDate.of(2026, 11, 30)))
                .isEqualTo(new CheckCadence.Period(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)));
    }

    @Test
    void aMonthlyCheckRunsToTheLastDayOfTheMonth() {
        assertThat(CheckCadence.MONTHLY.periodOf(LocalDate.of(2028, 2, 15)))
                .isEqualTo(new CheckCadence.Period(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
        assertThat(CheckCadence.MONTHLY.periodOf(LocalDate.of(2026, 12, 31)))
                .isEqualTo(new CheckCadence.Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
    }
}
