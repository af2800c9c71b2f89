package org.anjian.risk;

/** The five kinds of control measure (管控措施), in the order of the hierarchy of controls. */
public enum ControlMeasureType {
    /** 工程技术措施. */
    ENGINEERING,
    /** 管理措施. */
    MANAGEMENT,
    /** 培训教育措施. */
    TRAINING,
    /** 个体防护措施. */
    PPE,
    /** 应急处置措施. */
    EMERGENCY
}
