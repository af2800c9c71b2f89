package org.anjian.credit.domain;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CRD-1: a 3-year default term; early removal after credit repair and 12 months. */
class CreditTermTest {

    static final LocalDate DECIDED = LocalDate.of(2025, 3, 15);

    @Test
    void theDefaultTermIsThreeYears() {
        LocalDate last = CreditTerm.expiresOn(DECIDED, CreditTerm.DEFAULT_MONTHS);
        assertThat(last).isEqualTo(LocalDate.of(2028, 3, 14));
        assertThat(CreditTerm.expired(last, last)).isFalse();
        assertThat(CreditTerm.expired(last, last.plusDays(1))).isTrue();
    }

    @Test
    void earlyRemovalNeedsRepairAndTwelveMonths() {
        LocalDate repaired = DECIDED.plusMonths(6);
        assertThat(CreditTerm.mayRemoveEarly(DECIDED, repaired, LocalDate.of(2026, 3, 14))).isFalse();
        assertThat(CreditTerm.mayRemoveEarly(DECIDED, repaired, LocalDate.of(2026, 3, 15))).isTrue();
        assertThat(CreditTerm.mayRemoveEarly(DECIDED, null, LocalDate.of(2027, 1, 1))).isFalse();
    }
}
