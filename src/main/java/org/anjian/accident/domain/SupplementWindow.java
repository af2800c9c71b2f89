package org.anjian.accident.domain;

import java.time.Duration;
import java.time.Instant;
import org.anjian.accident.AccidentSector;

/**
 * Decree 493 Article 13 (补报): casualties that change within 30 days of the accident are reported
 * again; for road traffic and fire accidents within 7 days. The window runs from the accident's time.
 */
public final class SupplementWindow {

    public static final int DAYS = 30;
    public static final int ROAD_AND_FIRE_DAYS = 7;

    private SupplementWindow() {
    }

    public static int days(AccidentSector sector) {
        return sector == AccidentSector.ROAD_TRAFFIC || sector == AccidentSector.FIRE ? ROAD_AND_FIRE_DAYS : DAYS;
    }

    public static Instant closesAt(AccidentSector sector, Instant occurredAt) {
        return occurredAt.plus(Duration.ofDays(days(sector)));
    }

    public static boolean open(AccidentSector sector, Instant occurredAt, Instant now) {
        return !now.isAfter(closesAt(sector, occurredAt));
    }
}
