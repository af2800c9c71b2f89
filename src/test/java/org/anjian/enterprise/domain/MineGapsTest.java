package org.anjian.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.anjian.enterprise.domain.MineGaps.Finding;
import org.anjian.enterprise.domain.MineGaps.Gap;
import org.anjian.enterprise.domain.MineGaps.MonthReport;
import org.anjian.enterprise.domain.MineGaps.Permit;
import org.anjian.enterprise.domain.MineGaps.PermitKind;
import org.anjian.enterprise.domain.MineGaps.Slope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MineGapsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static List<Gap> slopeGaps(String height, boolean monitoring, LocalDate analysis) {
        return MineGaps.slopeGaps(List.of(new Slope("北帮", "SLOPE", new BigDecimal(height), monitoring, analysis)), TODAY)
                .stream().map(Finding::gap).toList();
    }

    @Test
    void below100MetresNothingIsRequired() {
        assertThat(slopeGaps("99.9", false, null)).isEmpty();
    }

    @Test
    void at100MetresAYearlyStabilityAnalysisIsRequired() {
        assertThat(slopeGaps("100", false, null)).containsExactly(Gap.STABILITY_ANALYSIS_MISSING);
        assertThat(slopeGaps("100", false, TODAY.minusYears(1))).as("exactly one year ago still counts").isEmpty();
        assertThat(slopeGaps("100", false, TODAY.minusYears(1).minusDays(1))).containsExactly(Gap.STABILITY_ANALYSIS_MISSING);
    }

    @Test
    void at200MetresOnlineMonitoringIsRequiredToo() {
        assertThat(slopeGaps("199.9", false, TODAY)).isEmpty();
        assertThat(slopeGaps("200", false, TODAY)).containsExactly(Gap.MONITORING_MISSING);
        assertThat(slopeGaps("200", true, TODAY)).isEmpty();
        assertThat(slopeGaps("250", false, null)).containsExactly(Gap.MONITORING_MISSING, Gap.STABILITY_ANALYSIS_MISSING);
    }

    @ParameterizedTest(name = "controller {0} days, chief engineer {1} days")
    @CsvSource({"10,15,", "9,15,CONTROLLER_DAYS_SHORT", "10,14,CHIEF_ENGINEER_DAYS_SHORT"})
    void presenceOnSiteAt10And15Days(int controller, int chief, Gap expected) {
        List<Gap> gaps = MineGaps.monthGaps(new MonthReport(controller, chief, true)).stream().map(Finding::gap).toList();
        assertThat(gaps).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void anUnreportedMonthIsEveryShortfall() {
        assertThat(MineGaps.monthGaps(null).stream().map(Finding::gap))
                .containsExactly(Gap.CONTROLLER_DAYS_SHORT, Gap.CHIEF_ENGINEER_DAYS_SHORT, Gap.PRINCIPAL_CHECK_MISSING);
    }

    @Test
    void anUnsignedPrincipalCheckIsAGap() {
        assertThat(MineGaps.monthGaps(new MonthReport(22, 22, false)).stream().map(Finding::gap)).containsExactly(Gap.PRINCIPAL_CHECK_MISSING);
    }

    @Test
    void twoLowLimits() {
        assertThat(MineGaps.belowTwoLowLimits(new Permit(PermitKind.NEW, "LIMESTONE", new BigDecimal("0.99"), 10))).isTrue();
        assertThat(MineGaps.belowTwoLowLimits(new Permit(PermitKind.NEW, "LIMESTONE", new BigDecimal("1.0"), 10))).isFalse();
        assertThat(MineGaps.belowTwoLowLimits(new Permit(PermitKind.NEW, "SANDSTONE", new BigDecimal("0.3"), 10))).isFalse();
        assertThat(MineGaps.belowTwoLowLimits(new Permit(PermitKind.EXPANSION, "LIMESTONE", new BigDecimal("0.49"), 5))).isTrue();
        assertThat(MineGaps.belowTwoLowLimits(new Permit(PermitKind.EXPANSION, "SANDSTONE", new BigDecimal("0.5"), 3))).isFalse();
        assertThat(MineGaps.belowTwoLowLimits(new Permit(PermitKind.EXPANSION, "SANDSTONE", new BigDecimal("0.8"), 2))).isTrue();
        assertThat(MineGaps.belowTwoLowLimits(new Permit(PermitKind.RENEWAL, "LIMESTONE", new BigDecimal("0.1"), 1))).isFalse();
    }

    @Test
    void allGapsTogether() {
        List<Gap> gaps = MineGaps.gaps(List.of(new Slope("1号排土场", "DUMP", new BigDecimal("120"), false, null)),
                        new MonthReport(12, 16, true), new Permit(PermitKind.NEW, "LIMESTONE", new BigDecimal("0.6"), 5), false, TODAY)
                .stream().map(Finding::gap).toList();
        assertThat(gaps).containsExactly(Gap.STABILITY_ANALYSIS_MISSING, Gap.BELOW_TWO_LOW_LIMITS, Gap.CRUSHER_NOT_MECHANIZED);
    }
}
