package org.anjian.risk.domain;

import org.anjian.risk.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LS matrix: R = L × S; default 1–3 低, 4–8 一般, 9–16 较大, 20–25 重大. */
class RiskMatrixTest {

    @ParameterizedTest(name = "{0} × {1} = {2} → {3}")
    @CsvSource({
            "1, 1, 1, LOW", "1, 3, 3, LOW",
            "2, 2, 4, GENERAL", "2, 4, 8, GENERAL",
            "3, 3, 9, HIGH", "4, 4, 16, HIGH",
            "4, 5, 20, MAJOR", "5, 5, 25, MAJOR"})
    void theDefaultThresholds(int l, int s, int r, RiskLevel level) {
        RiskMatrix.Result result = RiskMatrix.DEFAULT.assess(l, s);
        assertThat(result.r()).isEqualTo(r);
        assertThat(result.level()).isEqualTo(level);
    }

    @Test
    void theVariantThatGradesNineAsGeneral() {
        RiskMatrix variant = new RiskMatrix(3, 9, 16);
        assertThat(variant.assess(3, 3).level()).isEqualTo(RiskLevel.GENERAL);
        assertThat(variant.assess(2, 5).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(variant.assess(2, 4).level()).isEqualTo(RiskLevel.GENERAL);
    }

    @Test
    void factorsAreOneToFive() {
        assertThatThrownBy(() -> RiskMatrix.DEFAULT.assess(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskMatrix.DEFAULT.assess(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsMustRise() {
        assertThatThrownBy(() -> new RiskMatrix(8, 3, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskMatrix(3, 8, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskMatrix(0, 8, 16)).isInstanceOf(IllegalArgumentException.class);
    }
}
