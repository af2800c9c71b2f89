package org.anjian.enterprise.domain;

import java.util.List;
import org.anjian.enterprise.SupervisionClass;

/** A class with its reasons: every rule that fired and the points it gave. */
public record Classification(SupervisionClass supervisionClass, int score, List<FiredRule> firedRules, int inspectionsPerYear,
                             int ruleSetVersion) {

    public Classification {
        firedRules = List.copyOf(firedRules);
    }

    public record FiredRule(String code, int points, SupervisionClass forcesClass) {
    }
}
