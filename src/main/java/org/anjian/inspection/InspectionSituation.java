package org.anjian.inspection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/** Inspections as the command view (一张图) and the situation analysis read them: today's, and those finished by month. */
public interface InspectionSituation {

    /** An inspection planned for the day or on site that day. */
    record TodayInspection(UUID id, UUID enterpriseId, UUID townId, String sector, String state) {
    }

    /** The inspections in the scope planned for {@code day}, or started or finished on it (days of the zone). */
    List<TodayInspection> on(DataScope scope, LocalDate day, ZoneId zone);

    /** Inspections finished per month (of the zone), months from {@code from} to {@code to} included; months without any absent. */
    Map<YearMonth, Long> finishedByMonth(DataScope scope, YearMonth from, YearMonth to, ZoneId zone);
}
