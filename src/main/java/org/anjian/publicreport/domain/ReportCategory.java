package org.anjian.publicreport.domain;

/**
 * The twelve kinds of major violation a citizen may report, after the article of 《安全生产领域举报奖励办法》
 * (安监总财〔2018〕19号), (Art. 6 as far as we could confirm) which lists 重大事故隐患 and the 安全生产违法行为 it rewards; its first and sixth items
 * are split here into the separate acts they name so that a citizen finds the one seen.
 */
public enum ReportCategory {
    /** 无证、证照不全、证照过期或未变更从事生产经营建设. */
    UNLICENSED,
    /** 未经批准或验收合格擅自生产经营. */
    UNAPPROVED_OPERATION,
    /** 关闭取缔后又擅自生产经营建设. */
    REOPENED_AFTER_CLOSURE,
    /** 停产整顿、整合技改未经验收擅自生产，或违反建设项目安全设施"三同时". */
    UNINSPECTED_RESTART,
    /** 未依法进行安全生产教育培训，负责人、管理人员未考核合格，特种作业人员无证上岗. */
    UNTRAINED_STAFF,
    /** 违法发包、出租给不具备条件的单位或个人，未签安全管理协议. */
    UNSAFE_CONTRACTING,
    /** 未按规定管理危险物品，使用明令淘汰、禁止的工艺设备. */
    HAZARDOUS_GOODS_OR_BANNED_EQUIPMENT,
    /** 安全评价、检测检验等机构出具虚假证明. */
    FALSE_CERTIFICATION,
    /** 生产安全事故瞒报、谎报，事故后主要负责人逃匿. */
    CONCEALED_ACCIDENT,
    /** 重大事故隐患，隐瞒不报或不按期整治. */
    MAJOR_HAZARD,
    /** 未依法落实职业病防护设施"三同时"、职业病危害检测评价. */
    OCCUPATIONAL_HEALTH,
    /** 法律、行政法规、标准规定的其他安全生产违法行为. */
    OTHER_VIOLATION;

    /** Message key of the category's Chinese name. */
    public String messageKey() {
        return "publicreport.category." + name();
    }
}
