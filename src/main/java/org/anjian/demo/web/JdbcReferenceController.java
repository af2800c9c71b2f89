package org.anjian.demo.web;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.ScopeKind;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Benchmark only (issue 17, docs/benchmarks.md), and only under the {@code district-scale} profile: the SQL the list
 * endpoints, the hazard dashboard and the risk map run for a district-wide user, through a bare {@link JdbcClient},
 * rows returned as JSON. The read benchmark calls it beside the application's endpoints in the same run; the ratio
 * of the two is what the application adds (security, services, mapping, per-row look-ups, JSON of records). It reads
 * other modules' tables on purpose: it is the yardstick, not a feature; district-wide callers only.
 */
@RestController
@Profile("district-scale")
class JdbcReferenceController {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String zone;

    JdbcReferenceController(JdbcClient jdbc, Clock clock, DistrictProperties district) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = district.zone().getId();
    }

    record Page(List<Map<String, Object>> items, long total) {
    }

    @GetMapping("/api/v1/bench/jdbc/enterprises")
    Page enterprises(@RequestParam(required = false) UUID regionId, @RequestParam(required = false) String sector,
                     @RequestParam(required = false) String supervisionClass, @RequestParam(required = false) String q,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        districtOnly();
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder("(true)");
        if (regionId != null) {
            w.append(" and (e.town_id in (select id from org_region where id = :r or parent_id = :r)"
                    + " or e.park_id in (select id from org_region where id = :r or parent_id = :r))");
            p.put("r", regionId);
        }
        if (sector != null) {
            w.append(" and e.sector = :sector");
            p.put("sector", sector);
        }
        if (supervisionClass != null) {
            w.append(" and e.supervision_class = :class");
            p.put("class", supervisionClass);
        }
        if (q != null) {
            w.append(" and (e.name ilike :q or e.credit_code ilike :q or e.legal_representative ilike :q or e.address ilike :q)");
            p.put("q", "%" + q + "%");
        }
        return page("select * from ent_enterprise e where " + w, "select count(*) from ent_enterprise e where " + w, "e.name asc, e.id", p, page, size);
    }

    @GetMapping("/api/v1/bench/jdbc/hazards")
    Page hazards(@RequestParam(required = false) String state, @RequestParam(required = false) String grade,
                 @RequestParam(required = false) UUID regionId, @RequestParam(required = false) Boolean overdue,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        districtOnly();
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(" where (true)");
        if (state != null) {
            w.append(" and h.state = :state");
            p.put("state", state);
        }
        if (grade != null) {
            w.append(" and h.grade = :grade");
            p.put("grade", grade);
        }
        if (regionId != null) {
            w.append(" and (h.town_id in (select id from org_region where id = :r or parent_id = :r)"
                    + " or h.park_id in (select id from org_region where id = :r or parent_id = :r))");
            p.put("r", regionId);
        }
        if (overdue != null) {
            w.append(overdue ? " and" : " and not").append(" (h.deadline < :now and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING'))");
            p.put("now", now());
        }
        return page("select h.* from hazard_hazard h" + w, "select count(*) from hazard_hazard h" + w,
                "case h.state when 'CLOSED' then 1 else 0 end, h.deadline, h.found_at desc", p, page, size);
    }

    @GetMapping("/api/v1/bench/jdbc/inspections")
    Page inspections(@RequestParam(required = false) String state, @RequestParam(required = false) Integer year,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        districtOnly();
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(" where true");
        if (state != null) {
            w.append(" and i.state = :state");
            p.put("state", state);
        }
        if (year != null) {
            w.append(" and extract(year from i.planned_on) = :year");
            p.put("year", year);
        }
        return page("select i.* from inspection_inspection i" + w, "select count(*) from inspection_inspection i" + w,
                "i.planned_on desc, i.created_at desc", p, page, size);
    }

    @GetMapping("/api/v1/bench/jdbc/penalty-cases")
    Page penaltyCases(@RequestParam(required = false) String state, @RequestParam(required = false) Integer year,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        districtOnly();
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(" where true");
        if (state != null) {
            w.append(" and c.state = :state");
            p.put("state", state);
        }
        if (year != null) {
            w.append(" and extract(year from c.filed_at at time zone :zone) = :year");
            p.put("year", year);
            p.put("zone", zone);
        }
        return page("""
                select c.*, (select coalesce(sum(p.amount_yuan), 0) from penalty_payment p where p.case_id = c.id) as paid_yuan,
                  exists (select 1 from penalty_enforcement e where e.case_id = c.id) as enforcement_applied
                from penalty_case c""" + w, "select count(*) from penalty_case c" + w, "c.filed_at desc, c.id", p, page, size);
    }

    /** The seven queries of the hazard dashboard page, for the whole district. */
    @GetMapping("/api/v1/bench/jdbc/hazard-dashboard")
    Map<String, Object> hazardDashboard() {
        districtOnly();
        String open = "h.state in ('REPORTED', 'PLANNED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED')";
        String overdue = "h.deadline < :now and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING')";
        Map<String, Object> p = Map.of("now", now(), "zone", zone, "until", now().plusDays(3));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overview", rows("select count(*) filter (where " + open + "), count(*) filter (where " + open + " and h.grade = 'MAJOR'),"
                + " count(*) filter (where " + overdue + "), count(*) filter (where " + overdue + " and h.grade = 'MAJOR'),"
                + " count(*) filter (where h.supervision_level is not null and h.state <> 'CLOSED'),"
                + " count(*) filter (where h.state = 'CLOSED' and h.closed_at >= date_trunc('year', :now::timestamptz at time zone :zone) at time zone :zone)"
                + " from hazard_hazard h where true", p));
        out.put("dueSoon", rows("select count(*) from hazard_hazard h where h.deadline >= :now and h.deadline < :until"
                + " and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING') and true", p));
        out.put("byTown", rows("select cast(h.town_id as text), count(*) from hazard_hazard h where " + open + " and true group by h.town_id order by count(*) desc", p));
        out.put("bySector", rows("select h.sector, count(*) from hazard_hazard h where " + open + " and true group by h.sector order by count(*) desc", p));
        out.put("byAge", rows("""
                select case when h.found_at > :now - interval '7 days' then 'D7'
                            when h.found_at > :now - interval '30 days' then 'D30'
                            when h.found_at > :now - interval '90 days' then 'D90' else 'OLDER' end as bucket, count(*)
                from hazard_hazard h where %s and true group by bucket""".formatted(open), p));
        out.put("months", rows("""
                with m as (
                  select generate_series(date_trunc('month', (:now::timestamptz at time zone :zone)) - interval '11 months',
                                         date_trunc('month', (:now::timestamptz at time zone :zone)), interval '1 month') as month)
                select to_char(m.month, 'YYYY-MM'),
                  (select count(*) from hazard_hazard h where true and date_trunc('month', h.found_at at time zone :zone) = m.month),
                  (select count(*) from hazard_hazard h where true and h.state = 'CLOSED' and date_trunc('month', h.closed_at at time zone :zone) = m.month),
                  (select count(*) from hazard_hazard h where true and h.state = 'CLOSED' and h.closed_at <= h.deadline
                     and date_trunc('month', h.closed_at at time zone :zone) = m.month)
                from m order by m.month""", p));
        out.put("repeats", rows("select h.enterprise_id, max(h.enterprise_name), count(*), count(*) filter (where h.grade = 'MAJOR')"
                + " from hazard_hazard h where h.found_at > :now - interval '365 days' and true"
                + " group by h.enterprise_id having count(*) > 1 order by count(*) desc, 4 desc limit 10", p));
        return out;
    }

    /** The risk map's data: live points per town and level, and the 2,000 riskiest enterprises at their positions. */
    @GetMapping("/api/v1/bench/jdbc/risk-map")
    Map<String, Object> riskMap() {
        districtOnly();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("towns", rows("select p.town_id, p.level, count(*) from risk_point p where not p.retired and (true) group by p.town_id, p.level", Map.of()));
        out.put("enterprises", rows("""
                select r.*, e.latitude, e.longitude from (
                  select p.enterprise_id, max(p.enterprise_name) as name, (array_agg(p.town_id))[1] as town_id,
                    count(*) filter (where p.level = 'MAJOR') as major, count(*) filter (where p.level = 'HIGH') as high,
                    count(*) filter (where p.level = 'GENERAL') as general, count(*) filter (where p.level = 'LOW') as low
                  from risk_point p where not p.retired and (true)
                  group by p.enterprise_id
                  order by major desc, high desc, general desc, name limit 2000) r
                join ent_enterprise e on e.id = r.enterprise_id where e.latitude is not null and e.longitude is not null""", Map.of()));
        return out;
    }

    private Page page(String select, String count, String orderBy, Map<String, Object> p, int page, int size) {
        long total = jdbc.sql(count).params(p).query(Long.class).single();
        Map<String, Object> q = new HashMap<>(p);
        q.put("limit", Math.min(Math.max(size, 1), 100));
        q.put("offset", (long) Math.max(page, 0) * Math.min(Math.max(size, 1), 100));
        return new Page(rows(select + " order by " + orderBy + " limit :limit offset :offset", q), total);
    }

    private List<Map<String, Object>> rows(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(JdbcReferenceController::row).list();
    }

    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = "timestamptz".equals(md.getColumnTypeName(i)) ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
            if (v instanceof Array a) {
                v = a.getArray();
            } else if (v instanceof org.postgresql.util.PGobject o) {
                v = o.getValue();
            }
            m.put(md.getColumnLabel(i) + (m.containsKey(md.getColumnLabel(i)) ? "_" + i : ""), v);
        }
        return m;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void districtOnly() {
        if (CurrentUser.require().scope().kind() != ScopeKind.DISTRICT) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
