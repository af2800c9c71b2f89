package org.anjian.chemical.domain;

/**
 * The 四个系统 every oil and gas storage site keeps (《油气储存企业安全风险评估细则（2021年修订版）》,
 * the seed's 油气储存专项整治): gas detection and alarm, video surveillance, emergency shut-off and
 * lightning warning.
 */
public enum StorageSystem {
    /** 可燃有毒气体检测报警系统. */
    GAS_DETECTION,
    /** 视频监控系统. */
    VIDEO,
    /** 紧急切断系统. */
    EMERGENCY_SHUTOFF,
    /** 雷电预警系统. */
    LIGHTNING_WARNING
}
