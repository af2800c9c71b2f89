package org.anjian.risk;

/** What a risk point is (风险点类型): a place or installation, a post, or an operating activity. */
public enum RiskPointKind {
    /** 场所/设施/部位. */
    PLACE,
    /** 岗位. */
    POST,
    /** 作业活动. */
    ACTIVITY
}
