package org.anjian.enterprise.domain;

import java.util.Set;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 两重点一重大 in the default rule set: a 一级 or 二级 major hazard source (GB 18218-2018, R ≥ 50) or a
 * key supervised process puts a hazchem enterprise in class A; a 三级 or 四级 source only adds points.
 */
class ChemicalClassificationRulesTest {

    final SupervisionClassRules rules = new SupervisionClassRules(RuleSet.defaults());

    /** A small hazchem store without standardization: 30 (sector) + 5 (no grade) = 35 → C. */
    static ClassificationInputs store(int sources, Integer grade, int processes) {
        return new ClassificationInputs(Sector.HAZCHEM, SubSector.HAZCHEM_STORAGE, Scale.SMALL_MICRO, Set.of(), null, 0, 0, 0, sources, grade,
                processes);
    }

    @Test
    void withoutSourcesOrProcessesTheStoreIsClassC() {
        Classification c = rules.classify(store(0, null, 0));
        assertThat(c.score()).isEqualTo(35);
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.C);
    }

    @Test
    void aGrade1SourceForcesClassA() {
        Classification c = rules.classify(store(1, 1, 0));
        assertThat(c.firedRules()).extracting(Classification.FiredRule::code).contains("MAJOR_HAZARD_SOURCE", "MAJOR_HAZARD_SOURCE_GRADE_1_2");
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.A);
    }

    @Test
    void aGrade2SourceIsTheBoundaryThatStillForcesClassA() {
        assertThat(rules.classify(store(1, 2, 0)).supervisionClass()).isEqualTo(SupervisionClass.A);
    }

    @Test
    void aGrade3SourceOnlyAddsItsPoints() {
        Classification c = rules.classify(store(1, 3, 0));
        assertThat(c.firedRules()).extracting(Classification.FiredRule::code).contains("MAJOR_HAZARD_SOURCE")
                .doesNotContain("MAJOR_HAZARD_SOURCE_GRADE_1_2");
        assertThat(c.score()).isEqualTo(50);
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.B);
    }

    @Test
    void oneKeyProcessForcesClassA() {
        Classification c = rules.classify(store(0, null, 1));
        assertThat(c.firedRules()).extracting(Classification.FiredRule::code).contains("KEY_PROCESS");
        assertThat(c.score()).isEqualTo(55);
        assertThat(c.supervisionClass()).isEqualTo(SupervisionClass.A);
    }

    @Test
    void theOldInputsWithoutChemicalFactsFireNeitherRule() {
        Classification c = rules.classify(new ClassificationInputs(Sector.HAZCHEM, SubSector.HAZCHEM_STORAGE, Scale.SMALL_MICRO, Set.of(), null,
                0, 0, 0, 0));
        assertThat(c.firedRules()).extracting(Classification.FiredRule::code).doesNotContain("KEY_PROCESS", "MAJOR_HAZARD_SOURCE_GRADE_1_2");
    }

    @Test
    void anAtMostRuleWithANegativeParameterIsRefused() {
        RuleSet d = RuleSet.defaults();
        var list = new java.util.ArrayList<>(d.rules());
        list.add(new RuleSet.Rule("BAD", RuleSet.RuleKind.MAJOR_HAZARD_SOURCE_GRADE_AT_MOST, "x", 1, null, true));
        assertThat(SupervisionClassRules.problems(new RuleSet(2, list, d.thresholds(), d.inspectionsPerYear()))).contains("ruleParameter");
    }
}
