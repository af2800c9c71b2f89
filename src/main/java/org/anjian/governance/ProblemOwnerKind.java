package org.anjian.governance;

/** Who must rectify a problem: a town (镇街), a department (行业部门) or an enterprise. */
public enum ProblemOwnerKind {
    TOWN, DEPARTMENT, ENTERPRISE
}
