package org.anjian.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.monitoring.domain.Alarm;
import org.anjian.monitoring.domain.AlarmCondition;
import org.anjian.monitoring.domain.AlarmLevel;
import org.anjian.monitoring.domain.AlarmState;
import org.anjian.monitoring.domain.Escalation;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.anjian.monitoring.internal.SensorRepository.at;
import static org.anjian.monitoring.internal.SensorRepository.dbl;

/**
 * Alarms in SQL. {@link #raise} is the one way an alarm is opened: an {@code insert … on conflict}
 * against the partial unique index {@code monitoring_alarm_one_open (sensor_id, condition) where
 * state <> 'CLEARED'}, so however often a condition repeats and however a message is redelivered,
 * concurrently or not, a sensor has at most one open alarm per condition.
 */
@Repository
class AlarmRepository {

    private final JdbcClient jdbc;

    AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a batch saw of one condition on one sensor. */
    record Sighting(AlarmCondition condition, AlarmLevel level, Double firstValue, Double lastValue, Double threshold, Instant firstAt,
                    Instant lastAt, long count) {
    }

    /** Opens the alarm, or adds the sighting to the open one; answers the alarm's id and whether it is new. */
    record Raised(UUID id, boolean created) {
    }

    Raised raise(SensorRow s, Sighting g, Instant replyDueAt) {
        return jdbc.sql("""
                insert into monitoring_alarm (id, sensor_id, enterprise_id, town_id, park_id, sector, condition, level, state, first_value,
                  last_value, threshold, occurrences, raised_at, last_seen_at, reply_due_at)
                values (:id, :sensor, :enterprise, :town, :park, :sector, :condition, :level, 'RAISED', :first, :last, :threshold, :count,
                  :firstAt, :lastAt, :due)
                on conflict (sensor_id, condition) where state <> 'CLEARED' do update set
                  occurrences = monitoring_alarm.occurrences + excluded.occurrences,
                  last_value = excluded.last_value,
                  last_seen_at = greatest(monitoring_alarm.last_seen_at, excluded.last_seen_at),
                  normal_since = null,
                  level = case when (monitoring_alarm.level = 'H' and excluded.level = 'HH') or (monitoring_alarm.level = 'L' and excluded.level = 'LL')
                               then excluded.level else monitoring_alarm.level end,
                  threshold = case when (monitoring_alarm.level = 'H' and excluded.level = 'HH') or (monitoring_alarm.level = 'L' and excluded.level = 'LL')
                               then excluded.threshold else monitoring_alarm.threshold end
                returning id, (xmax = 0) as created""")
                .param("id", UUID.randomUUID()).param("sensor", s.id()).param("enterprise", s.enterpriseId()).param("town", s.townId())
                .param("park", s.parkId()).param("sector", s.sector()).param("condition", g.condition().name()).param("level", g.level().name())
                .param("first", g.firstValue()).param("last", g.lastValue()).param("threshold", g.threshold()).param("count", g.count())
                .param("firstAt", at(g.firstAt())).param("lastAt", at(g.lastAt())).param("due", at(replyDueAt))
                .query((rs, n) -> new Raised(rs.getObject("id", UUID.class), rs.getBoolean("created"))).single();
    }

    /** The sensor is back to normal for these conditions since {@code at}: noted on the open alarms, which stay open until cleared. */
    void normal(UUID sensorId, Collection<AlarmCondition> conditions, Instant at) {
        if (conditions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update monitoring_alarm set normal_since = :at
                where sensor_id = :s and condition in (:c) and state <> 'CLEARED' and normal_since is null and last_seen_at < :at""")
                .param("at", at(at)).param("s", sensorId).param("c", conditions.stream().map(Enum::name).toList()).update();
    }

    Optional<Alarm> find(UUID id) {
        return jdbc.sql("select * from monitoring_alarm where id = :id").param("id", id).query(AlarmRepository::alarm).optional();
    }

    /** Saves a transition; false when somebody else changed the alarm first (optimistic lock on {@code version}). */
    boolean save(Alarm a) {
        return jdbc.sql("""
                update monitoring_alarm set state = :state, escalation = :escalation, acknowledged_at = :ackAt, acknowledged_by = :ackBy,
                  reply = :reply, disposed_at = :dispAt, disposed_by = :dispBy, disposal = :disposal, cleared_at = :clearAt,
                  cleared_by = :clearBy, escalated_at = :escAt, hazard_id = :hazard, version = version + 1
                where id = :id and version = :version""")
                .param("state", a.state().name()).param("escalation", a.escalation().name()).param("ackAt", at(a.acknowledgedAt()))
                .param("ackBy", a.acknowledgedBy()).param("reply", a.reply()).param("dispAt", at(a.disposedAt())).param("dispBy", a.disposedBy())
                .param("disposal", a.disposal()).param("clearAt", at(a.clearedAt())).param("clearBy", a.clearedBy())
                .param("escAt", at(a.escalatedAt())).param("hazard", a.hazardId()).param("id", a.id()).param("version", a.version())
                .update() == 1;
    }

    /** Unanswered alarms whose reply is late and which have not reached the district yet. */
    List<Alarm> lateUnanswered(Instant now) {
        return jdbc.sql("select * from monitoring_alarm where state = 'RAISED' and reply_due_at < :now and escalation <> 'DISTRICT'")
                .param("now", at(now)).query(AlarmRepository::alarm).list();
    }

    long openCount(UUID sensorId, AlarmCondition condition) {
        return jdbc.sql("select count(*) from monitoring_alarm where sensor_id = :s and condition = :c and state <> 'CLEARED'")
                .param("s", sensorId).param("c", condition.name()).query(Long.class).single();
    }

    /** A row of the alarm list: the aggregate's fields and what the pages show beside them. */
    record AlarmRow(Alarm alarm, String sensorCode, String sensorName, String unit, Double firstValue, Double lastValue, Double threshold,
                    long occurrences, Instant lastSeenAt, Instant normalSince) {
    }

    record Filter(AlarmState state, Boolean open, AlarmCondition condition, Escalation escalation, UUID enterpriseId, UUID sensorId) {
    }

    PageResult<AlarmRow> search(Condition scope, Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.state() != null) {
            where.append(" and a.state = :state");
            params.put("state", f.state().name());
        }
        if (Boolean.TRUE.equals(f.open())) {
            where.append(" and a.state <> 'CLEARED'");
        }
        if (f.condition() != null) {
            where.append(" and a.condition = :condition");
            params.put("condition", f.condition().name());
        }
        if (f.escalation() != null) {
            where.append(" and a.escalation = :escalation");
            params.put("escalation", f.escalation().name());
        }
        if (f.enterpriseId() != null) {
            where.append(" and a.enterprise_id = :enterprise");
            params.put("enterprise", f.enterpriseId());
        }
        if (f.sensorId() != null) {
            where.append(" and a.sensor_id = :sensor");
            params.put("sensor", f.sensorId());
        }
        long total = jdbc.sql("select count(*) from monitoring_alarm a" + where).params(params).query(Long.class).single();
        List<AlarmRow> items = jdbc.sql("select a.*, s.code as sensor_code, s.name as sensor_name, s.unit as sensor_unit "
                        + "from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id" + where
                        + " order by a.raised_at desc, a.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(AlarmRepository::row).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    Optional<AlarmRow> row(UUID id) {
        return jdbc.sql("select a.*, s.code as sensor_code, s.name as sensor_name, s.unit as sensor_unit "
                + "from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id where a.id = :id").param("id", id)
                .query(AlarmRepository::row).optional();
    }

    /** Alarms raised in a period per enterprise, and how many the enterprise answered within the reply period (MON-4). */
    record ReplyCount(UUID enterpriseId, UUID townId, long raised, long repliedInTime) {
    }

    List<ReplyCount> replyCounts(Condition scope, Instant from, Instant to) {
        return jdbc.sql("""
                select a.enterprise_id, min(a.town_id::text) as town_id, count(*) as raised,
                  count(*) filter (where a.acknowledged_at is not null and a.acknowledged_at <= a.reply_due_at) as replied
                from monitoring_alarm a where a.raised_at >= :from and a.raised_at < :to and """ + " " + scope.sql() + " group by a.enterprise_id")
                .params(scope.params()).param("from", at(from)).param("to", at(to))
                .query((rs, n) -> new ReplyCount(rs.getObject("enterprise_id", UUID.class),
                        rs.getString("town_id") == null ? null : UUID.fromString(rs.getString("town_id")), rs.getLong("raised"), rs.getLong("replied")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Alarm alarm(ResultSet rs, int n) throws SQLException {
        return new Alarm(rs.getObject("id", UUID.class), rs.getObject("sensor_id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                AlarmCondition.valueOf(rs.getString("condition")), AlarmLevel.valueOf(rs.getString("level")), AlarmState.valueOf(rs.getString("state")),
                Escalation.valueOf(rs.getString("escalation")), instant(rs, "raised_at"), instant(rs, "reply_due_at"), instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"), rs.getString("reply"), instant(rs, "disposed_at"), rs.getString("disposed_by"),
                rs.getString("disposal"), instant(rs, "cleared_at"), rs.getString("cleared_by"), instant(rs, "escalated_at"),
                rs.getObject("hazard_id", UUID.class), rs.getInt("version"));
    }

    static AlarmRow row(ResultSet rs, int n) throws SQLException {
        return new AlarmRow(alarm(rs, n), rs.getString("sensor_code"), rs.getString("sensor_name"), rs.getString("sensor_unit"),
                dbl(rs, "first_value"), dbl(rs, "last_value"), dbl(rs, "threshold"), rs.getLong("occurrences"),
                instant(rs, "last_seen_at"), instant(rs, "normal_since"));
    }
}
