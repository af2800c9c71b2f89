package org.anjian.enterprise.domain;

import java.util.ArrayList;
import java.util.List;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.Classification.FiredRule;
import org.anjian.enterprise.domain.RuleSet.Rule;

/**
 * 分级分类监管 (ENT-3): sums the points of every enabled rule whose condition holds, maps the sum to
 * a class by the rule set's thresholds, then lifts it to any class a fired rule forces. Transparent
 * by construction: the result lists each fired rule with its points.
 */
public final class SupervisionClassRules {

    private final RuleSet ruleSet;

    public SupervisionClassRules(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public int ruleSetVersion() {
        return ruleSet.version();
    }

    public Classification classify(ClassificationInputs in) {
        List<FiredRule> fired = new ArrayList<>();
        int score = 0;
        SupervisionClass forced = SupervisionClass.D;
        for (Rule rule : ruleSet.rules()) {
            if (rule.enabled() && holds(rule, in)) {
                fired.add(new FiredRule(rule.code(), rule.points(), rule.forcesClass()));
                score += rule.points();
                if (rule.forcesClass() != null && rule.forcesClass().isHigherThan(forced)) {
                    forced = rule.forcesClass();
                }
            }
        }
        SupervisionClass byScore = classFor(score);
        SupervisionClass result = forced.isHigherThan(byScore) ? forced : byScore;
        return new Classification(result, score, fired, ruleSet.inspectionsPerYear().getOrDefault(result, 0), ruleSet.version());
    }

    SupervisionClass classFor(int score) {
        for (SupervisionClass c : List.of(SupervisionClass.A, SupervisionClass.B, SupervisionClass.C)) {
            Integer min = ruleSet.thresholds().get(c);
            if (min != null && score >= min) {
                return c;
            }
        }
        return SupervisionClass.D;
    }

    static boolean holds(Rule rule, ClassificationInputs in) {
        String p = rule.parameter();
        return switch (rule.kind()) {
            case SECTOR -> in.sector() != null && in.sector().name().equals(p);
            case SUB_SECTOR -> in.subSector() != null && in.subSector().name().equals(p);
            case SCALE -> in.scale() != null && in.scale().name().equals(p);
            case FLAG -> in.flags().stream().map(RiskFlag::name).anyMatch(p::equals);
            case STANDARDIZATION -> "NONE".equals(p) ? in.standardizationGrade() == null : p.equals(in.standardizationGrade());
            case ACCIDENTS_AT_LEAST -> in.accidentsIn3Years() >= Integer.parseInt(p);
            case OPEN_MAJOR_HAZARDS_AT_LEAST -> in.openMajorHazards() >= Integer.parseInt(p);
            case ENFORCEMENT_AT_LEAST -> in.enforcementCount() >= Integer.parseInt(p);
            case MAJOR_HAZARD_SOURCES_AT_LEAST -> in.majorHazardSources() >= Integer.parseInt(p);
            case MAJOR_HAZARD_SOURCE_GRADE_AT_MOST -> in.highestMajorHazardSourceGrade() != null
                    && in.highestMajorHazardSourceGrade() <= Integer.parseInt(p);
            case KEY_PROCESSES_AT_LEAST -> in.keyProcesses() >= Integer.parseInt(p);
        };
    }

    /** Checks a rule set an administrator submitted; returns message-key suffixes of what is wrong. */
    public static List<String> problems(RuleSet set) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (Rule r : set.rules()) {
            if (r.code() == null || r.code().isBlank() || !codes.add(r.code())) {
                problems.add("ruleCode");
            }
            if (r.kind() == null || r.parameter() == null || r.parameter().isBlank()) {
                problems.add("ruleParameter");
                continue;
            }
            if (r.kind().name().endsWith("_AT_LEAST") || r.kind().name().endsWith("_AT_MOST")) {
                try {
                    if (Integer.parseInt(r.parameter().trim()) < 0) {
                        problems.add("ruleParameter");
                    }
                } catch (NumberFormatException e) {
                    problems.add("ruleParameter");
                }
            }
        }
        Integer a = set.thresholds().get(SupervisionClass.A);
        Integer b = set.thresholds().get(SupervisionClass.B);
        Integer c = set.thresholds().get(SupervisionClass.C);
        if (a == null || b == null || c == null || !(a > b && b > c)) {
            problems.add("thresholds");
        }
        return problems;
    }
}
