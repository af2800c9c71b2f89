package org.anjian.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.monitoring.domain.MonitoredObject;
import org.anjian.monitoring.domain.SensorKind;
import org.anjian.monitoring.domain.Thresholds;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sensors and their last reading, in SQL. */
@Repository
class SensorRepository {

    private final JdbcClient jdbc;

    SensorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A sensor row as ingestion and the pages need it. */
    record SensorRow(UUID id, UUID enterpriseId, UUID townId, UUID parkId, String sector, String code, String name, SensorKind kind,
                     String unit, UUID hazardUnitId, MonitoredObject objectKind, String objectRef, Thresholds thresholds,
                     Double ratePerMinute, int intervalSeconds, boolean active, Double lastValue, Instant lastReadAt, Instant createdAt) {
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    void insert(SensorRow s, Instant now) {
        jdbc.sql("""
                insert into monitoring_sensor (id, enterprise_id, town_id, park_id, sector, code, name, kind, unit, hazard_unit_id, object_kind,
                  object_ref, hh, h, l, ll, rate_per_minute, interval_seconds, active, created_at, updated_at)
                values (:id, :enterprise, :town, :park, :sector, :code, :name, :kind, :unit, :hazardUnit, :objectKind, :objectRef,
                  :hh, :h, :l, :ll, :rate, :interval, :active, :now, :now)""")
                .params(values(s)).param("now", at(now)).update();
    }

    void update(SensorRow s, Instant now) {
        jdbc.sql("""
                update monitoring_sensor set code = :code, name = :name, kind = :kind, unit = :unit, hazard_unit_id = :hazardUnit,
                  object_kind = :objectKind, object_ref = :objectRef, hh = :hh, h = :h, l = :l, ll = :ll, rate_per_minute = :rate,
                  interval_seconds = :interval, active = :active, updated_at = :now where id = :id""")
                .params(values(s)).param("now", at(now)).update();
    }

    private static Map<String, Object> values(SensorRow s) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", s.id());
        v.put("enterprise", s.enterpriseId());
        v.put("town", s.townId());
        v.put("park", s.parkId());
        v.put("sector", s.sector());
        v.put("code", s.code());
        v.put("name", s.name());
        v.put("kind", s.kind().name());
        v.put("unit", s.unit());
        v.put("hazardUnit", s.hazardUnitId());
        v.put("objectKind", s.objectKind() == null ? null : s.objectKind().name());
        v.put("objectRef", s.objectRef());
        v.put("hh", s.thresholds().hh());
        v.put("h", s.thresholds().h());
        v.put("l", s.thresholds().l());
        v.put("ll", s.thresholds().ll());
        v.put("rate", s.ratePerMinute());
        v.put("interval", s.intervalSeconds());
        v.put("active", s.active());
        return v;
    }

    boolean codeTaken(UUID enterpriseId, String code, UUID except) {
        return jdbc.sql("select exists (select 1 from monitoring_sensor where enterprise_id = :e and code = :c and id <> :id)")
                .param("e", enterpriseId).param("c", code).param("id", except).query(Boolean.class).single();
    }

    Optional<SensorRow> find(UUID id) {
        return jdbc.sql("select * from monitoring_sensor where id = :id").param("id", id).query(SensorRepository::map).optional();
    }

    /** Sensors by id or by the sender's code, with their row locked for this batch (one writer per sensor at a time). */
    List<SensorRow> lockByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from monitoring_sensor where id = any(cast(:ids as uuid[])) order by id for update")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(SensorRepository::map).list();
    }

    List<SensorRow> byCodes(UUID enterpriseId, Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from monitoring_sensor where enterprise_id = :e and code in (:codes)").param("e", enterpriseId)
                .param("codes", codes).query(SensorRepository::map).list();
    }

    /** A sensor named by its enterprise's code (位号). */
    record CodeKey(UUID enterpriseId, String code) {
    }

    /** Resolves codes of several enterprises at once (one query, not locked: the caller locks the ids and checks the code again). */
    Map<CodeKey, UUID> idsByCodes(Collection<CodeKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<CodeKey, UUID> out = new HashMap<>();
        jdbc.sql("""
                select s.enterprise_id, s.code, s.id from monitoring_sensor s
                join unnest(cast(:e as uuid[]), cast(:c as text[])) as k(enterprise_id, code) on s.enterprise_id = k.enterprise_id and s.code = k.code""")
                .param("e", keys.stream().map(k -> k.enterpriseId().toString()).toArray(String[]::new))
                .param("c", keys.stream().map(CodeKey::code).toArray(String[]::new))
                .query(rs -> {
                    out.put(new CodeKey(rs.getObject(1, UUID.class), rs.getString(2)), rs.getObject(3, UUID.class));
                });
        return out;
    }

    /** A sensor's newest reading after a batch. */
    record Last(UUID sensorId, double value, Instant at) {
    }

    /** The newest reading per sensor in one statement (only where it is newer than the one recorded). */
    void lastReadings(List<Last> lasts) {
        if (lasts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update monitoring_sensor s set last_value = v.value, last_read_at = v.at
                from unnest(cast(:id as uuid[]), cast(:v as float8[]), cast(:at as timestamptz[])) as v(id, value, at)
                where s.id = v.id and (s.last_read_at is null or s.last_read_at < v.at)""")
                .param("id", lasts.stream().map(l -> l.sensorId().toString()).toArray(String[]::new))
                .param("v", lasts.stream().map(l -> Double.toString(l.value())).toArray(String[]::new))
                .param("at", lasts.stream().map(l -> at(l.at()).toString()).toArray(String[]::new)).update();
    }

    void lastReading(UUID sensorId, double value, Instant at) {
        jdbc.sql("""
                update monitoring_sensor set last_value = :v, last_read_at = :at
                where id = :id and (last_read_at is null or last_read_at < :at)""")
                .param("v", value).param("at", at(at)).param("id", sensorId).update();
    }

    /** Active sensors that have missed more than {@code missed} intervals by {@code now}. */
    List<SensorRow> silent(Instant now, int missed) {
        return jdbc.sql("""
                select * from monitoring_sensor where active
                  and coalesce(last_read_at, created_at) + make_interval(secs => interval_seconds * :missed) < :now""")
                .param("missed", missed).param("now", at(now)).query(SensorRepository::map).list();
    }

    record Filter(UUID enterpriseId, UUID hazardUnitId, SensorKind kind, String q) {
    }

    PageResult<SensorRow> search(Condition scope, Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.enterpriseId() != null) {
            where.append(" and s.enterprise_id = :enterprise");
            params.put("enterprise", f.enterpriseId());
        }
        if (f.hazardUnitId() != null) {
            where.append(" and s.hazard_unit_id = :unit");
            params.put("unit", f.hazardUnitId());
        }
        if (f.kind() != null) {
            where.append(" and s.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (s.name ilike :q or s.code ilike :q)");
            params.put("q", "%" + f.q().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from monitoring_sensor s" + where).params(params).query(Long.class).single();
        List<SensorRow> items = jdbc.sql("select * from monitoring_sensor s" + where + " order by s.enterprise_id, s.code limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(SensorRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Counts of active sensors and of those online at {@code now}, per enterprise (MON-4 online rate). */
    record OnlineCount(UUID enterpriseId, UUID townId, long sensors, long online) {
    }

    List<OnlineCount> onlineCounts(Condition scope, Instant now, int missed) {
        return jdbc.sql("""
                select s.enterprise_id, min(s.town_id::text) as town_id, count(*) as sensors,
                  count(*) filter (where s.last_read_at is not null
                        and s.last_read_at + make_interval(secs => s.interval_seconds * :missed) >= :now) as online
                from monitoring_sensor s where s.active and """ + " " + scope.sql() + " group by s.enterprise_id")
                .params(scope.params()).param("missed", missed).param("now", at(now))
                .query((rs, n) -> new OnlineCount(rs.getObject("enterprise_id", UUID.class),
                        rs.getString("town_id") == null ? null : UUID.fromString(rs.getString("town_id")), rs.getLong("sensors"), rs.getLong("online")))
                .list();
    }

    boolean hasSensors(UUID enterpriseId) {
        return jdbc.sql("select exists (select 1 from monitoring_sensor where enterprise_id = :e)").param("e", enterpriseId).query(Boolean.class).single();
    }

    /** Active sensors for the simulator, a bounded number. */
    List<SensorRow> active(int limit) {
        return jdbc.sql("select * from monitoring_sensor where active order by id limit :limit").param("limit", limit).query(SensorRepository::map).list();
    }

    static SensorRow map(ResultSet rs, int row) throws SQLException {
        String objectKind = rs.getString("object_kind");
        OffsetDateTime last = rs.getObject("last_read_at", OffsetDateTime.class);
        return new SensorRow(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class),
                rs.getObject("park_id", UUID.class), rs.getString("sector"), rs.getString("code"), rs.getString("name"),
                SensorKind.valueOf(rs.getString("kind")), rs.getString("unit"), rs.getObject("hazard_unit_id", UUID.class),
                objectKind == null ? null : MonitoredObject.valueOf(objectKind), rs.getString("object_ref"),
                new Thresholds(dbl(rs, "hh"), dbl(rs, "h"), dbl(rs, "l"), dbl(rs, "ll")), dbl(rs, "rate_per_minute"),
                rs.getInt("interval_seconds"), rs.getBoolean("active"), dbl(rs, "last_value"), last == null ? null : last.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
