package org.anjian.monitoring.domain;

/** 报警状态: raised → acknowledged (the enterprise's reply) → disposed → cleared. */
public enum AlarmState {
    RAISED("待响应"), ACKNOWLEDGED("已响应"), DISPOSED("已处置"), CLEARED("已消警");

    private final String label;

    AlarmState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
