package org.anjian.inspection;

/** The enforcement documents of ENF-4, each with the short code its number carries (津应急{code}〔year〕n号). */
public enum DocumentKind {
    /** 现场检查记录. */
    INSPECTION_RECORD("检记"),
    /** 责令限期整改指令书. */
    RECTIFICATION_ORDER("责改"),
    /** 现场处理措施决定书. */
    ON_SITE_MEASURES("现决"),
    /** 整改复查意见书. */
    REINSPECTION_OPINION("复查"),
    /** 行政处罚告知书. */
    PENALTY_NOTICE("罚告"),
    /** 行政处罚决定书. */
    PENALTY_DECISION("罚决");

    private final String code;

    DocumentKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
