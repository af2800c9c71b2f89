package org.anjian.accident.domain;

import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSector;

/**
 * One row of the consequence rules (ACC-3), kept as data in {@code acc_consequence_rule}: an
 * accident matches when its sector, dead (deaths + missing), grade and findings fall within the
 * row's bounds; null bounds match anything.
 */
public record ConsequenceRule(String code, String kind, String target, AccidentSector sector, Integer minDead, Integer maxDead,
                              AccidentGrade minGrade, AccidentGrade maxGrade, boolean requiresEnterprise, boolean requiresUnsafe,
                              Integer months, Integer points, String basis) {

    /** What the rules look at. */
    public record Facts(AccidentSector sector, int dead, AccidentGrade grade, boolean hasEnterprise, boolean lacksSafeConditions) {
    }

    public boolean matches(Facts f) {
        return (sector == null || sector == f.sector())
                && (minDead == null || f.dead() >= minDead) && (maxDead == null || f.dead() <= maxDead)
                && (minGrade == null || f.grade().atLeast(minGrade)) && (maxGrade == null || maxGrade.atLeast(f.grade()))
                && (!requiresEnterprise || f.hasEnterprise()) && (!requiresUnsafe || f.lacksSafeConditions());
    }
}
