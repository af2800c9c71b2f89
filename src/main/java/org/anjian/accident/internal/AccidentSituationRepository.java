package org.anjian.accident.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSituation;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link AccidentSituation} on accident's own table (index on {@code occurred_at}). */
@Repository
class AccidentSituationRepository implements AccidentSituation {

    private final JdbcClient jdbc;
    private final ScopeConditions scopes;

    AccidentSituationRepository(JdbcClient jdbc, ScopeConditions scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public List<RecentAccident> since(DataScope scope, Instant since) {
        ScopeConditions.Condition c = scopes.of(scope, "a");
        return jdbc.sql("select a.id, a.enterprise_id, a.enterprise_name, a.town_id, a.sector, a.place, a.occurred_at, a.grade, a.deaths"
                        + " from acc_accident a where a.occurred_at >= :since and " + c.sql() + " order by a.occurred_at desc, a.id")
                .params(c.params()).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new RecentAccident(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                        rs.getObject("town_id", UUID.class), rs.getString("sector"), rs.getString("place"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), AccidentGrade.valueOf(rs.getString("grade")), rs.getInt("deaths")))
                .list();
    }

    @Override
    public Map<YearMonth, Long> byMonth(DataScope scope, YearMonth from, YearMonth to, ZoneId zone) {
        ScopeConditions.Condition c = scopes.of(scope, "a");
        Map<YearMonth, Long> out = new HashMap<>();
        jdbc.sql("select to_char(a.occurred_at at time zone :zone, 'YYYY-MM') as m, count(*) as n from acc_accident a"
                        + " where a.occurred_at >= :start and a.occurred_at < :end and " + c.sql() + " group by 1")
                .params(c.params()).param("zone", zone.getId())
                .param("start", from.atDay(1).atStartOfDay(zone).toOffsetDateTime()).param("end", to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> out.put(YearMonth.parse(rs.getString("m")), rs.getLong("n"))).list();
        return out;
    }
}
