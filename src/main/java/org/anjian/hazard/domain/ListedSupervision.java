package org.anjian.hazard.domain;

import java.time.LocalDate;

/** 挂牌督办: the level that lists the hazard, its supervisor and its own deadline. */
public record ListedSupervision(Level level, String supervisor, LocalDate deadline) {

    public enum Level {
        TOWN, DISTRICT
    }
}
