package org.anjian.hazard.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The regulator's figures on hazards, always within the caller's scope (DP-3 regulator views). */
@Component
public class HazardStatistics {

    private final JdbcClient jdbc;

    private final ZoneId zone;

    private final HazardMonthCounts monthCounts;

    HazardStatistics(JdbcClient jdbc, DistrictProperties district, HazardMonthCounts monthCounts) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.monthCounts = monthCounts;
    }

    public record Overview(long open, long openMajor, long overdue, long overdueMajor, long listed, long closedThisYear) {
    }

    public record Count(String key, long count) {
    }

    /** Per month: found, closed, closed by the deadline. */
    public record Month(String month, long found, long closed, long closedOnTime) {
        public double rectificationRate() {
            return found == 0 ? 0 : Math.round(1000.0 * closed / found) / 10.0;
        }

        public double onTimeRate() {
            return closed == 0 ? 0 : Math.round(1000.0 * closedOnTime / closed) / 10.0;
        }
    }

    public record Repeat(UUID enterpriseId, String enterpriseName, long hazards, long major) {
    }

    private static final HazardRepository.Filter NO_FILTER = new HazardRepository.Filter(null, null, null, null, null, null, null, null);

    private static final String OPEN = "h.state in ('REPORTED', 'PLANNED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED')";
    private static final String OVERDUE = "h.deadline < :now and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING')";

    @Transactional(readOnly = true)
    public Overview overview(ScopeConditions.Condition scope, Instant now) {
        Map<String, Object> p = params(scope, now);
        if (monthCounts.usable(scope)) {
            // the open hazards (a few percent, on their partial index) counted; this year's closed ones from the per-month
            // totals: counting them read ~300,000 closed rows since January (2.5 s at district scale under load)
            java.time.YearMonth january = java.time.YearMonth.from(now.atZone(zone)).withMonth(1);
            long closedThisYear = monthCounts.closedSince(scope, january);
            return jdbc.sql("select count(*), count(*) filter (where h.grade = 'MAJOR'),"
                            + " count(*) filter (where " + OVERDUE + "), count(*) filter (where " + OVERDUE + " and h.grade = 'MAJOR'),"
                            + " count(*) filter (where h.supervision_level is not null)"
                            + " from hazard_hazard h where " + OPEN + " and " + scope.sql())
                    .params(p).query((rs, n) -> new Overview(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), closedThisYear))
                    .single();
        }
        return jdbc.sql("select count(*) filter (where " + OPEN + "), count(*) filter (where " + OPEN + " and h.grade = 'MAJOR'),"
                        + " count(*) filter (where " + OVERDUE + "), count(*) filter (where " + OVERDUE + " and h.grade = 'MAJOR'),"
                        + " count(*) filter (where h.supervision_level is not null and h.state <> 'CLOSED'),"
                        + " count(*) filter (where h.state = 'CLOSED' and h.closed_at >= date_trunc('year', :now::timestamptz at time zone :zone) at time zone :zone)"
                        + " from hazard_hazard h where " + scope.sql()
                        // rows no figure counts (closed before this year) left out, so the open and closed_at indexes answer it
                        + " and (" + OPEN + " or (h.state = 'CLOSED' and h.closed_at >= date_trunc('year', :now::timestamptz at time zone :zone) at time zone :zone))")
                .params(p).query((rs, n) -> new Overview(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .single();
    }

    /** Open hazards per town (town id → count). */
    @Transactional(readOnly = true)
    public List<Count> openByTown(ScopeConditions.Condition scope, Instant now) {
        // from the per-group totals when the scope allows (see hazard_count), else by counting
        String table = HazardRepository.countedByGroup(NO_FILTER, scope) ? "hazard_count h" : "hazard_hazard h";
        String count = table.startsWith("hazard_count") ? "sum(h.n)" : "count(*)";
        return counts("select cast(h.town_id as text), " + count + " from " + table + " where " + OPEN + " and " + scope.sql()
                + " group by h.town_id having " + count + " > 0 order by " + count + " desc", scope, now);
    }

    @Transactional(readOnly = true)
    public List<Count> openBySector(ScopeConditions.Condition scope, Instant now) {
        String table = HazardRepository.countedByGroup(NO_FILTER, scope) ? "hazard_count h" : "hazard_hazard h";
        String count = table.startsWith("hazard_count") ? "sum(h.n)" : "count(*)";
        return counts("select h.sector, " + count + " from " + table + " where " + OPEN + " and " + scope.sql()
                + " group by h.sector having " + count + " > 0 order by " + count + " desc", scope, now);
    }

    /** Open hazards by age since found: up to 7 days, 30, 90, older. */
    @Transactional(readOnly = true)
    public List<Count> openByAge(ScopeConditions.Condition scope, Instant now) {
        return counts("""
                select case when h.found_at > :now - interval '7 days' then 'D7'
                            when h.found_at > :now - interval '30 days' then 'D30'
                            when h.found_at > :now - interval '90 days' then 'D90' else 'OLDER' end as bucket, count(*)
                from hazard_hazard h where %s and %s group by bucket""".formatted(OPEN, scope.sql()), scope, now);
    }

    /** The last twelve months in the district's time zone. */
    @Transactional(readOnly = true)
    public List<Month> months(ScopeConditions.Condition scope, Instant now) {
        if (monthCounts.usable(scope)) {
            // from the per-month totals (kept by triggers): a few hundred rows instead of ~840,000 index entries
            java.time.YearMonth to = java.time.YearMonth.from(now.atZone(zone));
            return monthCounts.months(scope, to.minusMonths(11), to).entrySet().stream()
                    .map(e -> new Month(e.getKey().toString(), e.getValue().found(), e.getValue().closed(), e.getValue().closedOnTime())).toList();
        }
        return jdbc.sql("""
                with m as (
                  select generate_series(date_trunc('month', (:now::timestamptz at time zone :zone)) - interval '11 months',
                                         date_trunc('month', (:now::timestamptz at time zone :zone)), interval '1 month') as month)
                select to_char(m.month, 'YYYY-MM'),
                  (select count(*) from hazard_hazard h where %1$s
                     and h.found_at >= m.month at time zone :zone and h.found_at < (m.month + interval '1 month') at time zone :zone),
                  (select count(*) from hazard_hazard h where %1$s and h.state = 'CLOSED'
                     and h.closed_at >= m.month at time zone :zone and h.closed_at < (m.month + interval '1 month') at time zone :zone),
                  (select count(*) from hazard_hazard h where %1$s and h.state = 'CLOSED' and h.closed_at <= h.deadline
                     and h.closed_at >= m.month at time zone :zone and h.closed_at < (m.month + interval '1 month') at time zone :zone)
                from m order by m.month""".formatted(scope.sql()))
                .params(params(scope, now))
                .query((rs, n) -> new Month(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /** Enterprises with the most hazards in the last twelve months: where the same problems keep coming back. */
    @Transactional(readOnly = true)
    public List<Repeat> repeats(ScopeConditions.Condition scope, Instant now, int limit) {
        Map<String, Object> p = params(scope, now);
        p.put("limit", limit);
        // counted on the found_at index alone; the name only for the enterprises shown (the same max over the same rows)
        return jdbc.sql("select r.enterprise_id, (select max(h.enterprise_name) from hazard_hazard h where h.enterprise_id = r.enterprise_id"
                        + " and h.found_at > :now - interval '365 days' and " + scope.sql() + "), r.hazards, r.major from ("
                        + " select h.enterprise_id, count(*) as hazards, count(*) filter (where h.grade = 'MAJOR') as major"
                        + " from hazard_hazard h where h.found_at > :now - interval '365 days' and " + scope.sql()
                        + " group by h.enterprise_id having count(*) > 1 order by count(*) desc, 3 desc limit :limit) r order by r.hazards desc, r.major desc")
                .params(p).query((rs, n) -> new Repeat(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }

    private List<Count> counts(String sql, ScopeConditions.Condition scope, Instant now) {
        return jdbc.sql(sql).params(params(scope, now)).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    private Map<String, Object> params(ScopeConditions.Condition scope, Instant now) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        p.put("zone", zone.getId());
        return p;
    }
}
