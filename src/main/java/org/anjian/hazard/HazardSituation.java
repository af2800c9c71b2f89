package org.anjian.hazard;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/**
 * Hazards as the command view (一张图) and the situation analysis read them: open hazards tallied per
 * enterprise, hazards found and closed by month, and the major hazards past their deadline. SQL aggregates on
 * indexes (a partial index on the open ones), so they stay fast at a million hazards.
 */
public interface HazardSituation {

    /** An enterprise's hazards not closed: all of them, the major ones, and those past their deadline. */
    record OpenHazards(UUID enterpriseId, UUID townId, String sector, long open, long major, long overdue) {
    }

    /** The enterprises in the scope with open hazards ({@code now} decides what is overdue); an enterprise may come twice when its copies of town or sector differ. */
    List<OpenHazards> openByEnterprise(DataScope scope, Instant now);

    /** The open hazards of the scope summed per town and sector (the same counts as {@link #openByEnterprise}, a few rows). */
    record OpenTally(UUID townId, String sector, long open, long major, long overdue) {
    }

    List<OpenTally> openByTownAndSector(DataScope scope, Instant now);

    /** Hazards found and hazards closed per month (of the zone), months from {@code from} to {@code to} included; months without any absent. */
    record Months(Map<YearMonth, Long> found, Map<YearMonth, Long> closed) {
    }

    Months monthly(DataScope scope, YearMonth from, YearMonth to, ZoneId zone);

    /** A major hazard (重大隐患) not closed whose deadline has passed. */
    record OverdueMajor(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, String description, Instant deadline, HazardState state) {
    }

    /** The overdue major hazards in the scope, longest overdue first. */
    List<OverdueMajor> overdueMajor(DataScope scope, Instant now, int limit);
}
