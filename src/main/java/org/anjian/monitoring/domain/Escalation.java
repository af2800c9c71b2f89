package org.anjian.monitoring.domain;

/** Who has been told of an alarm the enterprise did not answer in time: nobody yet, the town, the district. */
public enum Escalation {
    NONE("未升级"), TOWN("已升级至镇街"), DISTRICT("已升级至区应急局");

    private final String label;

    Escalation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
