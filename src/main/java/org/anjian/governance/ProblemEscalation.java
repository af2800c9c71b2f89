package org.anjian.governance;

/** How far an overdue problem has gone up: not at all, to the town's 安委办, or to the district's. */
public enum ProblemEscalation {
    NONE, TOWN, DISTRICT
}
