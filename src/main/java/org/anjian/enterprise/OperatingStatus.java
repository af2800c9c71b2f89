package org.anjian.enterprise;

/** 生产 / 停产 / 停建 / 关闭. */
public enum OperatingStatus {
    PRODUCING, SUSPENDED, CONSTRUCTION_HALTED, CLOSED
}
