package org.anjian.inspection;

/**
 * What kind of violation a finding (and a penalty case) is, for the violation–penalty–accident
 * analysis (ENF-9). The first six are the focus areas the district's plan names; each belongs to
 * one of the three cause classes of accident analysis.
 */
public enum ViolationCategory {
    /** 主要负责人未履行安全生产职责. */
    PRINCIPAL_DUTIES(CauseClass.MANAGEMENT_DEFECT),
    /** 特种作业人员未持证上岗. */
    SPECIAL_OPERATORS(CauseClass.UNSAFE_BEHAVIOUR),
    /** 危险作业未审批（动火、有限空间等）. */
    HAZARDOUS_WORK_APPROVAL(CauseClass.MANAGEMENT_DEFECT),
    /** 设备设施检维修. */
    MAINTENANCE(CauseClass.UNSAFE_CONDITION),
    /** 外包作业安全管理. */
    OUTSOURCING(CauseClass.MANAGEMENT_DEFECT),
    /** 重大危险源管控. */
    MAJOR_HAZARD_SOURCE(CauseClass.UNSAFE_CONDITION),
    /** 安全教育培训. */
    TRAINING(CauseClass.MANAGEMENT_DEFECT),
    /** 违章指挥、违章作业、违反劳动纪律. */
    UNSAFE_OPERATION(CauseClass.UNSAFE_BEHAVIOUR),
    /** 安全设施、防护装置缺失或失效. */
    SAFETY_FACILITIES(CauseClass.UNSAFE_CONDITION),
    /** 应急管理（预案、演练、器材）. */
    EMERGENCY(CauseClass.MANAGEMENT_DEFECT),
    /** 其他. */
    OTHER(CauseClass.MANAGEMENT_DEFECT);

    /** 人的不安全行为 / 物的不安全状态 / 管理缺陷. */
    public enum CauseClass { UNSAFE_BEHAVIOUR, UNSAFE_CONDITION, MANAGEMENT_DEFECT }

    private final CauseClass causeClass;

    ViolationCategory(CauseClass causeClass) {
        this.causeClass = causeClass;
    }

    public CauseClass causeClass() {
        return causeClass;
    }
}
