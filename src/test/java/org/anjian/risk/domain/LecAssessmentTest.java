package org.anjian.risk.domain;

import java.math.BigDecimal;
import org.anjian.risk.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LEC: D = L × E × C; D > 320 重大, 160 < D ≤ 320 较大, 70 < D ≤ 160 一般, D ≤ 70 低. */
class LecAssessmentTest {

    static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @ParameterizedTest(name = "D = {0} → {1}")
    @CsvSource({
            "320.01, MAJOR", "320, HIGH",
            "160.01, HIGH", "160, GENERAL",
            "70.01, GENERAL", "70, LOW",
            "0.05, LOW", "2000, MAJOR"})
    void theGradeBoundariesBelongToTheLowerGrade(String d, RiskLevel level) {
        assertThat(LecAssessment.grade(n(d))).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} × {1} × {2} = {3} → {4}")
    @CsvSource({
            "6, 6, 15, 540, MAJOR",
            "3, 3, 40, 360, MAJOR",
            "10, 10, 3, 300, HIGH",
            "6, 2, 15, 180, HIGH",
            "10, 1, 15, 150, GENERAL",
            "1, 2, 40, 80, GENERAL",
            "10, 1, 7, 70, LOW",
            "3, 6, 3, 54, LOW",
            "0.1, 0.5, 1, 0.05, LOW",
            "10, 10, 100, 10000, MAJOR"})
    void dIsTheProductOfTheThreeTableValues(String l, String e, String c, String d, RiskLevel level) {
        LecAssessment.Result r = LecAssessment.assess(n(l), n(e), n(c));
        assertThat(r.d()).isEqualByComparingTo(n(d));
        assertThat(r.level()).isEqualTo(level);
    }

    @Test
    void aWholeProductHasNoDecimals() {
        assertThat(LecAssessment.assess(n("6"), n("6"), n("15")).d().toPlainString()).isEqualTo("540");
        assertThat(LecAssessment.assess(n("0.5"), n("0.5"), n("1")).d().toPlainString()).isEqualTo("0.25");
    }

    @Test
    void valuesOutsideTheTablesAreNamed() {
        assertThat(LecAssessment.invalidFactors(n("5"), n("6"), n("15"))).containsExactly("l");
        assertThat(LecAssessment.invalidFactors(n("6"), n("7"), n("15"))).containsExactly("e");
        assertThat(LecAssessment.invalidFactors(n("6"), n("6"), n("50"))).containsExactly("c");
        assertThat(LecAssessment.invalidFactors(null, n("0.2"), n("0"))).containsExactly("l", "e", "c");
        assertThat(LecAssessment.invalidFactors(n("6.0"), n("0.50"), n("15"))).isEmpty();
        assertThatThrownBy(() -> LecAssessment.assess(n("4"), n("6"), n("15"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCombinationOfTheTablesGetsTheGradeOfItsProduct() {
        int count = 0;
        for (BigDecimal l : LecAssessment.L_VALUES) {
            for (BigDecimal e : LecAssessment.E_VALUES) {
                for (BigDecimal c : LecAssessment.C_VALUES) {
                    LecAssessment.Result r = LecAssessment.assess(l, e, c);
                    double d = l.doubleValue() * e.doubleValue() * c.doubleValue();
                    RiskLevel expected = d > 320 ? RiskLevel.MAJOR : d > 160 ? RiskLevel.HIGH : d > 70 ? RiskLevel.GENERAL : RiskLevel.LOW;
                    assertThat(r.level()).as("%s×%s×%s", l, e, c).isEqualTo(expected);
                    count++;
                }
            }
        }
        assertThat(count).isEqualTo(7 * 6 * 6);
    }
}
