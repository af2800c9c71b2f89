package org.anjian.accident.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.accident.AccidentScaleData;
import org.anjian.accident.AccidentType;
import org.anjian.enterprise.EnterpriseColumns;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * District-scale accidents in one statement: enterprise, type, time (three years), casualties (80 % without a
 * death, a few with three or more: 较大 by Decree 493, 一般 otherwise, injuries and losses kept below the 较大
 * thresholds), state by age (closed after the investigation's 60 days, mostly), and the enterprise's report within the
 * hour and the district's within two, written by a writable CTE in the same statement.
 */
@Component
class ScaleAccidents implements AccidentScaleData {

    private static final Logger log = LoggerFactory.getLogger(ScaleAccidents.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ScaleAccidents(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public long generate(List<EnterpriseSummary> enterprises, long total) {
        long existing = jdbc.sql("select count(*) from acc_accident").query(Long.class).single();
        if (existing >= total || enterprises.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        long toAdd = total - existing;
        EnterpriseColumns c = EnterpriseColumns.of(enterprises);
        String[] types = java.util.Arrays.stream(AccidentType.values()).map(Enum::name).toArray(String[]::new);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql(SQL).params(c.ids(), c.names(), c.creditCodes(), c.towns(), c.parks(), c.sectors(), types, now, toAdd).update();
jdbc.sql("analyze acc_accident, acc_report").update();
        audit.recordAs("system", null, "SCALE_DATA_GENERATED", "accident", "scale", null, Map.of("accidents", toAdd));
        log.info("district scale: {} accidents in {} ms", toAdd, (System.nanoTime() - start) / 1_000_000);
        return toAdd;
    }

    private static final String SQL = """
            with e as (select * from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[])
                         with ordinality as e(id, name, code, town, park, sector, n)),
            ec as (select count(*)::int as n from e),
            types as (select ?::text[] as t),
            c as (select ?::timestamptz as now),
            g as (
              select 1 + floor(random() * (select n from ec))::int as en, random() as r1, random() as r2, random() as r3,
                     (select now from c) - interval '1095 days' * random() as occurred_at
              from generate_series(1, ?) g(i)),
            d as (
              select g.*, case when g.r1 < 0.8 then 0 when g.r1 < 0.98 then 1 when g.r1 < 0.997 then 2 else 3 + floor(g.r2 * 3)::int end as deaths
              from g),
            ins as (
              insert into acc_accident (id, enterprise_id, enterprise_name, credit_code, town_id, park_id, sector, accident_type, place, occurred_at,
                people_involved, deaths, missing, serious_injuries, minor_injuries, direct_loss, summary, grade, state, recorded_at, recorded_by,
                inv_level, inv_leader, inv_started_at, inv_report_due, inv_report_submitted_at, inv_approved_at, inv_approved_by, closed_at)
              select gen_random_uuid(), e.id, e.name, e.code, e.town, e.park, e.sector,
                     (select t from types)[1 + floor(d.r2 * cardinality((select t from types)))::int], '生产现场', d.occurred_at,
                     d.deaths + 1 + floor(d.r3 * 3)::int, d.deaths, 0, case when d.r3 < 0.3 then 1 else 0 end, floor(d.r3 * 3)::int,
                     round((5000 + d.r2 * 2000000 + d.deaths * 1200000)::numeric, 2),
                     '规模测试数据：生产过程中发生事故。',
                     case when d.deaths >= 3 then 'LARGER' else 'ORDINARY' end,
                     case when d.occurred_at < (select now from c) - interval '90 days' and d.r3 < 0.97 then 'CLOSED'
                          when d.occurred_at < (select now from c) - interval '3 days' then 'INVESTIGATING' else 'REPORTED' end,
                     d.occurred_at + interval '40 minutes', 'scale',
                     case when d.deaths >= 3 then 'CITY' else 'DISTRICT' end,
                     case when d.occurred_at < (select now from c) - interval '3 days' then '调查组组长' end,
                     case when d.occurred_at < (select now from c) - interval '3 days' then d.occurred_at + interval '2 days' end,
                     case when d.occurred_at < (select now from c) - interval '3 days' then d.occurred_at + interval '62 days' end,
                     case when d.occurred_at < (select now from c) - interval '90 days' and d.r3 < 0.97 then d.occurred_at + interval '55 days' end,
                     case when d.occurred_at < (select now from c) - interval '90 days' and d.r3 < 0.97 then d.occurred_at + interval '70 days' end,
                     case when d.occurred_at < (select now from c) - interval '90 days' and d.r3 < 0.97 then 'scale' end,
                     case when d.occurred_at < (select now from c) - interval '90 days' and d.r3 < 0.97 then d.occurred_at + interval '75 days' end
              from d join e on e.n = d.en
              returning id, occurred_at)
            insert into acc_report (accident_id, level, reported_at, reported_by, note)
            select ins.id, 'ENTERPRISE', ins.occurred_at + interval '40 minutes', 'scale', null from ins
            union all
            select ins.id, 'DISTRICT', ins.occurred_at + interval '100 minutes', 'scale', null from ins
            """;
}
