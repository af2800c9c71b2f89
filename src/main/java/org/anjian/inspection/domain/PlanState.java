package org.anjian.inspection.domain;

/** Where a 年度执法计划 stands: a draft is adjusted, an approved one is published, a published one is the year's plan. */
public enum PlanState {
    DRAFT,
    APPROVED,
    PUBLISHED
}
