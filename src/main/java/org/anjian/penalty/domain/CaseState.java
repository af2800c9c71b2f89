package org.anjian.penalty.domain;

/** Where a penalty case stands. NO_PENALTY, TRANSFERRED and CLOSED are final. */
public enum CaseState {
    /** 立案. */
    FILED,
    /** 调查取证. */
    INVESTIGATING,
    /** 拟作出处罚决定（待法制审核或告知）. */
    PROPOSED,
    /** 法制审核中. */
    LEGAL_REVIEW,
    /** 法制审核通过. */
    REVIEWED,
    /** 已告知（陈述申辩 / 听证申请期）. */
    NOTIFIED,
    /** 当事人申请听证. */
    HEARING_REQUESTED,
    /** 已听证. */
    HEARD,
    /** 已作出处罚决定. */
    DECIDED,
    /** 执行中（缴款或申请法院强制执行）. */
    EXECUTING,
    /** 结案. */
    CLOSED,
    /** 不予处罚. */
    NO_PENALTY,
    /** 移送公安机关（行刑衔接）. */
    TRANSFERRED;

    public boolean isFinal() {
        return this == CLOSED || this == NO_PENALTY || this == TRANSFERRED;
    }

    /** A 行政处罚决定书 exists. */
    public boolean isDecided() {
        return this == DECIDED || this == EXECUTING || this == CLOSED;
    }
}
