package org.anjian.inspection.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.inspection.InspectionSituation;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link InspectionSituation} on inspection's own table (indexes in {@code V202612050201__inspection_situation_indexes.sql}). */
@Repository
class InspectionSituationRepository implements InspectionSituation {

    private final JdbcClient jdbc;
    private final ScopeConditions scopes;

    InspectionSituationRepository(JdbcClient jdbc, ScopeConditions scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public List<TodayInspection> on(DataScope scope, LocalDate day, ZoneId zone) {
        ScopeConditions.Condition c = scopes.of(scope, "i");
        OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return jdbc.sql("select i.id, i.enterprise_id, i.town_id, i.sector, i.state from inspection_inspection i where (i.planned_on = :day"
                        + " or (i.started_at >= :start and i.started_at < :end) or (i.finished_at >= :start and i.finished_at < :end)) and " + c.sql())
                .params(c.params()).param("day", day).param("start", start).param("end", end)
                .query((rs, n) -> new TodayInspection(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class),
                        rs.getString("sector"), rs.getString("state")))
                .list();
    }

    @Override
    public Map<YearMonth, Long> finishedByMonth(DataScope scope, YearMonth from, YearMonth to, ZoneId zone) {
        ScopeConditions.Condition c = scopes.of(scope, "i");
        Map<YearMonth, Long> out = new HashMap<>();
        jdbc.sql("select to_char(i.finished_at at time zone :zone, 'YYYY-MM') as m, count(*) as n from inspection_inspection i"
                        + " where i.finished_at >= :start and i.finished_at < :end and " + c.sql() + " group by 1")
                .params(c.params()).param("zone", zone.getId())
                .param("start", from.atDay(1).atStartOfDay(zone).toOffsetDateTime()).param("end", to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> out.put(YearMonth.parse(rs.getString("m")), rs.getLong("n"))).list();
        return out;
    }
}
