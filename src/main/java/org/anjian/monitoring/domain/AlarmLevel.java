package org.anjian.monitoring.domain;

/** How severe an alarm is: the threshold crossed (HH, H, L, LL), a rate of change, or silence. */
public enum AlarmLevel {
    HH, H, L, LL, RATE, OFFLINE;

    /** HH outranks H and LL outranks L: an open high alarm rises to HH and never falls back while open. */
    public boolean outranks(AlarmLevel other) {
        return (this == HH && other == H) || (this == LL && other == L);
    }
}
