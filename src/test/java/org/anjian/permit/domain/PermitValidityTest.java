package org.anjian.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GB 30871-2022 5.1.5, 6.10, 7.11, 8.2.11, 10.8: how long a permit may run. */
class PermitValidityTest {

    private static final Instant FROM = Instant.parse("2026-12-02T00:00:00Z");

    private static void plan(WorkType type, WorkGrade grade, Duration d) {
        PermitValidity.check(type, grade, FROM, FROM.plus(d), null, null);
    }

    @Test
    void aHotWorkPermitOfGradeOneIsValidForEightHours_5_1_5() {
        assertThatCode(() -> plan(WorkType.HOT_WORK, WorkGrade.FIRST, Duration.ofHours(8))).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan(WorkType.HOT_WORK, WorkGrade.FIRST, Duration.ofHours(8).plusMinutes(1)))
                .isInstanceOf(PermitViolation.class).hasMessageContaining("8小时").hasMessageContaining("5.1.5");
    }

    @Test
    void aSpecialGradeHotWorkPermitIsValidForEightHours_5_1_5() {
        assertThat(PermitValidity.maximum(WorkType.HOT_WORK, WorkGrade.SPECIAL)).contains(Duration.ofHours(8));
        assertThatThrownBy(() -> plan(WorkType.HOT_WORK, WorkGrade.SPECIAL, Duration.ofHours(8).plusMinutes(1))).isInstanceOf(PermitViolation.class);
    }

    @Test
    void aGradeTwoHotWorkPermitIsValidForSeventyTwoHours_5_1_5() {
        assertThatCode(() -> plan(WorkType.HOT_WORK, WorkGrade.SECOND, Duration.ofHours(72))).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan(WorkType.HOT_WORK, WorkGrade.SECOND, Duration.ofHours(72).plusMinutes(1)))
                .hasMessageContaining("72小时");
    }

    @Test
    void aConfinedSpacePermitIsValidForTwentyFourHours_6_10() {
        assertThatCode(() -> plan(WorkType.CONFINED_SPACE, WorkGrade.NONE, Duration.ofHours(24))).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan(WorkType.CONFINED_SPACE, WorkGrade.NONE, Duration.ofHours(24).plusMinutes(1)))
                .hasMessageContaining("6.10");
    }

    @Test
    void aWorkAtHeightPermitIsValidForSevenDays_8_2_11() {
        assertThatCode(() -> plan(WorkType.WORK_AT_HEIGHT, WorkGrade.FOURTH, Duration.ofDays(7))).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan(WorkType.WORK_AT_HEIGHT, WorkGrade.FIRST, Duration.ofDays(7).plusMinutes(1)))
                .hasMessageContaining("7天");
    }

    @Test
    void temporaryPowerNormallyFifteenDaysNeverMoreThanThirty_10_8() {
        assertThatCode(() -> plan(WorkType.TEMPORARY_POWER, WorkGrade.NONE, Duration.ofDays(15))).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan(WorkType.TEMPORARY_POWER, WorkGrade.NONE, Duration.ofDays(15).plusMinutes(1)))
                .hasMessageContaining("15天");
        assertThatCode(() -> PermitValidity.check(WorkType.TEMPORARY_POWER, WorkGrade.NONE, FROM, FROM.plus(Duration.ofDays(30)), null, "全厂检修"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PermitValidity.check(WorkType.TEMPORARY_POWER, WorkGrade.NONE, FROM, FROM.plus(Duration.ofDays(30).plusMinutes(1)),
                null, "全厂检修")).hasMessageContaining("30天");
    }

    @Test
    void temporaryPowerForHotWorkRunsNoLongerThanThatWork_10_8() {
        Instant hotWorkEnds = FROM.plus(Duration.ofHours(8));
        assertThatCode(() -> PermitValidity.check(WorkType.TEMPORARY_POWER, WorkGrade.NONE, FROM, hotWorkEnds, hotWorkEnds, null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PermitValidity.check(WorkType.TEMPORARY_POWER, WorkGrade.NONE, FROM, hotWorkEnds.plusSeconds(60), hotWorkEnds, null))
                .hasMessageContaining("10.8");
    }

    @Test
    void blindPlateLiftingExcavationAndRoadClosureHaveNoTimeLimit_7_11_9_11_12() {
        for (WorkType t : new WorkType[] {WorkType.BLIND_PLATE, WorkType.EXCAVATION, WorkType.ROAD_CLOSURE}) {
            assertThat(PermitValidity.maximum(t, WorkGrade.NONE)).isEmpty();
        }
        assertThat(PermitValidity.maximum(WorkType.LIFTING, WorkGrade.FIRST)).isEmpty();
        assertThatCode(() -> plan(WorkType.LIFTING, WorkGrade.FIRST, Duration.ofDays(60))).doesNotThrowAnyException();
    }

    @Test
    void theEndComesAfterTheStart() {
        assertThatThrownBy(() -> PermitValidity.check(WorkType.HOT_WORK, WorkGrade.FIRST, FROM, FROM, null, null))
                .isInstanceOf(PermitViolation.class);
    }
}
