package org.anjian.monitoring.domain;

/** What a sensor belongs to when it is not on a major hazard source's unit: a free reference. */
public enum MonitoredObject {
    /** 储罐. */
    TANK,
    /** 管道段. */
    PIPELINE_SEGMENT,
    /** 尾矿库/边坡. */
    MINE_SLOPE,
    /** 重大危险源 (the sensor names a chemical unit). */
    HAZARD_SOURCE
}
