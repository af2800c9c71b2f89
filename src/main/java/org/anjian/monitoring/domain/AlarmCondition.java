package org.anjian.monitoring.domain;

/**
 * The conditions an alarm is kept for: at most one open alarm per sensor and condition. A high
 * alarm starts at H and rises to HH in place; it does not open a second alarm.
 */
public enum AlarmCondition {
    HIGH("超高限"), LOW("超低限"), RATE("变化速率超限"), OFFLINE("离线");

    private final String label;

    AlarmCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
