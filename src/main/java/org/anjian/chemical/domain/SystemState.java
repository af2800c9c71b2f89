package org.anjian.chemical.domain;

/** The state of one of the 四个系统 at a storage site: in place and working, missing, or in place but out of order. */
public enum SystemState {
    PRESENT, ABSENT, OUT_OF_ORDER;

    public boolean isGap() {
        return this != PRESENT;
    }
}
