package org.anjian.standardization.domain;

/** 已申请 → 已现场评审 → 已定级 / 未通过 / 已撤回; a grade then ends 被新等级取代, 已过期 or 已撤销. */
public enum ApplicationState {
    SUBMITTED, ONSITE_REVIEWED, GRADED, REJECTED, WITHDRAWN, SUPERSEDED, EXPIRED, REVOKED;

    public boolean isOpen() {
        return this == SUBMITTED || this == ONSITE_REVIEWED;
    }
}
