package org.anjian.risk.domain;

import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskLevel;

/**
 * 分级管控: the higher the risk, the higher the level that must control it. 重大风险 is controlled
 * by the company (its principal), 较大风险 at least by a workshop or department, 一般风险 at least by
 * a team, 低风险 may be left to the post. A level above the minimum is always allowed.
 */
public final class ControlLevels {

    private ControlLevels() {
    }

    /** The lowest level allowed to control a risk of this grade. */
    public static ResponsibleLevel lowestAllowed(RiskLevel level) {
        return switch (level) {
            case MAJOR -> ResponsibleLevel.COMPANY;
            case HIGH -> ResponsibleLevel.WORKSHOP;
            case GENERAL -> ResponsibleLevel.TEAM;
            case LOW -> ResponsibleLevel.POST;
        };
    }

    /** Whether {@code responsible} is the required level or above it (COMPANY is the top). */
    public static boolean allows(RiskLevel level, ResponsibleLevel responsible) {
        return responsible.ordinal() <= lowestAllowed(level).ordinal();
    }
}
