package org.anjian.hazard;

/** The closed loop: 发现 → 制定方案 → 整改中 → 整改完成 → 验收 → 销号. */
public enum HazardState {
    REPORTED, PLANNED, RECTIFYING, RECTIFIED, VERIFIED, CLOSED
}
