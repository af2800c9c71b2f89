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

    /** A sighting of one sensor, to be raised with others in one statement. */
    record Raise(SensorRow sensor, Sighting sighting) {
    }

    /** What {@link #raiseAll} did to one sighting's alarm. */
    record RaisedOf(UUID id, UUID sensorId, AlarmCondition condition, boolean created) {
    }

    /**
     * {@link #raise} for a whole batch in ONE statement, against the same partial unique index; at
     * most one sighting per sensor and condition (the batch merges them), in sensor order.
     */
    List<RaisedOf> raiseAll(List<Raise> raises, Instant replyDueAt) {
        if (raises.isEmpty()) {
            return List.of();
        }
        int n = raises.size();
        String[][] cols = new String[16][n];
        for (int i = 0; i < n; i++) {
            SensorRow s = raises.get(i).sensor();
            Sighting g = raises.get(i).sighting();
            String[] v = {UUID.randomUUID().toString(), s.id().toString(), s.enterpriseId().toString(), str(s.townId()), str(s.parkId()), s.sector(),
                    g.condition().name(), g.level().name(), str(g.firstValue()), str(g.lastValue()), str(g.threshold()), Long.toString(g.count()),
                    at(g.firstAt()).toString(), at(g.lastAt()).toString(), null, null};
            for (int c = 0; c < v.length; c++) {
                cols[c][i] = v[c];
            }
        }
        return jdbc.sql("""
                insert into monitoring_alarm (id, sensor_id, enterprise_id, town_id, park_id, sector, condition, level, state, first_value,
                  last_value, threshold, occurrences, raised_at, last_seen_at, reply_due_at)
                select v.id, v.sensor, v.enterprise, v.town, v.park, v.sector, v.condition, v.level, 'RAISED', v.first, v.last, v.threshold, v.count,
                  v.first_at, v.last_at, :due
                from unnest(cast(:id as uuid[]), cast(:sensor as uuid[]), cast(:enterprise as uuid[]), cast(:town as uuid[]), cast(:park as uuid[]),
                  cast(:sector as text[]), cast(:condition as text[]), cast(:level as text[]), cast(:first as float8[]), cast(:last as float8[]),
                  cast(:threshold as float8[]), cast(:count as bigint[]), cast(:firstAt as timestamptz[]), cast(:lastAt as timestamptz[]))
                  as v(id, sensor, enterprise, town, park, sector, condition, level, first, last, threshold, count, first_at, last_at)
                on conflict (sensor_id, condition) where state <> 'CLEARED' do update set
                  occurrences = monitoring_alarm.occurrences + excluded.occurrences,
                  last_value = excluded.last_value,
                  last_seen_at = greatest(monitoring_alarm.last_seen_at, excluded.last_seen_at),
                  normal_since = null,
                  level = case when (monitoring_alarm.level = 'H' and excluded.level = 'HH') or (monitoring_alarm.level = 'L' and excluded.level = 'LL')
                               then excluded.level else monitoring_alarm.level end,
                  threshold = case when (monitoring_alarm.level = 'H' and excluded.level = 'HH') or (monitoring_alarm.level = 'L' and excluded.level = 'LL')
                               then excluded.threshold else monitoring_alarm.threshold end
                returning id, sensor_id, condition, (xmax = 0) as created""")
                .param("id", cols[0]).param("sensor", cols[1]).param("enterprise", cols[2]).param("town", cols[3]).param("park", cols[4])
                .param("sector", cols[5]).param("condition", cols[6]).param("level", cols[7]).param("first", cols[8]).param("last", cols[9])
                .param("threshold", cols[10]).param("count", cols[11]).param("firstAt", cols[12]).param("lastAt", cols[13])
                .param("due", at(replyDueAt))
                .query((rs, i) -> new RaisedOf(rs.getObject("id", UUID.class), rs.getObject("sensor_id", UUID.class),
                        AlarmCondition.valueOf(rs.getString("condition")), rs.getBoolean("created"))).list();
    }

    /** A sensor back to normal for a condition since a time. */
    record Normal(UUID sensorId, AlarmCondition condition, Instant at) {
    }

    /**
     * {@link #normal} for a whole batch in ONE statement; a mark that finds no open alarm (the usual
     * case: the sensor is fine) changes nothing.
     */
    void normalAll(List<Normal> marks) {
        if (marks.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update monitoring_alarm a set normal_since = v.at
                from unnest(cast(:s as uuid[]), cast(:c as text[]), cast(:at as timestamptz[])) as v(sensor_id, condition, at)
                where a.sensor_id = v.sensor_id and a.condition = v.condition and a.state <> 'CLEARED' and a.normal_since is null
                  and a.last_seen_at < v.at""")
                .param("s", marks.stream().map(m -> m.sensorId().toString()).toArray(String[]::new))
                .param("c", marks.stream().map(m -> m.condition().name()).toArray(String[]::new))
                .param("at", marks.stream().map(m -> at(m.at()).toString()).toArray(String[]::new)).update();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
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
