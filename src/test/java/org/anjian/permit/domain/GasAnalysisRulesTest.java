package org.anjian.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GB 30871-2022 5.3.1, 5.3.2, 6.3, 6.4: gas analysis before and during the work. */
class GasAnalysisRulesTest {

    private static final Instant START = Instant.parse("2026-12-02T02:00:00Z");

    private static BigDecimal v(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aSampleTakenExactlyThirtyMinutesBeforeHotWorkIsFreshEnough_5_3_1c() {
        assertThat(GasAnalysisRules.freshEnoughToStart(START.minusSeconds(30 * 60), START)).isTrue();
    }

    @Test
    void aSampleTakenThirtyOneMinutesBeforeIsTooOld_5_3_1c_6_3a() {
        assertThat(GasAnalysisRules.freshEnoughToStart(START.minusSeconds(31 * 60), START)).isFalse();
        assertThat(GasAnalysisRules.freshEnoughToStart(START.minusSeconds(30 * 60 + 1), START)).isFalse();
    }

    @Test
    void aSampleFromAfterTheStartDoesNotCount() {
        assertThat(GasAnalysisRules.freshEnoughToStart(START.plusSeconds(1), START)).isFalse();
    }

    @Test
    void specialAndGradeOneHotWorkIsAnalysedAgainAfterABreakOfMoreThanThirtyMinutes_5_3_1d() {
        for (WorkGrade g : new WorkGrade[] {WorkGrade.SPECIAL, WorkGrade.FIRST}) {
            assertThat(GasAnalysisRules.reanalysisAfterBreak(WorkType.HOT_WORK, g, START, START.plusSeconds(30 * 60))).isFalse();
            assertThat(GasAnalysisRules.reanalysisAfterBreak(WorkType.HOT_WORK, g, START, START.plusSeconds(30 * 60 + 1))).isTrue();
        }
    }

    @Test
    void gradeTwoHotWorkIsAnalysedAgainAfterABreakOfMoreThanSixtyMinutes_5_3_1d() {
        assertThat(GasAnalysisRules.reanalysisAfterBreak(WorkType.HOT_WORK, WorkGrade.SECOND, START, START.plusSeconds(60 * 60))).isFalse();
        assertThat(GasAnalysisRules.reanalysisAfterBreak(WorkType.HOT_WORK, WorkGrade.SECOND, START, START.plusSeconds(60 * 60 + 1))).isTrue();
    }

    @Test
    void confinedSpaceWorkIsAnalysedAgainAfterABreakOfMoreThanSixtyMinutes_6_3f() {
        assertThat(GasAnalysisRules.reanalysisAfterBreak(WorkType.CONFINED_SPACE, WorkGrade.NONE, START, START.plusSeconds(60 * 60))).isFalse();
        assertThat(GasAnalysisRules.reanalysisAfterBreak(WorkType.CONFINED_SPACE, WorkGrade.NONE, START, START.plusSeconds(61 * 60))).isTrue();
    }

    @Test
    void combustibleGasWithAnLelOfFourPercentOrMorePassesAtHalfAPercent_5_3_2() {
        assertThat(GasAnalysisRules.combustibleAcceptable(v("0.5"), v("4"))).isTrue();
        assertThat(GasAnalysisRules.combustibleAcceptable(v("0.51"), v("4"))).isFalse();
        assertThat(GasAnalysisRules.combustibleAcceptable(v("0.5"), v("5.0"))).isTrue();
    }

    @Test
    void combustibleGasWithAnLelUnderFourPercentPassesAtOneFifthOfAPercent_5_3_2() {
        assertThat(GasAnalysisRules.combustibleAcceptable(v("0.2"), v("3.99"))).isTrue();
        assertThat(GasAnalysisRules.combustibleAcceptable(v("0.21"), v("3.99"))).isFalse();
        assertThat(GasAnalysisRules.combustibleAcceptable(v("0.3"), v("2.1"))).isFalse();
    }

    @Test
    void oxygenBetween19_5And21PercentPasses_6_4a() {
        assertThat(GasAnalysisRules.oxygenAcceptable(v("19.4"), false)).isFalse();
        assertThat(GasAnalysisRules.oxygenAcceptable(v("19.5"), false)).isTrue();
        assertThat(GasAnalysisRules.oxygenAcceptable(v("21.0"), false)).isTrue();
        assertThat(GasAnalysisRules.oxygenAcceptable(v("21.1"), false)).isFalse();
    }

    @Test
    void inAnOxygenEnrichedEnvironmentOxygenUpTo23_5PercentPasses_6_4a() {
        assertThat(GasAnalysisRules.oxygenAcceptable(v("19.4"), true)).isFalse();
        assertThat(GasAnalysisRules.oxygenAcceptable(v("23.5"), true)).isTrue();
        assertThat(GasAnalysisRules.oxygenAcceptable(v("23.6"), true)).isFalse();
    }

    @Test
    void toxicGasPassesAtItsOccupationalExposureLimit_6_4b() {
        // H2S: GBZ 2.1 MAC 10 mg/m³
        assertThat(GasAnalysisRules.toxicAcceptable(v("10"), v("10"))).isTrue();
        assertThat(GasAnalysisRules.toxicAcceptable(v("10.1"), v("10"))).isFalse();
    }

    @Test
    void aConfinedSpaceAnalysisNamesEveryFailedReadingAndMissingOxygen_6_4() {
        List<String> failures = GasAnalysisRules.failures(WorkType.CONFINED_SPACE,
                List.of(GasReading.combustible("甲烷", "0.6", "5.0"), GasReading.toxic("硫化氢", "12", "10")), false);
        assertThat(failures).hasSize(3).anyMatch(f -> f.contains("甲烷")).anyMatch(f -> f.contains("硫化氢")).anyMatch(f -> f.contains("氧气"));
        assertThat(GasAnalysisRules.failures(WorkType.CONFINED_SPACE,
                List.of(GasReading.combustible("甲烷", "0.5", "5.0"), GasReading.oxygen("20.9"), GasReading.toxic("硫化氢", "1", "10")), false)).isEmpty();
    }

    @Test
    void hotWorkConfinedSpaceAndPowerInAHazardAreaNeedAnAnalysis_5_3_6_3_10_1() {
        assertThat(GasAnalysisRules.required(WorkType.HOT_WORK, false)).isTrue();
        assertThat(GasAnalysisRules.required(WorkType.CONFINED_SPACE, false)).isTrue();
        assertThat(GasAnalysisRules.required(WorkType.TEMPORARY_POWER, true)).isTrue();
        assertThat(GasAnalysisRules.required(WorkType.TEMPORARY_POWER, false)).isFalse();
        assertThat(GasAnalysisRules.required(WorkType.WORK_AT_HEIGHT, true)).isFalse();
    }
}
