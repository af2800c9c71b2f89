package org.anjian.penalty.domain;

/** How a case came to be filed. */
public enum CaseSource {
    /** 执法检查发现. */
    INSPECTION,
    /** 责令整改后拒不整改（复查未通过）. */
    ORDER_ESCALATED,
    /** 举报. */
    REPORT,
    /** 上级交办、部门移送的线索. */
    LEAD,
    OTHER
}
