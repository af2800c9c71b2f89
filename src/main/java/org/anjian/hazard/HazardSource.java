package org.anjian.hazard;

/** Who found the hazard. */
public enum HazardSource {
    /** 企业自查. */
    SELF_CHECK,
    /** 监督检查. */
    INSPECTION,
    /** 举报. */
    PUBLIC_REPORT,
    /** 专家. */
    EXPERT,
    /** 监测报警. */
    ALARM,
    /** 托管服务机构. */
    SERVICE_AGENCY
}
