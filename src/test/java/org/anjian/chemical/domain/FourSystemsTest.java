package org.anjian.chemical.domain;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.anjian.chemical.domain.StorageSystem.EMERGENCY_SHUTOFF;
import static org.anjian.chemical.domain.StorageSystem.GAS_DETECTION;
import static org.anjian.chemical.domain.StorageSystem.LIGHTNING_WARNING;
import static org.anjian.chemical.domain.StorageSystem.VIDEO;
import static org.anjian.chemical.domain.SystemState.ABSENT;
import static org.anjian.chemical.domain.SystemState.OUT_OF_ORDER;
import static org.anjian.chemical.domain.SystemState.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The 四个系统 checklist's gaps, which gaps are 重大事故隐患 (安监总管三〔2017〕121号), and GB 50028-2006 pressure classes. */
class FourSystemsTest {

    @Test
    void everySystemNotPresentAndWorkingIsAGapInChecklistOrder() {
        assertThat(new FourSystems(PRESENT, PRESENT, PRESENT, PRESENT).gaps()).isEmpty();
        assertThat(new FourSystems(PRESENT, OUT_OF_ORDER, PRESENT, ABSENT).gaps()).containsExactly(VIDEO, LIGHTNING_WARNING);
        assertThat(new FourSystems(ABSENT, ABSENT, OUT_OF_ORDER, OUT_OF_ORDER).gaps())
                .containsExactly(GAS_DETECTION, VIDEO, EMERGENCY_SHUTOFF, LIGHTNING_WARNING);
    }

    @Test
    void missingGasDetectionIsMajorByItem12WhateverTheGrade() {
        assertThat(FourSystems.criterion(GAS_DETECTION, null)).isEqualTo("HC-2017-12");
        assertThat(FourSystems.criterion(GAS_DETECTION, 4)).isEqualTo("HC-2017-12");
    }

    @Test
    void missingShutOffIsMajorByItem5OnlyAtAGrade1Or2MajorHazardSource() {
        assertThat(FourSystems.criterion(EMERGENCY_SHUTOFF, 1)).isEqualTo("HC-2017-05");
        assertThat(FourSystems.criterion(EMERGENCY_SHUTOFF, 2)).isEqualTo("HC-2017-05");
        assertThat(FourSystems.criterion(EMERGENCY_SHUTOFF, 3)).isNull();
        assertThat(FourSystems.criterion(EMERGENCY_SHUTOFF, null)).isNull();
    }

    @Test
    void videoAndLightningGapsAreGeneralHazards() {
        assertThat(FourSystems.criterion(VIDEO, 1)).isNull();
        assertThat(FourSystems.criterion(LIGHTNING_WARNING, 1)).isNull();
    }

    @Test
    void pressureClassesFollowGb50028Table616WithEachUpperBoundInTheLowerClass() {
        assertThat(PressureClass.of(new BigDecimal("0.0099"))).isEqualTo(PressureClass.LOW);
        assertThat(PressureClass.of(new BigDecimal("0.01"))).isEqualTo(PressureClass.MEDIUM);
        assertThat(PressureClass.of(new BigDecimal("0.4"))).isEqualTo(PressureClass.MEDIUM);
        assertThat(PressureClass.of(new BigDecimal("0.41"))).isEqualTo(PressureClass.SUB_HIGH);
        assertThat(PressureClass.of(new BigDecimal("1.6"))).isEqualTo(PressureClass.SUB_HIGH);
        assertThat(PressureClass.of(new BigDecimal("1.61"))).isEqualTo(PressureClass.HIGH);
        assertThat(PressureClass.of(new BigDecimal("10"))).isEqualTo(PressureClass.HIGH);
    }

    @Test
    void pipelineHazardsAreExternalOrInThePipeBody() {
        assertThat(PipelineHazardKind.OCCUPATION.category()).isEqualTo("EXTERNAL");
        assertThat(PipelineHazardKind.THIRD_PARTY_CONSTRUCTION.category()).isEqualTo("EXTERNAL");
        assertThat(PipelineHazardKind.CORROSION.category()).isEqualTo("BODY");
        assertThat(PipelineHazardKind.LEAK.category()).isEqualTo("BODY");
    }
}
