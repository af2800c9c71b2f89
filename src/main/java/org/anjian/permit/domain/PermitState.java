package org.anjian.permit.domain;

/** Where a permit stands. CLOSED, CANCELLED and EXPIRED are final. */
public enum PermitState {
    /** 草稿. */
    DRAFT("草稿"),
    /** 已申请（待审批）. */
    APPLIED("待审批"),
    /** 已批准. */
    APPROVED("已批准"),
    /** 作业中. */
    IN_PROGRESS("作业中"),
    /** 暂停. */
    SUSPENDED("已暂停"),
    /** 作业完成（待验收交还）. */
    COMPLETED("作业完成"),
    /** 关闭：现场已验收交还. */
    CLOSED("已关闭"),
    /** 取消. */
    CANCELLED("已取消"),
    /** 过期失效. */
    EXPIRED("已过期");

    private final String label;

    PermitState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED || this == EXPIRED;
    }

    /** Work is under way at the site (the district's "work under way"). */
    public boolean isUnderWay() {
        return this == IN_PROGRESS || this == SUSPENDED;
    }
}
