package org.anjian.inspection.domain;

/** Where an inspection stands: planned, on site (from its first finding), done (final). */
public enum InspectionState {
    /** 已计划. */
    PLANNED,
    /** 现场检查中. */
    ON_SITE,
    /** 检查结束. */
    DONE;

    public boolean isFinal() {
        return this == DONE;
    }
}
