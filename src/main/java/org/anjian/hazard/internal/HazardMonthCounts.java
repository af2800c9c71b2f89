package org.anjian.hazard.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hazards found, closed and closed by the deadline per month from {@code hazard_month_count} (kept exact by statement
 * triggers, see {@code V202612060100__hazard_month_count.sql}) instead of counting a month's ~70,000 hazards at
 * district scale. Usable when the scope is on the grouped columns (district, region, department) and the totals' months
 * are months of the district's zone; callers count the hazards otherwise.
 */
@Component
class HazardMonthCounts {

    /** One month's figures. */
    record Figures(long found, long closed, long closedOnTime) {
        static final Figures NONE = new Figures(0, 0, 0);
    }

    private static final HazardRepository.Filter NO_FILTER = new HazardRepository.Filter(null, null, null, null, null, null, null, null);

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private volatile Boolean sameZone;

    HazardMonthCounts(JdbcClient jdbc, DistrictProperties district) {
        this.jdbc = jdbc;
        this.zone = district.zone();
    }

    ZoneId zone() {
        return zone;
    }

    boolean usable(ScopeConditions.Condition scope) {
        return HazardRepository.countedByGroup(NO_FILTER, scope) && sameZone();
    }

    private boolean sameZone() {
        Boolean same = sameZone;
        if (same == null) {
            // the zone the triggers group by is fixed by the migration; it changes only with the configuration
            same = jdbc.sql("select zone from hazard_month_zone").query(String.class).optional().map(z -> z.equals(zone.getId())).orElse(false);
            sameZone = same;
        }
        return same;
    }

    /** Every month from {@code from} to {@code to} included, in order, months without hazards as zeros. */
    Map<YearMonth, Figures> months(ScopeConditions.Condition scope, YearMonth from, YearMonth to) {
        Map<YearMonth, Figures> out = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.put(m, Figures.NONE);
        }
        jdbc.sql("select h.month, sum(h.found), sum(h.closed), sum(h.closed_on_time) from hazard_month_count h"
                        + " where h.month >= :from and h.month <= :to and " + scope.sql() + " group by h.month")
                .params(scope.params()).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query((rs, n) -> out.put(YearMonth.from(rs.getObject(1, LocalDate.class)), new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return out;
    }

    /** Hazards closed in {@code from} or any later month (the same as closed_at at or after the month's start in the zone). */
    long closedSince(ScopeConditions.Condition scope, YearMonth from) {
        return jdbc.sql("select coalesce(sum(h.closed), 0) from hazard_month_count h where h.month >= :from and " + scope.sql())
                .params(scope.params()).param("from", from.atDay(1)).query(Long.class).single();
    }
}
