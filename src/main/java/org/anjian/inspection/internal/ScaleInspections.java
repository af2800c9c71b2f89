package org.anjian.inspection.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseColumns;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.inspection.InspectionScaleData;
import org.anjian.inspection.ViolationCategory;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * District-scale inspections, set-based: one statement per chunk draws the enterprise (class A and B enterprises
 * more often, as the plan does), a team of two, the day (three years back, 2 % planned within the next month) and,
 * for about 40 % of the finished ones, one to three categorised findings, written by a writable CTE in the same
 * statement. Town, park and sector are copied from the enterprise as the module does.
 */
@Component
class ScaleInspections implements InspectionScaleData {

    private static final Logger log = LoggerFactory.getLogger(ScaleInspections.class);
    private static final int CHUNK = 50_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ScaleInspections(JdbcClient jdbc, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    @Override
    public List<FinishedInspection> generate(List<EnterpriseSummary> enterprises, List<UUID> inspectors, long total, int sample) {
        long existing = jdbc.sql("select count(*) from inspection_inspection").query(Long.class).single();
        if (existing < total && !enterprises.isEmpty() && inspectors.size() >= 2) {
            long start = System.nanoTime();
            // class A enterprises three times, B twice, others once: the draw follows the plan's frequencies
            List<EnterpriseSummary> weighted = enterprises.stream()
                    .flatMap(e -> java.util.Collections.nCopies(e.supervisionClass() == null ? 1 : switch (e.supervisionClass()) {
                        case A -> 3;
                        case B -> 2;
                        default -> 1;
                    }, e).stream()).toList();
            EnterpriseColumns c = EnterpriseColumns.of(weighted);
            String[] categories = java.util.Arrays.stream(ViolationCategory.values()).map(Enum::name).toArray(String[]::new);
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            long toAdd = total - existing;
            for (long from = 0; from < toAdd; from += CHUNK) {
                long count = Math.min(CHUNK, toAdd - from);
                jdbc.sql(SQL.replace("ZONE", zone.getId()))
                        .params(c.ids(), c.towns(), c.parks(), c.sectors(), c.latitudes(), c.longitudes(), inspectors.toArray(UUID[]::new), categories, now, count).update();
            }
    jdbc.sql("analyze inspection_inspection, inspection_finding").update();
            audit.recordAs("system", null, "SCALE_DATA_GENERATED", "inspection", "scale", null, Map.of("inspections", toAdd));
            log.info("district scale: {} inspections with findings in {} ms", toAdd, (System.nanoTime() - start) / 1_000_000);
        }
        return jdbc.sql("""
                        select i.id, i.enterprise_id, i.planned_on from inspection_inspection i
                        where i.state = 'DONE' and exists (select 1 from inspection_finding f where f.inspection_id = i.id)
                        order by md5(i.id::text) limit ?""")
                .param(sample)
                .query((rs, k) -> new FinishedInspection(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class)))
                .list();
    }

    private static final String SQL = """
            with e as (
              select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::float8[], ?::float8[])
                with ordinality as e(id, town, park, sector, lat, lon, n)),
            ec as (select count(*)::int as n from e),
            team as (select array_agg(x order by o) as ids, count(*)::int as n from unnest(?::uuid[]) with ordinality as t(x, o)),
            cats as (select ?::text[] as c),
            c as (select (?::timestamptz at time zone 'ZONE')::date as today),
            g as (
              select g.i,
                     1 + floor(random() * (select n from ec))::int as en,
                     floor(random() * (select n from team))::int as a,
                     random() as r1, random() as r2,
                     (select today from c) - floor(random() * 1125)::int + 30 as planned_on
              from generate_series(1, ?) g(i)),
            s as (
              select g.*, case when g.planned_on > (select today from c) then 'PLANNED'
                               when g.planned_on > (select today from c) - 3 and g.r1 < 0.5 then 'ON_SITE' else 'DONE' end as state
              from g),
            ins as (
              insert into inspection_inspection (id, enterprise_id, town_id, park_id, sector, inspector_ids, planned_on, state, started_at, finished_at,
                created_by, created_at)
              select gen_random_uuid(), e.id, e.town, e.park, e.sector,
                     array[(select ids from team)[s.a + 1], (select ids from team)[(s.a + 1) % (select n from team) + 1]],
                     s.planned_on, s.state,
                     case when s.state <> 'PLANNED' then (s.planned_on + time '09:00' + s.r2 * interval '5 hours') at time zone 'ZONE' end,
                     case when s.state = 'DONE' then (s.planned_on + time '14:00' + s.r2 * interval '3 hours') at time zone 'ZONE' end,
                     'scale', (s.planned_on - 14 + time '10:00') at time zone 'ZONE'
              from s join e on e.n = s.en
              returning id, state, planned_on, finished_at)
            insert into inspection_finding (id, inspection_id, place, description, major, deadline, latitude, longitude, recorded_by, recorded_at,
              resolved_at, category)
            select gen_random_uuid(), ins.id, '生产现场', '检查发现：' || x.cat, random() < 0.05, ins.planned_on + 30, null, null, '执法人员', ins.finished_at,
                   case when ins.planned_on < (select today from c) - 40 and random() < 0.95
                        then ins.finished_at + interval '20 days' + random() * interval '20 days' end,
                   x.cat
            from ins
            cross join lateral generate_series(1, 1 + abs(hashtext(ins.id::text)) % 3) k
            cross join lateral (select (select c from cats)[1 + abs(hashtext(ins.id::text || k)) % cardinality((select c from cats))] as cat) x
            where ins.state = 'DONE' and abs(hashtext(ins.id::text)) % 5 in (0, 1)
            """;
}
