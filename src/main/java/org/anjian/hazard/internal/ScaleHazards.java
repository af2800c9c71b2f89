package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseColumns;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardScaleData;
import org.anjian.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * District-scale hazards, set-based: each chunk is one statement — {@code generate_series} draws the enterprise
 * (skewed: a few enterprises have many hazards), the finding, grade (6 % major), source, found date (uniform over
 * three years) and how far round the loop the hazard got (older ones mostly closed), and a writable CTE adds its
 * steps in the same statement. Major hazards past planning carry the five assurances and the dual report; overdue
 * open major ones are partly under listed supervision. Enterprise name, town, park, sector and position are copied
 * from the enterprise as {@code HazardService} does.
 */
@Component
class ScaleHazards implements HazardScaleData {

    private static final Logger log = LoggerFactory.getLogger(ScaleHazards.class);
    private static final int CHUNK = 100_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final java.time.ZoneId zone;

    ScaleHazards(JdbcClient jdbc, AuditTrail audit, Clock clock, org.anjian.shared.config.DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public long generate(List<EnterpriseSummary> enterprises, long total) {
        long existing = jdbc.sql("select count(*) from hazard_hazard").query(Long.class).single();
        if (existing >= total || enterprises.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        EnterpriseColumns c = EnterpriseColumns.of(enterprises);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long toAdd = total - existing;
        for (long from = 0; from < toAdd; from += CHUNK) {
            long count = Math.min(CHUNK, toAdd - from);
            jdbc.sql(SQL.replace("ZONE", zone.getId())).params(c.ids(), c.names(), c.towns(), c.parks(), c.sectors(), c.latitudes(), c.longitudes(), now, count, now, now, now, now, now).update();
            log.info("district scale: {} of {} hazards", from + count, toAdd);
        }
jdbc.sql("analyze hazard_hazard, hazard_step").update();
        audit.recordAs("system", null, "SCALE_DATA_GENERATED", "hazard", "scale", null, Map.of("hazards", toAdd));
        log.info("district scale: {} hazards with their steps in {} ms", toAdd, (System.nanoTime() - start) / 1_000_000);
        return toAdd;
    }

    private static final String SQL = """
            with e as (
              select * from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::float8[], ?::float8[])
                with ordinality as e(id, name, town, park, sector, lat, lon, n)),
            ec as (select count(*)::int as n from e),
            f as (
              select * from unnest(
                array['除尘系统','配电室','冲压车间','仓库','有限空间','叉车','危化品库','熔炼车间','冷库','行车','厂区道路','焊接工位'],
                array['干式除尘器泄爆口朝向人员通道','配电柜前未铺设绝缘垫，门未上锁','冲床双手操作按钮被短接','消防通道堆放货物',
                      '污水池入口未设置警示标志','叉车司机无特种作业操作证','禁配物质混放','熔炼炉冷却水无断水报警',
                      '氨制冷机房氨气报警器失效','行车限位器失灵','厂内机动车超速无限速标志','动火作业未办理作业票'],
                array['粉尘防爆','电气安全','机械防护','消防安全','有限空间','特种作业','危化品储存','高温熔融金属','涉氨制冷','起重机械','厂内交通','动火作业'])
                with ordinality as f(place, description, category, n)),
            g as (
              select g.i,
                     1 + floor(power(random(), 1.6) * (select n from ec))::int as en,
                     1 + floor(random() * 12)::int as fn,
                     random() < 0.06 as major,
                     random() as src,
                     ?::timestamptz - random() * interval '1095 days' as found_at,
                     random() as r1, random() as r2, random() as r3
              from generate_series(1, ?) g(i)),
            d as (
              select g.*,
                     g.found_at + case when g.major then interval '30 days' + g.r3 * interval '60 days'
                                       else interval '3 days' + g.r3 * interval '27 days' end as deadline,
                     extract(epoch from (?::timestamptz - g.found_at)) / 86400.0 as age
              from g),
            k as (
              -- how many steps after the report: 5 = closed; older hazards are mostly closed
              select d.*,
                     case when d.r1 < least(0.97, d.age / 60.0) then 5 else least(4, floor(d.r2 * least(5, 1 + d.age / 5)))::int end as k
              from d),
            t as (
              select k.*,
                     least(?::timestamptz - interval '1 hour', k.found_at + (k.deadline - k.found_at) * (0.2 + 0.9 * k.r2)) as last_at
              from k),
            ins as (
              insert into hazard_hazard (id, enterprise_id, enterprise_name, town_id, park_id, sector, place, description, category, grade, source,
                self_reported, finder_name, latitude, longitude, found_at, deadline, state, plan, fa_responsible_person, fa_measures, fa_funds,
                fa_deadline, fa_contingency_plan, dual_regulator_on, dual_workforce_on, rectified_at, verified_at, closed_at,
                supervision_level, supervision_supervisor, supervision_deadline, version, created_at, updated_at)
              select gen_random_uuid(), e.id, e.name, e.town, e.park, e.sector, f.place, f.description, f.category,
                     case when t.major then 'MAJOR' else 'GENERAL' end,
                     case when t.src < 0.3 then 'INSPECTION' when t.src < 0.4 then 'EXPERT' when t.src < 0.45 then 'PUBLIC_REPORT'
                          when t.src < 0.47 then 'ALARM' when t.src < 0.52 then 'SERVICE_AGENCY' else 'SELF_CHECK' end,
                     t.src >= 0.52 and t.major,
                     case when t.src >= 0.52 then '企业安全员' else '张执法' end,
                     e.lat + (t.r3 - 0.5) * 0.002, e.lon + (t.r1 - 0.5) * 0.002,
                     t.found_at, t.deadline,
                     (array['REPORTED','PLANNED','RECTIFYING','RECTIFIED','VERIFIED','CLOSED'])[t.k + 1],
                     case when t.k >= 1 then '立即整改：' || f.description end,
                     case when t.k >= 1 and t.major then '企业主要负责人' end,
                     case when t.k >= 1 and t.major then '制定专项整改方案' end,
                     case when t.k >= 1 and t.major then round((20000 + t.r3 * 300000)::numeric, 2) end,
                     case when t.k >= 1 and t.major then (t.deadline at time zone 'ZONE')::date end,
                     case when t.k >= 1 and t.major then '停产撤人，专人值守' end,
                     case when t.k >= 1 and t.major then (t.found_at at time zone 'ZONE')::date + 1 end,
                     case when t.k >= 1 and t.major then (t.found_at at time zone 'ZONE')::date + 1 end,
                     case when t.k >= 3 then t.found_at + (t.last_at - t.found_at) * 3 / t.k end,
                     case when t.k >= 4 then t.found_at + (t.last_at - t.found_at) * 4 / t.k end,
                     case when t.k = 5 then t.last_at end,
                     case when t.major and t.k <= 2 and t.deadline < ?::timestamptz and t.r3 < 0.5 then 'TOWN' end,
                     case when t.major and t.k <= 2 and t.deadline < ?::timestamptz and t.r3 < 0.5 then '镇街安全生产委员会办公室' end,
                     case when t.major and t.k <= 2 and t.deadline < ?::timestamptz and t.r3 < 0.5 then (t.deadline at time zone 'ZONE')::date + 30 end,
                     t.k, t.found_at, t.last_at
              from t join e on e.n = t.en join f on f.n = t.fn
              returning id, state, found_at, updated_at, version as k, finder_name, supervision_level)
            insert into hazard_step (hazard_id, action, from_state, to_state, actor_name, at, note)
            select ins.id, (array['report','plan','start','complete','verify','close'])[s + 1],
                   (array['REPORTED','PLANNED','RECTIFYING','RECTIFIED','VERIFIED'])[s],
                   (array['REPORTED','PLANNED','RECTIFYING','RECTIFIED','VERIFIED','CLOSED'])[s + 1],
                   case when s = 0 then ins.finder_name when s >= 4 then '镇街安办' else '企业安全员' end,
                   case when s = 0 then ins.found_at else ins.found_at + (ins.updated_at - ins.found_at) * s / ins.k end, null
            from ins cross join lateral generate_series(0, ins.k) s
            union all
            select ins.id, 'list-supervision', ins.state, ins.state, '镇街安办', ins.updated_at, '整改逾期' from ins where ins.supervision_level is not null
            """;
}
