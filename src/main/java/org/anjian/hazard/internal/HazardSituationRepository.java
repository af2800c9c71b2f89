package org.anjian.hazard.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.hazard.HazardSituation;
import org.anjian.hazard.HazardState;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link HazardSituation} on hazard's own table (indexes in {@code V202612050200__hazard_situation_indexes.sql}). */
@Repository
class HazardSituationRepository implements HazardSituation {

    private final JdbcClient jdbc;
    private final ScopeConditions scopes;

    private final HazardMonthCounts monthCounts;

    HazardSituationRepository(JdbcClient jdbc, ScopeConditions scopes, HazardMonthCounts monthCounts) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.monthCounts = monthCounts;
    }

    @Override
    public List<OpenHazards> openByEnterprise(DataScope scope, Instant now) {
        ScopeConditions.Condition c = scopes.of(scope, "h");
        return jdbc.sql("""
                        select h.enterprise_id, h.town_id, h.sector, count(*) as open,
                               count(*) filter (where h.grade = 'MAJOR') as major, count(*) filter (where h.deadline < :now) as overdue
                        from hazard_hazard h where h.state <> 'CLOSED' and\s""" + c.sql() + " group by h.enterprise_id, h.town_id, h.sector")
                .params(c.params()).param("now", utc(now))
                .query((rs, n) -> new OpenHazards(rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class), rs.getString("sector"),
                        rs.getLong("open"), rs.getLong("major"), rs.getLong("overdue")))
                .list();
    }

    @Override
    public List<OpenTally> openByTownAndSector(DataScope scope, Instant now) {
        ScopeConditions.Condition c = scopes.of(scope, "h");
        // an index-only scan of the open hazards' partial index (a few percent of the table)
        return jdbc.sql("""
                        select h.town_id, h.sector, count(*) as open,
                               count(*) filter (where h.grade = 'MAJOR') as major, count(*) filter (where h.deadline < :now) as overdue
                        from hazard_hazard h where h.state <> 'CLOSED' and\s""" + c.sql() + " group by h.town_id, h.sector")
                .params(c.params()).param("now", utc(now))
                .query((rs, n) -> new OpenTally(rs.getObject("town_id", UUID.class), rs.getString("sector"),
                        rs.getLong("open"), rs.getLong("major"), rs.getLong("overdue")))
                .list();
    }

    @Override
    public Months monthly(DataScope scope, YearMonth from, YearMonth to, ZoneId zone) {
        ScopeConditions.Condition c = scopes.of(scope, "h");
        if (zone.equals(monthCounts.zone()) && monthCounts.usable(c)) {
            // from the per-month totals kept by triggers (a closed hazard is one with closed_at: CLOSED is final)
            Map<YearMonth, Long> found = new HashMap<>();
            Map<YearMonth, Long> closed = new HashMap<>();
            monthCounts.months(c, from, to).forEach((m, f) -> {
                if (f.found() > 0) {
                    found.put(m, f.found());
                }
                if (f.closed() > 0) {
                    closed.put(m, f.closed());
                }
            });
            return new Months(found, closed);
        }
        OffsetDateTime start = from.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        return new Months(count("found_at", c, start, end, zone), count("closed_at", c, start, end, zone));
    }

    private Map<YearMonth, Long> count(String column, ScopeConditions.Condition c, OffsetDateTime start, OffsetDateTime end, ZoneId zone) {
        Map<YearMonth, Long> out = new HashMap<>();
        jdbc.sql("select to_char(h." + column + " at time zone :zone, 'YYYY-MM') as m, count(*) as n from hazard_hazard h where h." + column
                        + " >= :start and h." + column + " < :end and " + c.sql() + " group by 1")
                .params(c.params()).param("zone", zone.getId()).param("start", start).param("end", end)
                .query((rs, n) -> out.put(YearMonth.parse(rs.getString("m")), rs.getLong("n"))).list();
        return out;
    }

    @Override
    public List<OverdueMajor> overdueMajor(DataScope scope, Instant now, int limit) {
        ScopeConditions.Condition c = scopes.of(scope, "h");
        return jdbc.sql("select h.id, h.enterprise_id, h.enterprise_name, h.town_id, h.description, h.deadline, h.state from hazard_hazard h"
                        + " where h.state <> 'CLOSED' and h.grade = 'MAJOR' and h.deadline < :now and " + c.sql() + " order by h.deadline, h.id limit :limit")
                .params(c.params()).param("now", utc(now)).param("limit", Math.max(0, limit))
                .query((rs, n) -> new OverdueMajor(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                        rs.getObject("town_id", UUID.class), rs.getString("description"), rs.getObject("deadline", OffsetDateTime.class).toInstant(),
                        HazardState.valueOf(rs.getString("state"))))
                .list();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
