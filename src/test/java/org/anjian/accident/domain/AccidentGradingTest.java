package org.anjian.accident.domain;

import java.math.BigDecimal;
import org.anjian.accident.AccidentGrade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.anjian.accident.AccidentGrade.EXTRAORDINARY;
import static org.anjian.accident.AccidentGrade.LARGER;
import static org.anjian.accident.AccidentGrade.MAJOR;
import static org.anjian.accident.AccidentGrade.ORDINARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decree 493, Article 3, on both sides of every boundary ("以上" includes the number, "以下" excludes it). */
class AccidentGradingTest {

    static AccidentGrade grade(int deaths, int serious, String loss) {
        return AccidentGrading.grade(deaths, 0, serious, new BigDecimal(loss));
    }

    @ParameterizedTest(name = "{0} deaths → {1}")
    @CsvSource({"0, ORDINARY", "2, ORDINARY", "3, LARGER", "9, LARGER", "10, MAJOR", "29, MAJOR", "30, EXTRAORDINARY", "300, EXTRAORDINARY"})
    void byDeaths(int deaths, AccidentGrade expected) {
        assertThat(grade(deaths, 0, "0")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} serious injuries → {1}")
    @CsvSource({"9, ORDINARY", "10, LARGER", "49, LARGER", "50, MAJOR", "99, MAJOR", "100, EXTRAORDINARY"})
    void bySeriousInjuries(int serious, AccidentGrade expected) {
        assertThat(grade(0, serious, "0")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} yuan → {1}")
    @CsvSource({"9999999, ORDINARY", "9999999.99, ORDINARY", "10000000, LARGER", "49999999.99, LARGER", "50000000, MAJOR",
            "99999999.99, MAJOR", "100000000, EXTRAORDINARY"})
    void byDirectLoss(String loss, AccidentGrade expected) {
        assertThat(grade(0, 0, loss)).isEqualTo(expected);
    }

    @Test
    void theHighestOfTheThreeWins() {
        assertThat(grade(1, 50, "0")).isEqualTo(MAJOR);
        assertThat(grade(3, 0, "100000000")).isEqualTo(EXTRAORDINARY);
        assertThat(grade(10, 10, "10000000")).isEqualTo(MAJOR);
        assertThat(grade(2, 9, "9999999.99")).isEqualTo(ORDINARY);
    }

    @Test
    void missingPersonsCountWithTheDead() {
        assertThat(AccidentGrading.grade(2, 0, 0, BigDecimal.ZERO)).isEqualTo(ORDINARY);
        assertThat(AccidentGrading.grade(2, 1, 0, BigDecimal.ZERO)).isEqualTo(LARGER);
        assertThat(AccidentGrading.grade(0, 30, 0, BigDecimal.ZERO)).isEqualTo(EXTRAORDINARY);
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThatThrownBy(() -> AccidentGrading.grade(-1, 0, 0, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccidentGrading.grade(0, 0, 0, new BigDecimal("-0.01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
