package org.anjian.governance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.anjian.accident.AccidentGrade;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The starting scheme's rules at their boundaries: weights, deductions, the ceiling, 扣完为止 and 一票否决. */
class AssessmentSchemeTest {

    static final AssessmentScheme SCHEME = new AssessmentScheme("考核", AccidentGrade.LARGER, null, List.of(
            new AssessmentIndicator("ACCIDENTS", "事故控制", bd("40"), bd("10"), bd("2"), bd("10"), bd("2"), ""),
            new AssessmentIndicator("HAZARD_RECTIFICATION", "隐患整改率", bd("25"), bd("0"), bd("0"), bd("0"), bd("95"), ""),
            new AssessmentIndicator("ENFORCEMENT", "执法处罚", bd("15"), bd("0"), bd("0"), bd("0"), bd("5"), ""),
            new AssessmentIndicator("STANDARDIZATION", "标准化达标率", bd("20"), bd("0"), bd("0"), bd("0"), bd("30"), "")));

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    static AssessmentFacts.Accident accident(String id, String day, String grade, int deaths) {
        return new AssessmentFacts.Accident("accident:" + id, "重庆某机械有限公司", LocalDate.parse(day), grade, deaths, 0);
    }

    /** Everything else at full marks: 20 of 20 hazards closed, 5 penalties, 3 of 10 enterprises graded. */
    static AssessmentFacts with(List<AssessmentFacts.Accident> accidents) {
        return new AssessmentFacts(accidents, 20, 20, 5, 10, 3);
    }

    @Test
    void aUnitWithoutAccidentsThatMeetsEveryTargetScoresTheSumOfTheWeights() {
        var r = SCHEME.score(Map.of(), with(List.of()));
        assertThat(r.total()).isEqualByComparingTo("100");
        assertThat(r.vetoed()).isFalse();
        assertThat(SCHEME.maximum()).isEqualByComparingTo("100");
    }

    @Test
    void oneDeathDeductsTenForTheDeathAndTwoForTheAccidentAndNamesTheAccident() {
        var r = SCHEME.score(Map.of(), with(List.of(accident("a", "2026-11-03", "ORDINARY", 1))));
        assertThat(r.total()).isEqualByComparingTo("88");
        assertThat(r.lines()).filteredOn(l -> l.kind().equals("DEDUCTION")).singleElement().satisfies(l -> {
            assertThat(l.points()).isEqualByComparingTo("-12");
            assertThat(l.explanation()).isEqualTo("事故：重庆某机械有限公司 2026-11-03 死亡1人（一般事故） 扣12分");
            assertThat(l.sourceId()).isEqualTo("accident:a");
        });
    }

    @Test
    void deathsExactlyAtTheCeilingDeductNothingMoreOneOverDeductsTheOverTargetPoints() {
        // ceiling 2: two deaths in two accidents = 2 × 12 = 24, at the ceiling
        var at = SCHEME.score(Map.of("ACCIDENTS", bd("2")), with(List.of(accident("a", "2026-03-01", "ORDINARY", 1),
                accident("b", "2026-04-01", "ORDINARY", 1))));
        assertThat(at.total()).isEqualByComparingTo("76");
        // a third death passes it: 36 for the accidents and 10 for passing the ceiling, but only 40 to take (扣完为止)
        var over = SCHEME.score(Map.of("ACCIDENTS", bd("2")), with(List.of(accident("a", "2026-03-01", "ORDINARY", 1),
                accident("b", "2026-04-01", "ORDINARY", 1), accident("c", "2026-05-01", "ORDINARY", 1))));
        assertThat(over.total()).isEqualByComparingTo("60");
        assertThat(over.lines()).filteredOn(l -> l.explanation().startsWith("全年死亡3人")).singleElement()
                .satisfies(l -> assertThat(l.points()).isEqualByComparingTo("-4"));
        // a ceiling of 3 for the same unit: no over-target deduction
        assertThat(SCHEME.score(Map.of("ACCIDENTS", bd("3")), with(List.of(accident("a", "2026-03-01", "ORDINARY", 1),
                accident("b", "2026-04-01", "ORDINARY", 1), accident("c", "2026-05-01", "ORDINARY", 1)))).total()).isEqualByComparingTo("64");
    }

    @Test
    void deductionsStopAtTheWeightAndTheLastLineSaysSo() {
        var r = SCHEME.score(Map.of("ACCIDENTS", bd("10")), with(List.of(accident("a", "2026-03-01", "ORDINARY", 2),
                accident("b", "2026-04-01", "ORDINARY", 2))));
        // 22 then 18 of the due 22: the indicator is at 0, never below
        assertThat(r.total()).isEqualByComparingTo("60");
        assertThat(r.lines().get(r.lines().size() - 1 - 3).explanation()).endsWith("扣18分（扣完为止）");
    }

    @Test
    void aLargerAccidentVetoesAnOrdinaryOneWithTwoDeathsDoesNot() {
        var ordinary = SCHEME.score(Map.of("ACCIDENTS", bd("5")), with(List.of(accident("a", "2026-03-01", "ORDINARY", 2))));
        assertThat(ordinary.vetoed()).isFalse();
        assertThat(ordinary.total()).isEqualByComparingTo("78");
        var larger = SCHEME.score(Map.of("ACCIDENTS", bd("5")), with(List.of(accident("a", "2026-03-01", "LARGER", 3))));
        assertThat(larger.vetoed()).isTrue();
        assertThat(larger.lines()).filteredOn(l -> l.kind().equals("VETO")).singleElement()
                .satisfies(l -> assertThat(l.explanation()).isEqualTo("一票否决：重庆某机械有限公司 2026-03-01 死亡3人（较大事故）"));
        // no grade condition, but one accident with 2 or more deaths vetoes
        var byDeaths = new AssessmentScheme("考核", null, 2, SCHEME.indicators());
        assertThat(byDeaths.score(Map.of(), with(List.of(accident("a", "2026-03-01", "ORDINARY", 1)))).vetoed()).isFalse();
        assertThat(byDeaths.score(Map.of(), with(List.of(accident("a", "2026-03-01", "ORDINARY", 2)))).vetoed()).isTrue();
    }

    @Test
    void ratesScoreInProportionBelowTheTargetAndInFullAtIt() {
        // 19 of 20 closed = 95.0 % = the target: 25; 18 of 20 = 90 %: 25 × 90 / 95 = 23.68
        assertThat(SCHEME.score(Map.of(), new AssessmentFacts(List.of(), 20, 19, 5, 10, 3)).total()).isEqualByComparingTo("100");
        assertThat(SCHEME.score(Map.of(), new AssessmentFacts(List.of(), 20, 18, 5, 10, 3)).total()).isEqualByComparingTo("98.68");
        // 4 penalties of 5: 12 of 15; 2 of 10 graded against 30 %: 20 × 20 / 30 = 13.33
        assertThat(SCHEME.score(Map.of(), new AssessmentFacts(List.of(), 0, 0, 4, 10, 2)).total()).isEqualByComparingTo("90.33");
        // a unit's own target replaces the default: 4 penalties meet a target of 4
        assertThat(SCHEME.score(Map.of("ENFORCEMENT", bd("4")), new AssessmentFacts(List.of(), 0, 0, 4, 10, 3)).total()).isEqualByComparingTo("100");
    }
}
