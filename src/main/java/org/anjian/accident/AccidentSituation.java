package org.anjian.accident;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/** Accidents as the command view (一张图) and the situation analysis read them: the recent ones, and counts by month. */
public interface AccidentSituation {

    /** An accident: the enterprise (absent for one outside any registered enterprise), where and how grave. */
    record RecentAccident(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, String sector, String place, Instant occurredAt,
                          AccidentGrade grade, int deaths) {
    }

    /** The accidents in the scope that occurred from {@code since} on, latest first. */
    List<RecentAccident> since(DataScope scope, Instant since);

    /** Accidents per month of occurrence (of the zone), months from {@code from} to {@code to} included; months without any absent. */
    Map<YearMonth, Long> byMonth(DataScope scope, YearMonth from, YearMonth to, ZoneId zone);
}
