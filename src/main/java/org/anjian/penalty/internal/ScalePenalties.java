package org.anjian.penalty.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.inspection.InspectionScaleData.FinishedInspection;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.PenaltyScaleData;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * District-scale penalty cases in one statement: source and enterprise (an inspection's own enterprise when it
 * follows one), filing date, and a state by age — cases older than four months are mostly closed (some without
 * penalty or transferred), younger ones spread over the procedure; decided cases carry the fine, the decision number
 * and dates. Each case gets its filing and, when it moved on, its latest transition in the timeline.
 */
@Component
class ScalePenalties implements PenaltyScaleData {

    private static final Logger log = LoggerFactory.getLogger(ScalePenalties.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ScalePenalties(JdbcClient jdbc, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    @Override
    public long generate(List<EnterpriseSummary> enterprises, List<FinishedInspection> inspections, List<UUID> handlers, long total) {
        long existing = jdbc.sql("select count(*) from penalty_case").query(Long.class).single();
        if (existing >= total || enterprises.isEmpty() || handlers.size() < 2) {
            return 0;
        }
        long start = System.nanoTime();
        long toAdd = total - existing;
        UUID[] ent = enterprises.stream().map(EnterpriseSummary::id).toArray(UUID[]::new);
        UUID[] insp = inspections.stream().map(FinishedInspection::id).toArray(UUID[]::new);
        UUID[] inspEnt = inspections.stream().map(FinishedInspection::enterpriseId).toArray(UUID[]::new);
        java.time.LocalDate[] inspOn = inspections.stream().map(FinishedInspection::on).toArray(java.time.LocalDate[]::new);
        String[] categories = java.util.Arrays.stream(ViolationCategory.values()).map(Enum::name).toArray(String[]::new);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql(SQL.replace("ZONE", zone.getId()))
                .params(ent, insp, inspEnt, java.util.Arrays.stream(inspOn).map(String::valueOf).toArray(String[]::new),
                        handlers.toArray(UUID[]::new), categories, now, toAdd, existing)
                .update();
jdbc.sql("analyze penalty_case, penalty_timeline").update();
        audit.recordAs("system", null, "SCALE_DATA_GENERATED", "penalty", "scale", null, Map.of("cases", toAdd));
        log.info("district scale: {} penalty cases in {} ms", toAdd, (System.nanoTime() - start) / 1_000_000);
        return toAdd;
    }

    private static final String SQL = """
            with e as (select * from unnest(?::uuid[]) with ordinality as e(id, n)),
            ec as (select count(*)::int as n from e),
            i as (select * from unnest(?::uuid[], ?::uuid[], ?::text[]::date[]) with ordinality as i(id, enterprise, day, n)),
            ic as (select count(*)::int as n from i),
            team as (select array_agg(x order by o) as ids, count(*)::int as n from unnest(?::uuid[]) with ordinality as t(x, o)),
            cats as (select ?::text[] as c),
            c as (select ?::timestamptz as now),
            g as (
              select g.i as seq,
                     case when (select n from ic) > 0 and random() < 0.6 then 1 + floor(random() * (select n from ic))::int end as inn,
                     1 + floor(random() * (select n from ec))::int as en,
                     floor(random() * (select n from team))::int as a,
                     random() as r1, random() as r2, random() as r3
              from generate_series(1, ?) g(i)),
            s as (
              select g.*, i.id as inspection_id, coalesce(i.enterprise, e.id) as enterprise_id,
                     -- never after now: an inspection another run dated ahead (a test's moved clock) files its case today
                     least((select now from c), coalesce((i.day + 3 + floor(g.r3 * 7)::int + time '10:00') at time zone 'ZONE',
                              (select now from c) - interval '1095 days' * g.r3)) as filed_at
              from g join e on e.n = g.en left join i on i.n = g.inn),
            st as (
              select s.*, extract(epoch from ((select now from c) - s.filed_at)) / 86400.0 as age,
                     case when extract(epoch from ((select now from c) - s.filed_at)) / 86400.0 > 120
                          then case when s.r1 < 0.85 then 'CLOSED' when s.r1 < 0.93 then 'NO_PENALTY' when s.r1 < 0.95 then 'TRANSFERRED' else 'EXECUTING' end
                          else (array['FILED','INVESTIGATING','PROPOSED','LEGAL_REVIEW','REVIEWED','NOTIFIED','DECIDED','EXECUTING','CLOSED'])
                               [1 + least(8, floor(s.r1 * (1 + extract(epoch from ((select now from c) - s.filed_at)) / 86400.0 / 12)))::int] end as state
              from s),
            ins as (
              insert into penalty_case (id, state, source, inspection_id, enterprise_id, categories, facts, handler_ids, fine_yuan, measures, legal_basis,
                discretion_rule, review_required, hearing_right, notified_on, decision_number, decided_at, decided_on, filed_by, filed_at, updated_at)
              select gen_random_uuid(), st.state,
                     case when st.inspection_id is not null then 'INSPECTION' when st.r2 < 0.4 then 'REPORT' when st.r2 < 0.8 then 'LEAD' else 'OTHER' end,
                     st.inspection_id, st.enterprise_id,
                     array[(select c from cats)[1 + floor(st.r2 * cardinality((select c from cats)))::int]]::varchar(32)[],
                     '经查，该单位存在安全生产违法行为。',
                     array[(select ids from team)[st.a + 1], (select ids from team)[(st.a + 1) % (select n from team) + 1]],
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then 10000 + floor(st.r3 * 40) * 1000 end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then array['FINE']::varchar(24)[] end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then '《中华人民共和国安全生产法》' end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then 'DEFAULT' end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then st.r3 > 0.975 end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then st.r3 > 0.975 end,
                     case when st.state in ('NOTIFIED', 'DECIDED', 'EXECUTING', 'CLOSED') then (st.filed_at at time zone 'ZONE')::date + 20 end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED')
                          then '津应急罚决〔' || extract(year from st.filed_at at time zone 'ZONE') || '〕S' || (? + st.seq) || '号' end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then st.filed_at + interval '27 days' end,
                     case when st.state in ('DECIDED', 'EXECUTING', 'CLOSED') then ((st.filed_at + interval '27 days') at time zone 'ZONE')::date end,
                     'scale', st.filed_at, least((select now from c), st.filed_at + interval '40 days')
              from st
              returning id, state, filed_at, updated_at)
            insert into penalty_timeline (case_id, at, actor, action, from_state, to_state, note)
            select ins.id, ins.filed_at, 'scale', 'FILE', null, 'FILED', null from ins
            union all
            select ins.id, ins.updated_at, 'scale',
                   case ins.state when 'INVESTIGATING' then 'INVESTIGATE' when 'PROPOSED' then 'PROPOSE' when 'LEGAL_REVIEW' then 'SUBMIT_REVIEW'
                     when 'REVIEWED' then 'APPROVE_REVIEW' when 'NOTIFIED' then 'NOTIFY' when 'DECIDED' then 'DECIDE' when 'EXECUTING' then 'DECIDE'
                     when 'CLOSED' then 'CLOSE' when 'NO_PENALTY' then 'NO_PENALTY' else 'TRANSFER' end,
                   null, ins.state, '规模测试数据' from ins where ins.state <> 'FILED'
            """;
}
