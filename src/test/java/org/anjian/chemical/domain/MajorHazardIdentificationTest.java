package org.anjian.chemical.domain;

import java.math.BigDecimal;
import java.util.List;
import org.anjian.chemical.domain.MajorHazardIdentification.Stock;
import org.anjian.chemical.domain.MajorHazardIdentification.UnitAssessment;
import org.anjian.chemical.domain.MajorHazardIdentification.UnknownSubstance;
import org.anjian.chemical.internal.ChemicalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GB 18218-2018 rule by rule, with the shipped tables: 4.2.2 (S = Σ q/Q ≥ 1), 4.3 (R = α·Σ β·q/Q),
 * table 1 (named Q), table 2 (Q by class), table 3 (β of toxic gases), table 4 (β by class),
 * table 5 (α) and the grades (一级 R ≥ 100, 二级 ≥ 50, 三级 ≥ 10, 四级 below).
 */
class MajorHazardIdentificationTest {

    final MajorHazardIdentification rule = new MajorHazardIdentification(ChemicalConfig.load(ChemicalConfig.TABLES));

    Stock stock(String name, String tonnes) {
        return new Stock(rule.criterion(name, null, null), new BigDecimal(tonnes));
    }

    Stock stock(String name, String hazardClass, String tonnes) {
        return new Stock(rule.criterion(name, null, hazardClass), new BigDecimal(tonnes));
    }

    static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void ammoniaJustUnderItsCriticalQuantityIsNotAMajorHazardSource() {
        // 表1 氨 7664-41-7, Q = 10 t: 9.99 t gives S = 0.999 < 1 (4.2.2)
        UnitAssessment unit = rule.assess(List.of(stock("氨", "9.99")), 10);

        assertThat(unit.s()).isEqualByComparingTo("0.999");
        assertThat(unit.major()).isFalse();
        assertThat(unit.grade()).isNull();
    }

    @Test
    void ammoniaAtItsCriticalQuantityIsAMajorHazardSource() {
        // 表1 氨 Q = 10 t, 表3 氨 β = 2, 表5 0 人 α = 0.5: S = 1 (≥ 1 inclusive), R = 0.5·2·1 = 1 → 四级
        UnitAssessment unit = rule.assess(List.of(stock("液氨", "10")), 0);

        assertThat(unit.s()).isEqualByComparingTo("1");
        assertThat(unit.major()).isTrue();
        assertThat(unit.alpha()).isEqualByComparingTo("0.5");
        assertThat(unit.r()).isEqualByComparingTo("1");
        assertThat(unit.grade()).isEqualTo(4);
        assertThat(unit.gradeLabel()).isEqualTo("四级");
    }

    @Test
    void rOfExactlyTenIsGradeThree() {
        // 表1 氨 Q = 10 t, 表3 β = 2, 表5 1～29人 α = 1.0: 50 t → R = 1.0·2·5 = 10 → 三级 (10 ≤ R < 50)
        UnitAssessment unit = rule.assess(List.of(stock("氨", "50")), 10);

        assertThat(unit.r()).isEqualByComparingTo("10");
        assertThat(unit.grade()).isEqualTo(3);
    }

    @Test
    void rJustUnderTenIsGradeFour() {
        UnitAssessment unit = rule.assess(List.of(stock("氨", "49.99")), 10);

        assertThat(unit.r()).isEqualByComparingTo("9.998");
        assertThat(unit.grade()).isEqualTo(4);
    }

    @Test
    void rOfExactlyFiftyIsGradeTwo() {
        // 表1 硫化氢 7783-06-4 Q = 5 t, 表3 硫化氢 β = 5, 表5 1 人 α = 1.0: 50 t → R = 1·5·10 = 50 → 二级
        UnitAssessment unit = rule.assess(List.of(stock("硫化氢", "50")), 1);

        assertThat(unit.r()).isEqualByComparingTo("50");
        assertThat(unit.grade()).isEqualTo(2);
        assertThat(unit.gradeLabel()).isEqualTo("二级");
    }

    @Test
    void rOfExactlyOneHundredIsGradeOne() {
        // 表1 碳酰氯（光气）75-44-5 Q = 0.3 t, 表3 碳酰氯 β = 20, 表5 100人以上 α = 2.0:
        // 0.75 t → q/Q = 2.5, R = 2·20·2.5 = 100 → 一级
        UnitAssessment unit = rule.assess(List.of(stock("光气", "0.75")), 100);

        assertThat(unit.s()).isEqualByComparingTo("2.5");
        assertThat(unit.r()).isEqualByComparingTo("100");
        assertThat(unit.grade()).isEqualTo(1);
        assertThat(unit.gradeLabel()).isEqualTo("一级");
    }

    @Test
    void ninetyNinePeopleKeepTheSamePhosgeneStockInGradeTwo() {
        // 表5 50～99人 α = 1.5: R = 1.5·20·2.5 = 75 → 二级
        UnitAssessment unit = rule.assess(List.of(stock("碳酰氯", "0.75")), 99);

        assertThat(unit.r()).isEqualByComparingTo("75");
        assertThat(unit.grade()).isEqualTo(2);
    }

    @Test
    void severalSubstancesInOneUnitAddTheirRatios() {
        // 表1 甲醇 Q = 500 t (表4 W5.3 β = 1), 苯 Q = 50 t (β = 1), 氨 Q = 10 t (表3 β = 2); 表5 50～99人 α = 1.5
        // S = 300/500 + 30/50 + 5/10 = 0.6 + 0.6 + 0.5 = 1.7; R = 1.5·(0.6 + 0.6 + 2·0.5) = 3.3 → 四级
        UnitAssessment unit = rule.assess(List.of(stock("甲醇", "300"), stock("苯", "30"), stock("氨", "5")), 50);

        assertThat(unit.s()).isEqualByComparingTo("1.7");
        assertThat(unit.major()).isTrue();
        assertThat(unit.r()).isEqualByComparingTo("3.3");
        assertThat(unit.grade()).isEqualTo(4);
        assertThat(unit.terms()).extracting(MajorHazardIdentification.Term::ratio)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(n("0.6"), n("0.6"), n("0.5"));
    }

    @Test
    void eachSubstanceBelowItsQCanStillMakeTheUnitMajorTogether() {
        // 表1 氢 Q = 5 t and 液化石油气 Q = 50 t: 3 t + 20 t → S = 0.6 + 0.4 = 1 → major (4.2.2, several substances)
        UnitAssessment unit = rule.assess(List.of(stock("氢", "3"), stock("液化石油气", "20")), 30);

        assertThat(unit.s()).isEqualByComparingTo("1");
        assertThat(unit.major()).isTrue();
        // 表4 W2 β = 1.5 for both, 表5 30～49人 α = 1.2: R = 1.2·1.5·1 = 1.8
        assertThat(unit.r()).isEqualByComparingTo("1.8");
    }

    @Test
    void aSubstanceKnownOnlyByItsHazardClassTakesQAndBetaFromTheClass() {
        // 表2 W5.4 (other flammable liquid cat. 3) Q = 5000 t, 表4 β = 1; 表2 W7.1 (organic peroxide A–B) Q = 10 t, 表4 β = 1.5
        // S = 2500/5000 + 5/10 = 1; α(30) = 1.2; R = 1.2·(0.5 + 1.5·0.5) = 1.5
        UnitAssessment unit = rule.assess(List.of(stock("某溶剂油", "W5.4", "2500"), stock("某有机过氧化物", "W7.1", "5")), 30);

        assertThat(unit.s()).isEqualByComparingTo("1");
        assertThat(unit.major()).isTrue();
        assertThat(unit.r()).isEqualByComparingTo("1.5");
        assertThat(unit.terms().get(0).qRow()).isEqualTo("表2 W5.4");
        assertThat(unit.terms().get(1).betaRow()).isEqualTo("表4 W7.1");
    }

    @Test
    void withSeveralHazardClassesTheLowestCriticalQuantityApplies() {
        // 表2 W5.3 Q = 1000 t, J5 Q = 500 t → Q = 500 t (4.2.1: several hazards, lowest Q)
        assertThat(rule.criterion("某有毒溶剂", null, "W5.3,J5").criticalQuantity()).isEqualByComparingTo("500");
    }

    @Test
    void tableOneComesBeforeTableTwo() {
        // 甲醇 is named in 表1 (Q = 500 t); its class W5.3 (Q = 1000 t) does not replace that
        assertThat(rule.criterion("甲醇", null, "W5.3").criticalQuantity()).isEqualByComparingTo("500");
    }

    @Test
    void aToxicGasOfTableThreeKeepsItsOwnBetaWhateverItsClass() {
        // 表3 氨 β = 2, even if the class J1 (表4 β = 4) is given
        assertThat(rule.criterion("氨", null, "J1").beta()).isEqualByComparingTo("2");
        // 表3 氯 β = 4, 氯化氢 β = 3, 氰化氢 β = 10, 异氰酸甲酯 β = 20
        assertThat(rule.criterion("氯", null, null).beta()).isEqualByComparingTo("4");
        assertThat(rule.criterion("氯化氢", null, null).beta()).isEqualByComparingTo("3");
        assertThat(rule.criterion("氰化氢", null, null).beta()).isEqualByComparingTo("10");
        assertThat(rule.criterion("异氰酸甲酯", null, null).beta()).isEqualByComparingTo("20");
    }

    @Test
    void aSubstanceIsFoundByItsCasNumber() {
        // 表1 氯 7782-50-5 Q = 5 t; 甲烷/天然气 74-82-8 and 8006-14-2 Q = 50 t
        assertThat(rule.criterion(null, "7782-50-5", null).criticalQuantity()).isEqualByComparingTo("5");
        assertThat(rule.criterion(null, "8006-14-2", null).substance()).isEqualTo("甲烷");
    }

    @Test
    void anUnlistedSubstanceWithoutAClassCannotBeMeasured() {
        assertThatThrownBy(() -> rule.criterion("某未知物", null, null))
                .isInstanceOf(UnknownSubstance.class)
                .satisfies(e -> assertThat(((UnknownSubstance) e).field()).isEqualTo("name"));
        assertThatThrownBy(() -> rule.criterion("某未知物", null, "W99"))
                .satisfies(e -> assertThat(((UnknownSubstance) e).field()).isEqualTo("hazardClass"));
    }

    @ParameterizedTest(name = "{0} people within 500 m → α = {1}")
    @CsvSource({
            "0, 0.5",     // 表5 0人
            "1, 1.0",     // 表5 1～29人
            "29, 1.0",
            "30, 1.2",    // 表5 30～49人
            "49, 1.2",
            "50, 1.5",    // 表5 50～99人
            "99, 1.5",
            "100, 2.0",   // 表5 100人以上
            "5000, 2.0"})
    void alphaFollowsTableFive(int people, String alpha) {
        assertThat(rule.alpha(people)).isEqualByComparingTo(alpha);
    }

    @ParameterizedTest(name = "R = {0} → grade {1}")
    @CsvSource({"100, 1", "99.99, 2", "50, 2", "49.99, 3", "10, 3", "9.99, 4", "0, 4"})
    void gradesIncludeTheirLowerLimit(String r, int grade) {
        assertThat(rule.grade(new BigDecimal(r)).grade()).isEqualTo(grade);
    }

    @Test
    void theCriticalQuantitiesOfTableOneAndTwoAreAsPublished() {
        // spot checks of 表1 and 表2 rows against GB 18218-2018
        assertThat(rule.criterion("氧", null, null).criticalQuantity()).isEqualByComparingTo("200");
        assertThat(rule.criterion("汽油", null, null).criticalQuantity()).isEqualByComparingTo("200");
        assertThat(rule.criterion("硝酸铵（含可燃物>0.2%）", null, null).criticalQuantity()).isEqualByComparingTo("5");
        assertThat(rule.criterion("硝酸铵（含可燃物≤0.2%）", null, null).criticalQuantity()).isEqualByComparingTo("50");
        assertThat(rule.criterion("异氰酸甲酯", null, null).criticalQuantity()).isEqualByComparingTo("0.75");
        assertThat(rule.criterion("x", null, "J1").criticalQuantity()).isEqualByComparingTo("5");
        assertThat(rule.criterion("x", null, "W1.1").criticalQuantity()).isEqualByComparingTo("1");
        assertThat(rule.criterion("x", null, "W2").criticalQuantity()).isEqualByComparingTo("10");
        assertThat(rule.criterion("x", null, "W5.3").criticalQuantity()).isEqualByComparingTo("1000");
        assertThat(rule.criterion("x", null, "W9.2").criticalQuantity()).isEqualByComparingTo("200");
    }
}
