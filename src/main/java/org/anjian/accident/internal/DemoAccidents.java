package org.anjian.accident.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSector;
import org.anjian.accident.AccidentState;
import org.anjian.accident.AccidentType;
import org.anjian.accident.domain.AccidentGrading;
import org.anjian.accident.domain.Investigation;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Three years and this year's accidents for the demo district (fixed seed): a few dozen a year,
 * mostly 一般, one or two 较大, a few deaths at mines, some outside the registered enterprises
 * (road traffic, fire, drowning). Old cases are closed with their investigation and four no-lets-go,
 * recent ones under investigation or just reported. Every accident runs the consequence rules and
 * publishes AccidentRecorded, so the credit module receives its proposals. Only on an empty
 * register, never under the prod profile; one audit entry for the batch.
 */
@Component
class DemoAccidents {

    private static final Logger log = LoggerFactory.getLogger(DemoAccidents.class);
    private static final Object[][] FACTORY = {
            {AccidentType.MACHINERY, "冲压车间", "操作工在冲床送料时手部被压伤", "违章将手伸入危险区域", "冲床双手按钮被短接", "设备安全装置未定期检查"},
            {AccidentType.FALL_FROM_HEIGHT, "厂房屋面", "维修工在更换采光瓦时踏穿坠落", "未系挂安全带", "屋面采光瓦无防护网", "高处作业未审批"},
            {AccidentType.LIFTING, "装配车间", "行车吊运钢构件时脱钩砸伤地面人员", "吊运时人员站在吊物下方", "吊钩防脱装置损坏", "起重作业无专人指挥"},
            {AccidentType.STRUCK_BY_OBJECT, "仓库", "货架倒塌砸伤搬运工", "超高堆放", "货架立柱变形", "仓储管理制度不落实"},
            {AccidentType.ELECTROCUTION, "配电室", "电工带电检修时触电", "无证带电作业", "漏电保护器失效", "特种作业人员管理缺失"},
            {AccidentType.ASPHYXIA_POISONING, "污水池", "清淘污水池时作业人员中毒窒息", "未检测即进入有限空间", "池内硫化氢超标", "有限空间作业未审批"},
            {AccidentType.SCALDING, "熔炼车间", "熔炼炉出铁时铁水喷溅烫伤", "未穿戴防护用品", "炉前地坑积水", "高温熔融金属作业规程不完善"},
            {AccidentType.VEHICLE, "厂区道路", "叉车倒车时撞伤行人", "叉车司机未观察后方", "倒车报警器损坏", "厂内交通未人车分流"}};
    private static final Object[][] MINE = {
            {AccidentType.COLLAPSE, "采场边坡", "采场边坡局部垮塌掩埋挖掘机驾驶员", "在危险边坡下方作业", "台阶高度超过设计", "边坡监测不到位"},
            {AccidentType.BLASTING, "爆破作业区", "爆破警戒不到位飞石伤人", "警戒人员擅离岗位", "爆破参数不当", "爆破作业管理混乱"},
            {AccidentType.VEHICLE, "运输道路", "矿用自卸车下坡制动失效翻车", "超载运输", "制动系统失效", "车辆维护保养不落实"}};
    private static final Object[][] OUTSIDE = {
            {AccidentSector.ROAD_TRAFFIC, AccidentType.VEHICLE, "国道交叉口", "货车与电动车碰撞"},
            {AccidentSector.FIRE, AccidentType.FIRE, "沿街商铺", "商铺电动车充电起火"},
            {AccidentSector.OTHER, AccidentType.DROWNING, "长江岸边", "游客涉水溺亡"},
            {AccidentSector.CONSTRUCTION, AccidentType.FALL_FROM_HEIGHT, "在建住宅楼", "脚手架作业人员坠落"}};

    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final AccidentRepository repository;
    private final AccidentService service;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    DemoAccidents(JdbcClient jdbc, EnterpriseLookup enterprises, OrganizationDirectory organization, AccidentRepository repository,
                  AccidentService service, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.organization = organization;
        this.repository = repository;
        this.service = service;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (jdbc.sql("select count(*) from acc_accident").query(Long.class).single() > 0) {
            return;
        }
        Map<Sector, List<EnterpriseSummary>> bySector = new EnumMap<>(Sector.class);
        for (UUID id : demoEnterprises) {
            Optional<EnterpriseSummary> e = enterprises.find(id);
            e.ifPresent(s -> bySector.computeIfAbsent(s.sector(), k -> new ArrayList<>()).add(s));
        }
        List<EnterpriseSummary> factories = bySector.getOrDefault(Sector.INDUSTRY_TRADE, List.of());
        List<EnterpriseSummary> mines = bySector.getOrDefault(Sector.NON_COAL_MINE, List.of());
        List<Region> towns = organization.towns();
        if (factories.isEmpty() || towns.isEmpty()) {
            return;
        }
        Random rnd = new Random(20240601L);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int thisYear = LocalDate.ofInstant(now, zone).getYear();
        int accidents = 0;
        int deaths = 0;
        for (int year = thisYear - 3; year <= thisYear; year++) {
            Instant start = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
            Instant end = year == thisYear ? now.minus(Duration.ofHours(6)) : LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
            long span = Duration.between(start, end).toMinutes();
            // fewer each year: the district's deaths go down, most of all in 工贸
            int n = year == thisYear ? (int) Math.max(4, 26 * span / (365L * 24 * 60)) : 34 - 3 * (year - thisYear + 3);
            for (int i = 0; i < n; i++) {
                Instant at = start.plus(Duration.ofMinutes((long) (rnd.nextDouble() * span)));
                int kind = rnd.nextInt(20);
                AccidentRecord r;
                if (kind < 13) {
                    EnterpriseSummary e = factories.get(rnd.nextInt(factories.size()));
                    Object[] f = FACTORY[rnd.nextInt(FACTORY.length)];
                    int dead = rnd.nextInt(10) < 3 ? 1 : 0;
                    r = accident(e, AccidentSector.INDUSTRY_TRADE, f, at, dead, dead == 0 ? 1 + rnd.nextInt(2) : rnd.nextInt(2), rnd, now);
                } else if (kind < 15 && !mines.isEmpty()) {
                    EnterpriseSummary e = mines.get(rnd.nextInt(mines.size()));
                    Object[] f = MINE[rnd.nextInt(MINE.length)];
                    int dead = year < thisYear && rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : 0;
                    r = accident(e, AccidentSector.NON_COAL_MINE, f, at, dead, dead == 0 ? 1 : 0, rnd, now);
                } else {
                    Object[] o = OUTSIDE[rnd.nextInt(OUTSIDE.length)];
                    Region town = towns.get(rnd.nextInt(towns.size()));
                    r = outside(town, o, at, rnd.nextInt(3) == 0 ? 1 : 0, rnd, now);
                }
                accidents++;
                deaths += r.dead();
            }
            // one 较大 accident in each of the first two years: three deaths in a factory lacking safe production conditions
            if (year < thisYear - 1) {
                EnterpriseSummary e = factories.get(rnd.nextInt(factories.size()));
                Instant at = start.plus(Duration.ofDays(100 + rnd.nextInt(150)));
                AccidentRecord r = accident(e, AccidentSector.INDUSTRY_TRADE, FACTORY[5], at, 3, 1, rnd, now);
                accidents++;
                deaths += r.dead();
            }
        }
        // the consequences of cases closed long ago have been carried out
        int executed = jdbc.sql("""
                update acc_consequence c set status = 'EXECUTED', updated_at = a.closed_at from acc_accident a
                where a.id = c.accident_id and a.state = 'CLOSED' and a.closed_at < :cutoff""")
                .param("cutoff", AccidentRepository.utc(now.minus(Duration.ofDays(120)))).update();
        audit.recordAs("system", null, "DEMO_DATA_GENERATED", "accident", "demo", null,
                Map.of("accidents", accidents, "deaths", deaths, "consequencesExecuted", executed));
        log.info("Demo district: {} accidents with {} deaths over four years", accidents, deaths);
    }

    /** A factory accident at a given time, for the later accidents of {@link DemoLaterAccidents}. */
    AccidentRecord factoryAccident(EnterpriseSummary e, Instant at, int dead, Random rnd, Instant now) {
        return accident(e, AccidentSector.INDUSTRY_TRADE, FACTORY[rnd.nextInt(FACTORY.length)], at, dead, dead == 0 ? 1 + rnd.nextInt(2) : 0, rnd, now);
    }

    private AccidentRecord accident(EnterpriseSummary e, AccidentSector sector, Object[] f, Instant at, int dead, int serious, Random rnd,
                                    Instant now) {
        return store(e.id(), e.name(), e.creditCode(), e.townId(), e.parkId(), sector, (AccidentType) f[0], (String) f[1], (String) f[2],
                (String) f[3], (String) f[4], (String) f[5], at, dead, serious, dead >= 3, rnd, now);
    }

    private AccidentRecord outside(Region town, Object[] o, Instant at, int dead, Random rnd, Instant now) {
        return store(null, null, null, town.id(), null, (AccidentSector) o[0], (AccidentType) o[1], town.name() + o[2], (String) o[3], null,
                null, null, at, dead, dead == 0 ? 1 : 0, false, rnd, now);
    }

    @SuppressWarnings("java:S107")
    private AccidentRecord store(UUID enterpriseId, String name, String creditCode, UUID townId, UUID parkId, AccidentSector sector,
                                 AccidentType type, String place, String summary, String behaviour, String condition, String management,
                                 Instant at, int dead, int serious, boolean unsafe, Random rnd, Instant now) {
        BigDecimal loss = BigDecimal.valueOf(20_000L + rnd.nextInt(dead > 0 ? 3_000_000 : 400_000)).setScale(2);
        int minor = rnd.nextInt(3);
        AccidentGrade grade = AccidentGrading.grade(dead, 0, serious, loss);
        long ageDays = Duration.between(at, now).toDays();
        Investigation.Level level = Investigation.levelFor(sector.isMine(), dead);
        Investigation inv;
        AccidentState state;
        if (ageDays > 90) {
            Instant started = at.plus(Duration.ofDays(1));
            Instant submitted = at.plus(Duration.ofDays(40 + rnd.nextInt(18)));
            Instant approved = submitted.plus(Duration.ofDays(5));
            inv = new Investigation(at, level, level == Investigation.Level.CITY ? "市应急局调查组" : "区应急局调查组", "应急局、公安、总工会、行业部门",
                    started, null, submitted, "事故调查报告：" + summary + "。", approved, "区安委办",
                    new Investigation.NoLetsGo("调查报告已查明直接原因和间接原因", "对企业主要负责人、安全管理人员依法处理",
                            "企业完成整改并经复查验收", "召开警示教育大会，全员签到"),
                    "企业未落实全员安全生产责任制", "镇街、行业部门日常监管未发现问题隐患", approved.plus(Duration.ofDays(20)));
            state = AccidentState.CLOSED;
        } else if (ageDays > 3) {
            inv = new Investigation(at, level, "区应急局调查组", "应急局、公安、总工会", at.plus(Duration.ofDays(1)), null, null, null, null, null,
                    null, null, null, null);
            state = AccidentState.INVESTIGATING;
        } else {
            inv = new Investigation(at, level, null, null, null, null, null, null, null, null, null, null, null, null);
            state = AccidentState.REPORTED;
        }
        AccidentRecord r = new AccidentRecord(UUID.randomUUID(), enterpriseId, name, creditCode, townId, parkId, sector, type, place,
                at.truncatedTo(ChronoUnit.MICROS), 3 + dead + serious + minor, dead, 0, serious, minor, loss, summary, behaviour, condition,
                management, unsafe, grade, AccidentState.REPORTED, at.plus(Duration.ofMinutes(50)), "演示数据",
                new Investigation(at, level, null, null, null, null, null, null, null, null, null, null, null, null), 0);
        repository.insert(r);
        AccidentRecord full = new AccidentRecord(r.id(), enterpriseId, name, creditCode, townId, parkId, sector, type, place, r.occurredAt(),
                r.peopleInvolved(), dead, 0, serious, minor, loss, summary, behaviour, condition, management, unsafe, grade, state,
                r.recordedAt(), r.recordedBy(), inv, 0);
        repository.save(full);
        // reports: the enterprise mostly within the hour, now and then late; the district within two more hours
        Instant enterpriseReport = at.plus(Duration.ofMinutes(rnd.nextInt(10) == 0 ? 75 + rnd.nextInt(60) : 10 + rnd.nextInt(45)));
        if (enterpriseId != null) {
            repository.addReport(r.id(), "ENTERPRISE", enterpriseReport, "企业安全管理人员", null);
        }
        Instant districtReport = enterpriseReport.plus(Duration.ofMinutes(30 + rnd.nextInt(80)));
        if (districtReport.isBefore(now)) {
            repository.addReport(r.id(), "DISTRICT", districtReport, "区应急局值班室", null);
            Instant follow = districtReport.plus(Duration.ofHours(20));
            for (int d = 0; d < 2 && follow.isBefore(now); d++, follow = follow.plus(Duration.ofHours(22))) {
                repository.addReport(r.id(), "FOLLOW_UP", follow, "区应急局值班室", "续报：伤员情况稳定");
            }
        }
        AccidentRecord stored = repository.find(r.id(), ScopeConditions.Condition.ALWAYS).orElseThrow();
        service.applyConsequences(stored, r.recordedAt(), false);
        return stored;
    }
}
