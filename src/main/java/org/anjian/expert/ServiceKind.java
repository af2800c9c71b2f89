package org.anjian.expert;

/** What an expert did for the district (专家履职): one entry of the service record. */
public enum ServiceKind {
    /** 陪同执法: went along on an inspection (执法+专家). */
    INSPECTION_ALONGSIDE,
    /** 重大隐患核查. */
    MAJOR_HAZARD_VERIFICATION,
    /** 技术指导服务 (专家服务性执法, guidance to an enterprise). */
    TECHNICAL_GUIDANCE,
    /** 方案评审. */
    DOCUMENT_REVIEW,
    /** 事故调查. */
    ACCIDENT_INVESTIGATION
}
