package org.anjian.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.anjian.enterprise.domain.ExpiryWarnings.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryWarningsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @ParameterizedTest(name = "{0} days left → {1}")
    @CsvSource({"365,", "91,", "90,NOTICE", "31,NOTICE", "30,URGENT", "1,URGENT", "0,EXPIRED", "-1,EXPIRED", "-400,EXPIRED"})
    void warningsAt90And30And0Days(int daysLeft, Level expected) {
        assertThat(ExpiryWarnings.level(TODAY.plusDays(daysLeft), TODAY)).isEqualTo(Optional.ofNullable(expected));
        assertThat(ExpiryWarnings.daysLeft(TODAY.plusDays(daysLeft), TODAY)).isEqualTo(daysLeft);
    }

    @ParameterizedTest
    @CsvSource({"2027-02-27,NOTICE", "2027-02-28,", "2026-12-29,URGENT", "2026-12-30,NOTICE"})
    void countsCalendarDaysAcrossMonthEnds(LocalDate validTo, Level expected) {
        assertThat(ExpiryWarnings.level(validTo, TODAY)).isEqualTo(Optional.ofNullable(expected));
    }
}
