package org.anjian.monitoring.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.organization.ScopeConditions.Condition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 包保 duty records in SQL. */
@Repository
class DutyRepository {

    private final JdbcClient jdbc;

    DutyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Duties.DutyView d, UUID townId, UUID parkId, String sector, UUID recordedBy) {
        jdbc.sql("""
                insert into monitoring_duty (id, enterprise_id, town_id, park_id, sector, unit_id, unit_name, role, custodian_name, day, content,
                  problems, recorded_by, recorded_at)
                values (:id, :e, :town, :park, :sector, :unit, :unitName, :role, :name, :day, :content, :problems, :by, :at)""")
                .param("id", d.id()).param("e", d.enterpriseId()).param("town", townId).param("park", parkId).param("sector", sector)
                .param("unit", d.unitId()).param("unitName", d.unitName()).param("role", d.role()).param("name", d.custodianName())
                .param("day", d.day()).param("content", d.content()).param("problems", d.problems()).param("by", recordedBy)
                .param("at", SensorRepository.at(d.recordedAt())).update();
    }

    List<Duties.DutyView> search(Condition scope, UUID enterpriseId, UUID unitId, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", from);
        params.put("to", to);
        StringBuilder where = new StringBuilder(" where ").append(scope.sql()).append(" and d.day between :from and :to");
        if (enterpriseId != null) {
            where.append(" and d.enterprise_id = :e");
            params.put("e", enterpriseId);
        }
        if (unitId != null) {
            where.append(" and d.unit_id = :u");
            params.put("u", unitId);
        }
        return jdbc.sql("select * from monitoring_duty d" + where + " order by d.day desc, d.recorded_at desc limit 500").params(params)
                .query((rs, n) -> new Duties.DutyView(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), rs.getString("role"), rs.getString("custodian_name"),
                        rs.getObject("day", LocalDate.class), rs.getString("content"), rs.getString("problems"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A page of duty records within the scope and the filter, newest first, and how many match. */
    org.anjian.shared.web.PageResult<Duties.DutyView> page(Condition scope, Duties.Filter f, org.anjian.shared.web.PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", f.from());
        params.put("to", f.to());
        StringBuilder where = new StringBuilder(" where ").append(scope.sql()).append(" and d.day between :from and :to");
        if (f.enterpriseId() != null) {
            where.append(" and d.enterprise_id = :e");
            params.put("e", f.enterpriseId());
        }
        if (f.role() != null) {
            where.append(" and d.role = :role");
            params.put("role", f.role());
        }
        if (f.withProblems() != null) {
            where.append(f.withProblems() ? " and d.problems is not null" : " and d.problems is null");
        }
        long total = jdbc.sql("select count(*) from monitoring_duty d" + where).params(params).query(Long.class).single();
        List<Duties.DutyView> items = jdbc.sql("select * from monitoring_duty d" + where + " order by d.day desc, d.recorded_at desc, d.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(DutyRepository::view).list();
        return new org.anjian.shared.web.PageResult<>(items, total, page.page(), page.size());
    }

    private static Duties.DutyView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Duties.DutyView(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), rs.getString("role"), rs.getString("custodian_name"),
                rs.getObject("day", LocalDate.class), rs.getString("content"), rs.getString("problems"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    /** The latest duty day up to {@code day} per unit and role ("unit/ROLE") within the scope (one query). */
    Map<String, LocalDate> latestUpTo(Condition scope, LocalDate day) {
        Map<String, LocalDate> latest = new HashMap<>();
        jdbc.sql("select d.unit_id, d.role, max(d.day) as day from monitoring_duty d where d.day <= :day and " + scope.sql() + " group by d.unit_id, d.role")
                .params(scope.params()).param("day", day)
                .query(rs -> {
                    latest.put(rs.getObject("unit_id", UUID.class) + "/" + rs.getString("role"), rs.getObject("day", LocalDate.class));
                });
        return latest;
    }

    /** The latest duty day per unit and role of the enterprise. */
    Map<String, LocalDate> latest(UUID enterpriseId) {
        Map<String, LocalDate> latest = new HashMap<>();
        jdbc.sql("select unit_id, role, max(day) as day from monitoring_duty where enterprise_id = :e group by unit_id, role")
                .param("e", enterpriseId)
                .query(rs -> {
                    latest.put(rs.getObject("unit_id", UUID.class) + "/" + rs.getString("role"), rs.getObject("day", LocalDate.class));
                });
        return latest;
    }
}
