package org.anjian.inspection.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorMathTest {

    @Test
    void withoutADenominatorARateIsNotApplicableNotZeroNorAnError() {
        assertThat(IndicatorMath.rate(0, 0)).isNull();
        assertThat(IndicatorMath.per100(3, 0)).isNull();
        assertThat(IndicatorMath.average(5000, 0)).isNull();
    }

    @Test
    void ratesAndIntensities() {
        assertThat(IndicatorMath.rate(0, 4)).isEqualTo(0.0);
        assertThat(IndicatorMath.rate(1, 3)).isEqualTo(0.3333);
        assertThat(IndicatorMath.rate(4, 4)).isEqualTo(1.0);
        assertThat(IndicatorMath.per100(1, 2)).isEqualTo(50.0);
        assertThat(IndicatorMath.per100(1, 3)).isEqualTo(33.33);
        assertThat(IndicatorMath.average(7, 2)).isEqualTo(3.5);
        assertThat(IndicatorMath.average(0, 6)).isEqualTo(0.0);
    }
}
