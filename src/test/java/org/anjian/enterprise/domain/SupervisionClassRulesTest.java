package org.anjian.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.Classification.FiredRule;
import org.anjian.enterprise.domain.RuleSet.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupervisionClassRulesTest {

    private final SupervisionClassRules rules = new SupervisionClassRules(RuleSet.defaults());

    /** A small machinery shop with a grade-2 standardization: the quietest profile there is. */
    private static ClassificationInputs quiet() {
        return new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), "LEVEL_2", 0, 0, 0, 0);
    }

    private static List<String> codes(Classification c) {
        return c.firedRules().stream().map(FiredRule::code).toList();
    }

    @Test
    void aQuietMachineryShopIsClassD() {
        Classification c = rules.classify(quiet());
        assertThat(codes(c)).containsExactly("SECTOR_INDUSTRY_TRADE", "STANDARDIZATION_LEVEL_2");
        assertThat(c.score()).isEqualTo(-5);
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.D);
        assertThat(c.inspectionsPerYear()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"HAZCHEM,HAZCHEM_TRADE,SECTOR_HAZCHEM,30", "NON_COAL_MINE,OPEN_PIT,SECTOR_MINE,30",
            "FIREWORKS,FIREWORKS_RETAIL,SECTOR_FIREWORKS,20", "INDUSTRY_TRADE,COMMERCE,SECTOR_INDUSTRY_TRADE,5"})
    void eachSectorGivesItsPoints(Sector sector, SubSector sub, String rule, int points) {
        Classification c = rules.classify(new ClassificationInputs(sector, sub, Scale.SMALL_MICRO, Set.of(), "LEVEL_1", 0, 0, 0, 0));
        assertThat(c.firedRules()).contains(new FiredRule(rule, points, null));
    }

    @ParameterizedTest
    @CsvSource({"HAZCHEM,HAZCHEM_PRODUCTION,HAZCHEM_PRODUCTION", "NON_COAL_MINE,UNDERGROUND,UNDERGROUND_MINE",
            "FIREWORKS,FIREWORKS_WHOLESALE,FIREWORKS_WHOLESALE"})
    void riskierSubSectorsAddTenPoints(Sector sector, SubSector sub, String rule) {
        Classification c = rules.classify(new ClassificationInputs(sector, sub, Scale.SMALL_MICRO, Set.of(), "LEVEL_1", 0, 0, 0, 0));
        assertThat(c.firedRules()).contains(new FiredRule(rule, 10, null));
    }

    @Test
    void aboveSizeAddsTenPoints() {
        ClassificationInputs in = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.ABOVE_SIZE, Set.of(), "LEVEL_2", 0, 0, 0, 0);
        assertThat(rules.classify(in).firedRules()).contains(new FiredRule("ABOVE_SIZE", 10, null));
        assertThat(rules.classify(in).score()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"DUST_EXPLOSION,15", "AMMONIA_REFRIGERATION,15", "MOLTEN_METAL,15", "CONFINED_SPACE,5", "HAZCHEM_USE,10", "METAL_SMELTING,10"})
    void eachFlagGivesItsPoints(RiskFlag flag, int points) {
        ClassificationInputs in = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.METALLURGY, Scale.SMALL_MICRO, Set.of(flag), "LEVEL_2", 0, 0, 0, 0);
        Classification c = rules.classify(in);
        assertThat(c.firedRules()).contains(new FiredRule(flag.name(), points, null));
        assertThat(c.score()).isEqualTo(-5 + points);
    }

    @ParameterizedTest
    @CsvSource({"LEVEL_1,STANDARDIZATION_LEVEL_1,-15", "LEVEL_2,STANDARDIZATION_LEVEL_2,-10", "LEVEL_3,STANDARDIZATION_LEVEL_3,-5"})
    void aStandardizationGradeSubtractsPoints(String grade, String rule, int points) {
        ClassificationInputs in = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), grade, 0, 0, 0, 0);
        assertThat(rules.classify(in).firedRules()).contains(new FiredRule(rule, points, null));
    }

    @Test
    void noStandardizationGradeAddsFivePoints() {
        ClassificationInputs in = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), null, 0, 0, 0, 0);
        assertThat(rules.classify(in).firedRules()).contains(new FiredRule("NO_STANDARDIZATION", 5, null));
    }

    @Test
    void oneAccidentInThreeYearsAddsTwentyAndASecondForcesClassA() {
        ClassificationInputs one = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), "LEVEL_2", 1, 0, 0, 0);
        Classification c1 = rules.classify(one);
        assertThat(codes(c1)).contains("ACCIDENT_IN_3_YEARS").doesNotContain("REPEATED_ACCIDENTS");
        assertThat(c1.score()).isEqualTo(15);
        assertThat(c1.supervisionClass()).isEqualTo(SupervisionClass.D);

        ClassificationInputs two = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), "LEVEL_2", 2, 0, 0, 0);
        Classification c2 = rules.classify(two);
        assertThat(codes(c2)).contains("ACCIDENT_IN_3_YEARS", "REPEATED_ACCIDENTS");
        assertThat(c2.score()).isEqualTo(25);
        assertThat(c2.supervisionClass()).as("forced whatever the score").isEqualTo(SupervisionClass.A);
        assertThat(c2.inspectionsPerYear()).isEqualTo(4);
    }

    @Test
    void anOpenMajorHazardForcesClassA() {
        ClassificationInputs in = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), "LEVEL_2", 0, 1, 0, 0);
        Classification c = rules.classify(in);
        assertThat(c.firedRules()).contains(new FiredRule("OPEN_MAJOR_HAZARD", 25, SupervisionClass.A));
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.A);
    }

    @Test
    void enforcementAddsFiveAtOneAndTenMoreAtThree() {
        assertThat(rules.classify(withEnforcement(0)).score()).isEqualTo(-5);
        assertThat(rules.classify(withEnforcement(1)).score()).isEqualTo(0);
        assertThat(rules.classify(withEnforcement(2)).score()).isEqualTo(0);
        assertThat(rules.classify(withEnforcement(3)).score()).isEqualTo(10);
    }

    private static ClassificationInputs withEnforcement(int n) {
        return new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), "LEVEL_2", 0, 0, n, 0);
    }

    @Test
    void aMajorHazardSourceAddsFifteen() {
        ClassificationInputs in = new ClassificationInputs(Sector.HAZCHEM, SubSector.HAZCHEM_STORAGE, Scale.SMALL_MICRO, Set.of(), "LEVEL_2", 0, 0, 0, 1);
        assertThat(rules.classify(in).firedRules()).contains(new FiredRule("MAJOR_HAZARD_SOURCE", 15, null));
    }

    @Test
    void thresholdsAreInclusive() {
        assertThat(rules.classFor(60)).isEqualTo(SupervisionClass.A);
        assertThat(rules.classFor(59)).isEqualTo(SupervisionClass.B);
        assertThat(rules.classFor(40)).isEqualTo(SupervisionClass.B);
        assertThat(rules.classFor(39)).isEqualTo(SupervisionClass.C);
        assertThat(rules.classFor(20)).isEqualTo(SupervisionClass.C);
        assertThat(rules.classFor(19)).isEqualTo(SupervisionClass.D);
    }

    @Test
    void anAboveSizeSteelWorksWithMoltenMetalAndDustIsClassB() {
        ClassificationInputs in = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.METALLURGY, Scale.ABOVE_SIZE,
                EnumSet.of(RiskFlag.MOLTEN_METAL, RiskFlag.DUST_EXPLOSION, RiskFlag.METAL_SMELTING), "LEVEL_3", 0, 0, 0, 0);
        Classification c = rules.classify(in);
        // 5 sector + 10 size + 15 + 15 + 10 flags − 5 grade
        assertThat(c.score()).isEqualTo(50);
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.B);
        assertThat(c.inspectionsPerYear()).isEqualTo(2);
    }

    @Test
    void changingARulesPointsChangesTheClass() {
        ClassificationInputs in = new ClassificationInputs(Sector.INDUSTRY_TRADE, SubSector.METALLURGY, Scale.ABOVE_SIZE,
                EnumSet.of(RiskFlag.MOLTEN_METAL, RiskFlag.DUST_EXPLOSION, RiskFlag.METAL_SMELTING), "LEVEL_3", 0, 0, 0, 0);
        RuleSet base = RuleSet.defaults();
        List<Rule> edited = new ArrayList<>();
        for (Rule r : base.rules()) {
            edited.add(r.code().equals("MOLTEN_METAL") ? new Rule(r.code(), r.kind(), r.parameter(), 25, r.forcesClass(), true) : r);
        }
        RuleSet v2 = new RuleSet(2, edited, base.thresholds(), base.inspectionsPerYear());
        Classification c = new SupervisionClassRules(v2).classify(in);
        assertThat(c.score()).isEqualTo(60);
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.A);
        assertThat(c.ruleSetVersion()).isEqualTo(2);
    }

    @Test
    void aDisabledRuleDoesNotFire() {
        List<Rule> edited = RuleSet.defaults().rules().stream()
                .map(r -> r.code().equals("SECTOR_INDUSTRY_TRADE") ? new Rule(r.code(), r.kind(), r.parameter(), r.points(), null, false) : r)
                .toList();
        RuleSet v2 = new RuleSet(2, edited, RuleSet.defaults().thresholds(), RuleSet.defaults().inspectionsPerYear());
        assertThat(codes(new SupervisionClassRules(v2).classify(quiet()))).doesNotContain("SECTOR_INDUSTRY_TRADE");
    }

    @Test
    void aRuleSetWithUnorderedThresholdsOrDuplicateCodesIsRefused() {
        RuleSet base = RuleSet.defaults();
        assertThat(SupervisionClassRules.problems(base)).isEmpty();
        RuleSet badThresholds = new RuleSet(2, base.rules(),
                java.util.Map.of(SupervisionClass.A, 30, SupervisionClass.B, 40, SupervisionClass.C, 20), base.inspectionsPerYear());
        assertThat(SupervisionClassRules.problems(badThresholds)).contains("thresholds");
        List<Rule> dup = new ArrayList<>(base.rules());
        dup.add(base.rules().get(0));
        assertThat(SupervisionClassRules.problems(new RuleSet(2, dup, base.thresholds(), base.inspectionsPerYear()))).contains("ruleCode");
        List<Rule> badCount = new ArrayList<>(base.rules());
        badCount.add(new Rule("X", RuleSet.RuleKind.ACCIDENTS_AT_LEAST, "many", 1, null, true));
        assertThat(SupervisionClassRules.problems(new RuleSet(2, badCount, base.thresholds(), base.inspectionsPerYear()))).contains("ruleParameter");
    }
}
