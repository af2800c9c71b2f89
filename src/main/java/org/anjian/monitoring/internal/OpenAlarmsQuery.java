package org.anjian.monitoring.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.anjian.monitoring.OpenAlarms;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link OpenAlarms} on monitoring's own tables (index on state). */
@Repository
class OpenAlarmsQuery implements OpenAlarms {

    private final JdbcClient jdbc;
    private final ScopeConditions scopes;

    OpenAlarmsQuery(JdbcClient jdbc, ScopeConditions scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public List<OpenAlarm> open(DataScope scope) {
        ScopeConditions.Condition c = scopes.of(scope, "a");
        return jdbc.sql("select a.id, a.enterprise_id, a.town_id, a.sector, s.name as sensor_name, a.condition, a.level, a.state, a.raised_at, a.reply_due_at"
                        + " from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id"
                        + " where a.state in ('RAISED', 'ACKNOWLEDGED', 'DISPOSED') and " + c.sql() + " order by a.raised_at desc, a.id")
                .params(c.params())
                .query((rs, n) -> new OpenAlarm(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class),
                        rs.getString("sector"), rs.getString("sensor_name"), rs.getString("condition"), rs.getString("level"), rs.getString("state"),
                        rs.getObject("raised_at", OffsetDateTime.class).toInstant(), rs.getObject("reply_due_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
