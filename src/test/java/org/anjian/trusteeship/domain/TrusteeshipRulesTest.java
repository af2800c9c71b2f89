package org.anjian.trusteeship.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrusteeshipRulesTest {

    @Test
    void aContractIsInForceFromItsFirstToItsLastDayUntilTerminated() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        assertThat(TrusteeshipRules.inForce(start, end, null, LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(TrusteeshipRules.inForce(start, end, null, start)).isTrue();
        assertThat(TrusteeshipRules.inForce(start, end, null, end)).isTrue();
        assertThat(TrusteeshipRules.inForce(start, end, null, end.plusDays(1))).isFalse();
        // terminated on 6-1: the 5-31 is the last day served
        assertThat(TrusteeshipRules.inForce(start, end, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 31))).isTrue();
        assertThat(TrusteeshipRules.inForce(start, end, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1))).isFalse();
    }

    @Test
    void periodsThatShareOneDayOverlap() {
        assertThat(TrusteeshipRules.overlap(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(TrusteeshipRules.overlap(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 29), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31))).isFalse();
    }

    @Test
    void aMonthIsReportedOnceItHasBegunAndWithinTheContract() {
        LocalDate today = LocalDate.of(2026, 11, 15);
        assertThat(TrusteeshipRules.reportable(YearMonth.of(2026, 11), LocalDate.of(2026, 3, 10), LocalDate.of(2027, 3, 9), today)).isTrue();
        assertThat(TrusteeshipRules.reportable(YearMonth.of(2026, 12), LocalDate.of(2026, 3, 10), LocalDate.of(2027, 3, 9), today)).isFalse();
        assertThat(TrusteeshipRules.reportable(YearMonth.of(2026, 3), LocalDate.of(2026, 3, 10), LocalDate.of(2027, 3, 9), today)).isTrue();
        assertThat(TrusteeshipRules.reportable(YearMonth.of(2026, 2), LocalDate.of(2026, 3, 10), LocalDate.of(2027, 3, 9), today)).isFalse();
    }

    @Test
    void theEvaluationRatesNinetyExcellentSixtyQualified() {
        assertThat(TrusteeshipRules.rating(90)).isEqualTo("EXCELLENT");
        assertThat(TrusteeshipRules.rating(89)).isEqualTo("QUALIFIED");
        assertThat(TrusteeshipRules.rating(60)).isEqualTo("QUALIFIED");
        assertThat(TrusteeshipRules.rating(59)).isEqualTo("UNQUALIFIED");
    }
}
