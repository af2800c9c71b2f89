package org.anjian.enterprise.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anjian.enterprise.SupervisionClass;

/**
 * The district's classification rules as data: which conditions add (or subtract) points, the
 * score at which each class begins, and the inspections a year each class implies. The district
 * administrator edits it; every save is a new version, so a past class can be explained by the
 * version that produced it.
 *
 * @param thresholds          minimum score for A, B and C; anything below C's is D
 * @param inspectionsPerYear  planned inspections per class (D = 0: covered by random draws only)
 */
public record RuleSet(int version, List<Rule> rules, Map<SupervisionClass, Integer> thresholds,
                      Map<SupervisionClass, Integer> inspectionsPerYear) {

    public RuleSet {
        rules = List.copyOf(rules);
        thresholds = Map.copyOf(thresholds);
        inspectionsPerYear = Map.copyOf(inspectionsPerYear);
    }

    /**
     * One rule. {@code parameter} is read per {@link RuleKind}: the sector, sub-sector, scale,
     * flag or grade to match, or the minimum count. {@code forcesClass}, when set, lifts the class
     * to at least that one whatever the score (一票否决 for open major hazards, say).
     */
    public record Rule(String code, RuleKind kind, String parameter, int points, SupervisionClass forcesClass, boolean enabled) {
    }

    public enum RuleKind {
        SECTOR, SUB_SECTOR, SCALE, FLAG,
        /** parameter LEVEL_1..3, or NONE for an enterprise without a grade. */
        STANDARDIZATION,
        ACCIDENTS_AT_LEAST, OPEN_MAJOR_HAZARDS_AT_LEAST, ENFORCEMENT_AT_LEAST, MAJOR_HAZARD_SOURCES_AT_LEAST,
        /** The enterprise's highest major hazard source grade is this one or higher (1 = 一级 is the highest); none never holds. */
        MAJOR_HAZARD_SOURCE_GRADE_AT_MOST,
        /** The enterprise runs at least this many key supervised processes (重点监管危险化工工艺). */
        KEY_PROCESSES_AT_LEAST
    }

    /** The district's starting rules, derived from the seed's 分级分类 practice; the administrator tunes them. */
    public static RuleSet defaults() {
        List<Rule> r = new ArrayList<>();
        r.add(new Rule("SECTOR_HAZCHEM", RuleKind.SECTOR, "HAZCHEM", 30, null, true));
        r.add(new Rule("SECTOR_MINE", RuleKind.SECTOR, "NON_COAL_MINE", 30, null, true));
        r.add(new Rule("SECTOR_FIREWORKS", RuleKind.SECTOR, "FIREWORKS", 20, null, true));
        r.add(new Rule("SECTOR_INDUSTRY_TRADE", RuleKind.SECTOR, "INDUSTRY_TRADE", 5, null, true));
        r.add(new Rule("HAZCHEM_PRODUCTION", RuleKind.SUB_SECTOR, "HAZCHEM_PRODUCTION", 10, null, true));
        r.add(new Rule("UNDERGROUND_MINE", RuleKind.SUB_SECTOR, "UNDERGROUND", 10, null, true));
        r.add(new Rule("FIREWORKS_WHOLESALE", RuleKind.SUB_SECTOR, "FIREWORKS_WHOLESALE", 10, null, true));
        r.add(new Rule("ABOVE_SIZE", RuleKind.SCALE, "ABOVE_SIZE", 10, null, true));
        r.add(new Rule("DUST_EXPLOSION", RuleKind.FLAG, "DUST_EXPLOSION", 15, null, true));
        r.add(new Rule("AMMONIA_REFRIGERATION", RuleKind.FLAG, "AMMONIA_REFRIGERATION", 15, null, true));
        r.add(new Rule("MOLTEN_METAL", RuleKind.FLAG, "MOLTEN_METAL", 15, null, true));
        r.add(new Rule("CONFINED_SPACE", RuleKind.FLAG, "CONFINED_SPACE", 5, null, true));
        r.add(new Rule("HAZCHEM_USE", RuleKind.FLAG, "HAZCHEM_USE", 10, null, true));
        r.add(new Rule("METAL_SMELTING", RuleKind.FLAG, "METAL_SMELTING", 10, null, true));
        r.add(new Rule("STANDARDIZATION_LEVEL_1", RuleKind.STANDARDIZATION, "LEVEL_1", -15, null, true));
        r.add(new Rule("STANDARDIZATION_LEVEL_2", RuleKind.STANDARDIZATION, "LEVEL_2", -10, null, true));
        r.add(new Rule("STANDARDIZATION_LEVEL_3", RuleKind.STANDARDIZATION, "LEVEL_3", -5, null, true));
        r.add(new Rule("NO_STANDARDIZATION", RuleKind.STANDARDIZATION, "NONE", 5, null, true));
        r.add(new Rule("ACCIDENT_IN_3_YEARS", RuleKind.ACCIDENTS_AT_LEAST, "1", 20, null, true));
        r.add(new Rule("REPEATED_ACCIDENTS", RuleKind.ACCIDENTS_AT_LEAST, "2", 10, SupervisionClass.A, true));
        r.add(new Rule("OPEN_MAJOR_HAZARD", RuleKind.OPEN_MAJOR_HAZARDS_AT_LEAST, "1", 25, SupervisionClass.A, true));
        r.add(new Rule("ENFORCEMENT", RuleKind.ENFORCEMENT_AT_LEAST, "1", 5, null, true));
        r.add(new Rule("REPEATED_ENFORCEMENT", RuleKind.ENFORCEMENT_AT_LEAST, "3", 10, null, true));
        r.add(new Rule("MAJOR_HAZARD_SOURCE", RuleKind.MAJOR_HAZARD_SOURCES_AT_LEAST, "1", 15, null, true));
        // 两重点一重大: a 一级 or 二级 major hazard source (GB 18218-2018 R ≥ 50) or a key supervised
        // process (安监总管三〔2009〕116号, 〔2013〕3号) is supervised in the strictest class
        r.add(new Rule("MAJOR_HAZARD_SOURCE_GRADE_1_2", RuleKind.MAJOR_HAZARD_SOURCE_GRADE_AT_MOST, "2", 20, SupervisionClass.A, true));
        r.add(new Rule("KEY_PROCESS", RuleKind.KEY_PROCESSES_AT_LEAST, "1", 20, SupervisionClass.A, true));
        return new RuleSet(1, r,
                Map.of(SupervisionClass.A, 60, SupervisionClass.B, 40, SupervisionClass.C, 20),
                Map.of(SupervisionClass.A, 4, SupervisionClass.B, 2, SupervisionClass.C, 1, SupervisionClass.D, 0));
    }
}
