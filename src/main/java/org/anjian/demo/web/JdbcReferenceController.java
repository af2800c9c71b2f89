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
import org.anjian.shared.web.Cursor;
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
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                     @RequestParam(required = false) String after) {
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
        String rows = "select * from ent_enterprise e where " + w;
        if (after != null) {
            Cursor c = Cursor.parse(after, 2);
            rows += " and (e.name, e.id) > (cast(:afterKey as text), :afterId)";
            p.put("afterKey", c.text(0));
            p.put("afterId", c.uuid(1));
        }
        return page(rows, "select count(*) from ent_enterprise e where " + w, "e.name asc, e.id", p, after != null ? 0 : page, size);
    }

    @GetMapping("/api/v1/bench/jdbc/hazards")
    Page hazards(@RequestParam(required = false) String state, @RequestParam(required = false) String grade,
                 @RequestParam(required = false) UUID regionId, @RequestParam(required = false) Boolean overdue,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                 @RequestParam(required = false) String after) {
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
        String rows = "select h.* from hazard_hazard h" + w;
        if (after != null) {
            Cursor c = Cursor.parse(after, 4);
            rows += " and ((case h.state when 'CLOSED' then 1 else 0 end), h.deadline) >= (:afterOpen, :afterDeadline)"
                    + " and not ((case h.state when 'CLOSED' then 1 else 0 end) = :afterOpen and h.deadline = :afterDeadline"
                    + " and (h.found_at > :afterFound or (h.found_at = :afterFound and h.id <= :afterId)))";
            p.put("afterOpen", c.integer(0));
            p.put("afterDeadline", c.instant(1));
            p.put("afterFound", c.instant(2));
            p.put("afterId", c.uuid(3));
        }
        return page(rows, "select count(*) from hazard_hazard h" + w,
                "case h.state when 'CLOSED' then 1 else 0 end, h.deadline, h.found_at desc, h.id", p, after != null ? 0 : page, size);
    }

    @GetMapping("/api/v1/bench/jdbc/inspections")
    Page inspections(@RequestParam(required = false) String state, @RequestParam(required = false) Integer year,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                     @RequestParam(required = false) String after) {
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
        String rows = "select i.* from inspection_inspection i" + w;
        if (after != null) {
            Cursor c = Cursor.parse(after, 3);
            rows += " and (i.planned_on, i.created_at, i.id) < (:afterPlanned, :afterCreated, :afterId)";
            p.put("afterPlanned", c.date(0));
            p.put("afterCreated", c.instant(1));
            p.put("afterId", c.uuid(2));
        }
        return page(rows, "select count(*) from inspection_inspection i" + w,
                "i.planned_on desc, i.created_at desc, i.id desc", p, after != null ? 0 : page, size);
    }

    @GetMapping("/api/v1/bench/jdbc/penalty-cases")
    Page penaltyCases(@RequestParam(required = false) String state, @RequestParam(required = false) Integer year,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                      @RequestParam(required = false) String after) {
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
        String keyset = "";
        if (after != null) {
            Cursor c = Cursor.parse(after, 2);
            keyset = " and c.filed_at <= :afterFiled and not (c.filed_at = :afterFiled and c.id <= :afterId)";
            p.put("afterFiled", c.instant(0));
            p.put("afterId", c.uuid(1));
        }
        return page("""
                select c.*, (select coalesce(sum(p.amount_yuan), 0) from penalty_payment p where p.case_id = c.id) as paid_yuan,
                  exists (select 1 from penalty_enforcement e where e.case_id = c.id) as enforcement_applied
                from penalty_case c""" + w + keyset, "select count(*) from penalty_case c" + w, "c.filed_at desc, c.id", p, after != null ? 0 : page, size);
    }

    /**
     * The seven queries of the hazard dashboard page, for the whole district, as the application runs them now (issue 17):
     * the overview on the open hazards and this year's closed ones from {@code hazard_month_count}, per town and sector from {@code hazard_count}, the months from
     * {@code hazard_month_count}, the repeat enterprises counted on the found_at index.
     */
    @GetMapping("/api/v1/bench/jdbc/hazard-dashboard")
    Map<String, Object> hazardDashboard() {
        districtOnly();
        String open = "h.state in ('REPORTED', 'PLANNED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED')";
        String overdue = "h.deadline < :now and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING')";
        java.time.YearMonth to = java.time.YearMonth.from(now().atZoneSameInstant(java.time.ZoneId.of(zone)));
        Map<String, Object> p = Map.of("now", now(), "zone", zone, "until", now().plusDays(3), "from", to.minusMonths(11).atDay(1), "to", to.atDay(1));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overview", rows("select count(*), count(*) filter (where h.grade = 'MAJOR'),"
                + " count(*) filter (where " + overdue + "), count(*) filter (where " + overdue + " and h.grade = 'MAJOR'),"
                + " count(*) filter (where h.supervision_level is not null)"
                + " from hazard_hazard h where " + open + " and true", p));
        out.put("closedThisYear", rows("select coalesce(sum(h.closed), 0) from hazard_month_count h where h.month >= :january and true",
                Map.of("january", to.withMonth(1).atDay(1))));
        out.put("dueSoon", rows("select count(*) from hazard_hazard h where h.deadline >= :now and h.deadline < :until"
                + " and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING') and true", p));
        out.put("byTown", rows("select cast(h.town_id as text), sum(h.n) from hazard_count h where " + open + " and true group by h.town_id having sum(h.n) > 0 order by sum(h.n) desc", p));
        out.put("bySector", rows("select h.sector, sum(h.n) from hazard_count h where " + open + " and true group by h.sector having sum(h.n) > 0 order by sum(h.n) desc", p));
        out.put("byAge", rows("""
                select case when h.found_at > :now - interval '7 days' then 'D7'
                            when h.found_at > :now - interval '30 days' then 'D30'
                            when h.found_at > :now - interval '90 days' then 'D90' else 'OLDER' end as bucket, count(*)
                from hazard_hazard h where %s and true group by bucket""".formatted(open), p));
        out.put("months", rows("select h.month, sum(h.found), sum(h.closed), sum(h.closed_on_time) from hazard_month_count h"
                + " where h.month >= :from and h.month <= :to and true group by h.month", p));
        out.put("repeats", rows("select r.enterprise_id, (select max(h.enterprise_name) from hazard_hazard h where h.enterprise_id = r.enterprise_id"
                + " and h.found_at > :now - interval '365 days' and true), r.hazards, r.major from ("
                + " select h.enterprise_id, count(*) as hazards, count(*) filter (where h.grade = 'MAJOR') as major"
                + " from hazard_hazard h where h.found_at > :now - interval '365 days' and true"
                + " group by h.enterprise_id having count(*) > 1 order by count(*) desc, 3 desc limit 10) r order by r.hazards desc, r.major desc", p));
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

    /** For the benchmark's keyset rows: the cursor of the row at {@code offset} (0-based) of a list in its default order, as the list would give it. */
    @GetMapping("/api/v1/bench/jdbc/cursor/{list}")
    Map<String, String> cursorAt(@PathVariable String list, @RequestParam long offset) {
        districtOnly();
        Map<String, Object> p = Map.of("offset", Math.max(0, offset));
        String cursor = switch (list) {
            case "hazards" -> jdbc.sql("select case state when 'CLOSED' then 1 else 0 end, deadline, found_at, id from hazard_hazard"
                            + " order by 1, deadline, found_at desc, id offset :offset limit 1").params(p)
                    .query((rs, n) -> Cursor.of(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getObject(4, UUID.class))).single();
            case "inspections" -> jdbc.sql("select planned_on, created_at, id from inspection_inspection order by planned_on desc, created_at desc, id desc"
                            + " offset :offset limit 1").params(p)
                    .query((rs, n) -> Cursor.of(rs.getObject(1, java.time.LocalDate.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, UUID.class))).single();
            case "penalty-cases" -> jdbc.sql("select filed_at, id from penalty_case order by filed_at desc, id offset :offset limit 1").params(p)
                    .query((rs, n) -> Cursor.of(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, UUID.class))).single();
            case "enterprises" -> jdbc.sql("select cast(name as text), id from ent_enterprise order by name, id offset :offset limit 1").params(p)
                    .query((rs, n) -> Cursor.of(rs.getString(1), rs.getObject(2, UUID.class))).single();
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        return Map.of("cursor", cursor);
    }

    // ---- the command view (一张图): the statements CommandSituation's modules run, for the whole district -----------

    private static final String PLACED = "select e.id, e.name, e.town_id, e.sector, e.supervision_class, e.latitude, e.longitude from ent_enterprise e";

    /** {@code /api/v1/command/overview}: the three tallies and the four small lists. */
    @GetMapping("/api/v1/bench/jdbc/command-overview")
    Map<String, Object> commandOverview() {
        districtOnly();
        return overview();
    }

    private Map<String, Object> overview() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprises", rows("select e.town_id, e.sector, e.supervision_class, count(*) as n from ent_enterprise e where true"
                + " and e.status <> 'CLOSED' group by e.town_id, e.sector, e.supervision_class", Map.of()));
        out.put("risk", rows("select x.town_id, x.sector, x.highest, count(*) as n from (select r.enterprise_id, r.town_id, r.sector,"
                + " min(case r.level when 'MAJOR' then 0 when 'HIGH' then 1 when 'GENERAL' then 2 else 3 end) as highest"
                + " from risk_point r where not r.retired and true group by r.enterprise_id, r.town_id, r.sector) x group by x.town_id, x.sector, x.highest", Map.of()));
        out.put("hazards", rows("select h.town_id, h.sector, count(*) as open, count(*) filter (where h.grade = 'MAJOR') as major,"
                + " count(*) filter (where h.deadline < :now) as overdue from hazard_hazard h where h.state <> 'CLOSED' and true group by h.town_id, h.sector",
                Map.of("now", now())));
        out.putAll(smallLayers());
        return out;
    }

    private Map<String, List<Map<String, Object>>> smallLayers() {
        OffsetDateTime now = now();
        java.time.ZoneId z = java.time.ZoneId.of(zone);
        java.time.LocalDate day = now.atZoneSameInstant(z).toLocalDate();
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("alarms", rows("select a.id, a.enterprise_id, a.town_id, a.sector, s.name as sensor_name, a.condition, a.level, a.state, a.raised_at, a.reply_due_at"
                + " from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id"
                + " where a.state in ('RAISED', 'ACKNOWLEDGED', 'DISPOSED') and true order by a.raised_at desc, a.id", Map.of()));
        out.put("accidents", rows("select a.id, a.enterprise_id, a.enterprise_name, a.town_id, a.sector, a.place, a.occurred_at, a.grade, a.deaths"
                + " from acc_accident a where a.occurred_at >= :since and true order by a.occurred_at desc, a.id", Map.of("since", now.minusDays(365))));
        out.put("permits", rows("select p.id, p.number, p.enterprise_id, p.town_id, p.sector, p.type, p.grade, p.state, p.location, p.latitude, p.longitude, p.valid_to"
                + " from permit_work_permit p where p.state in ('IN_PROGRESS', 'SUSPENDED') and true order by p.valid_to, p.id", Map.of()));
        out.put("inspections", rows("select i.id, i.enterprise_id, i.town_id, i.sector, i.state from inspection_inspection i where (i.planned_on = :day"
                + " or (i.started_at >= :start and i.started_at < :end) or (i.finished_at >= :start and i.finished_at < :end)) and true",
                Map.of("day", day, "start", day.atStartOfDay(z).toOffsetDateTime(), "end", day.plusDays(1).atStartOfDay(z).toOffsetDateTime())));
        return out;
    }

    /** {@code /api/v1/command/layers/{layer}}: the layer's rows and the positions of their enterprises (all of them for the big layers). */
    @GetMapping("/api/v1/bench/jdbc/command-layer/{layer}")
    Map<String, Object> commandLayer(@PathVariable String layer) {
        districtOnly();
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> items = switch (layer) {
            case "enterprises" -> List.of();
            case "risk" -> rows("select r.enterprise_id, r.town_id, r.sector, min(case r.level when 'MAJOR' then 0 when 'HIGH' then 1 when 'GENERAL' then 2 else 3 end)"
                    + " as highest, count(*) as n from risk_point r where not r.retired and true group by r.enterprise_id, r.town_id, r.sector", Map.of());
            case "hazards" -> rows("select h.enterprise_id, h.town_id, h.sector, count(*) as open, count(*) filter (where h.grade = 'MAJOR') as major,"
                    + " count(*) filter (where h.deadline < :now) as overdue from hazard_hazard h where h.state <> 'CLOSED' and true"
                    + " group by h.enterprise_id, h.town_id, h.sector", Map.of("now", now()));
            case "alarms", "accidents", "permits", "inspections" -> smallLayers().get(layer);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        out.put("items", items);
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        items.forEach(r -> {
            if (r.get("enterprise_id") instanceof UUID id) {
                ids.add(id);
            }
        });
        // as the application: every enterprise for the enterprises layer and for more than 2,000 of them, else those of the rows
        out.put("enterprises", "enterprises".equals(layer) || ids.size() > 2_000 ? rows(PLACED + " where true and e.status <> 'CLOSED' order by e.id", Map.of())
                : ids.isEmpty() ? List.of()
                : rows(PLACED + " where e.id = any(:ids) and true and e.status <> 'CLOSED' order by e.id", Map.of("ids", ids.toArray(UUID[]::new))));
        return out;
    }

    /** {@code /api/v1/command/trends}: twelve months of hazards (from the per-month totals), finished inspections and accidents. */
    @GetMapping("/api/v1/bench/jdbc/command-trends")
    Map<String, Object> commandTrends() {
        districtOnly();
        return trends();
    }

    private Map<String, Object> trends() {
        java.time.ZoneId z = java.time.ZoneId.of(zone);
        java.time.YearMonth to = java.time.YearMonth.from(now().atZoneSameInstant(z));
        java.time.YearMonth from = to.minusMonths(11);
        Map<String, Object> p = Map.of("zone", zone, "from", from.atDay(1), "to", to.atDay(1), "start", from.atDay(1).atStartOfDay(z).toOffsetDateTime(),
                "end", to.plusMonths(1).atDay(1).atStartOfDay(z).toOffsetDateTime());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hazards", rows("select h.month, sum(h.found), sum(h.closed), sum(h.closed_on_time) from hazard_month_count h"
                + " where h.month >= :from and h.month <= :to and true group by h.month", p));
        out.put("inspections", rows("select to_char(i.finished_at at time zone :zone, 'YYYY-MM') as m, count(*) as n from inspection_inspection i"
                + " where i.finished_at >= :start and i.finished_at < :end and true group by 1", p));
        out.put("accidents", rows("select to_char(a.occurred_at at time zone :zone, 'YYYY-MM') as m, count(*) as n from acc_accident a"
                + " where a.occurred_at >= :start and a.occurred_at < :end and true group by 1", p));
        return out;
    }

    /** The page {@code /command/analysis}: the overview, the trends and the warnings. */
    @GetMapping("/api/v1/bench/jdbc/command-analysis")
    Map<String, Object> commandAnalysis() {
        districtOnly();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overview", overview());
        out.put("trends", trends());
        java.time.LocalDate today = now().atZoneSameInstant(java.time.ZoneId.of(zone)).toLocalDate();
        out.put("overdueMajor", rows("select h.id, h.enterprise_id, h.enterprise_name, h.town_id, h.description, h.deadline, h.state from hazard_hazard h"
                + " where h.state <> 'CLOSED' and h.grade = 'MAJOR' and h.deadline < :now and true order by h.deadline, h.id limit 20", Map.of("now", now())));
        out.put("licences", rows("select l.enterprise_id, e.name, e.town_id, l.kind, l.number, l.valid_to from ent_licence l join ent_enterprise e on e.id = l.enterprise_id"
                + " where l.valid_to between :from and :to and e.status <> 'CLOSED' and true order by l.valid_to, e.name limit 20",
                Map.of("from", today, "to", today.plusDays(30))));
        out.put("alarms", smallLayers().get("alarms"));
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
