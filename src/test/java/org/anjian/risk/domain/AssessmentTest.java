package org.anjian.risk.domain;

import java.math.BigDecimal;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An assessment takes its level from the method's policy; the control level follows the grade. */
class AssessmentTest {

    static Assessment lec(String l, String e, String c) {
        return Assessment.lec(new BigDecimal(l), new BigDecimal(e), new BigDecimal(c));
    }

    @Test
    void lecKeepsItsFactorsAndGradesByD() {
        Assessment a = lec("3", "6", "15");
        assertThat(a.method()).isEqualTo(AssessmentMethod.LEC);
        assertThat(a.score()).isEqualByComparingTo("270");
        assertThat(a.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(a.likelihood()).isNull();
        assertThat(lec("1", "10", "7").level()).isEqualTo(RiskLevel.LOW);        // D = 70
        assertThat(lec("0.5", "10", "15").level()).isEqualTo(RiskLevel.GENERAL); // D = 75
        assertThat(lec("10", "1", "15").level()).isEqualTo(RiskLevel.GENERAL);   // D = 150
        assertThat(lec("6", "2", "15").level()).isEqualTo(RiskLevel.HIGH);       // D = 180
        assertThat(lec("10", "2", "15").level()).isEqualTo(RiskLevel.HIGH);      // D = 300
        assertThat(lec("3", "3", "40").level()).isEqualTo(RiskLevel.MAJOR);      // D = 360
    }

    @Test
    void lsGradesByTheConfiguredMatrix() {
        assertThat(Assessment.ls(3, 3, RiskMatrix.DEFAULT).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(Assessment.ls(3, 3, new RiskMatrix(3, 9, 16)).level()).isEqualTo(RiskLevel.GENERAL);
        assertThat(Assessment.ls(4, 5, RiskMatrix.DEFAULT).score()).isEqualByComparingTo("20");
        assertThat(Assessment.ls(4, 5, RiskMatrix.DEFAULT).level()).isEqualTo(RiskLevel.MAJOR);
        assertThat(Assessment.ls(1, 3, RiskMatrix.DEFAULT).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void factorsOutsideTheTablesAreRefused() {
        assertThatThrownBy(() -> lec("5", "6", "15")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Assessment.ls(0, 6, RiskMatrix.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHigherTheRiskTheHigherTheLevelThatControlsIt() {
        assertThat(ControlLevels.allows(RiskLevel.MAJOR, ResponsibleLevel.COMPANY)).isTrue();
        assertThat(ControlLevels.allows(RiskLevel.MAJOR, ResponsibleLevel.WORKSHOP)).isFalse();
        assertThat(ControlLevels.allows(RiskLevel.HIGH, ResponsibleLevel.WORKSHOP)).isTrue();
        assertThat(ControlLevels.allows(RiskLevel.HIGH, ResponsibleLevel.TEAM)).isFalse();
        assertThat(ControlLevels.allows(RiskLevel.GENERAL, ResponsibleLevel.TEAM)).isTrue();
        assertThat(ControlLevels.allows(RiskLevel.GENERAL, ResponsibleLevel.POST)).isFalse();
        assertThat(ControlLevels.allows(RiskLevel.LOW, ResponsibleLevel.POST)).isTrue();
        assertThat(ControlLevels.allows(RiskLevel.LOW, ResponsibleLevel.COMPANY)).isTrue();
    }
}
