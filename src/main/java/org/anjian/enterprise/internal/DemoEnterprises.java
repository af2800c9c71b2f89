package org.anjian.enterprise.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseDemo;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's enterprises: a deterministic generator (fixed seed) that fills an empty
 * registry with enterprises across every sector, town and flag, valid Jiangjin credit codes,
 * coordinates near the town centres, licences (some expiring), key persons, responsible persons
 * with their checks (some behind), mines with slopes and month reports, and fireworks outlets.
 * Runs before the demo users (order 50 &lt; 100) so the demo enterprise user's scope resolves.
 */
@Component
class DemoEnterprises implements EnterpriseDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoEnterprises.class);
    static final long SEED = 20261129L;
    static final String[] WORDS = {"华森", "鑫达", "恒通", "金江", "长风", "渝津", "联合", "佳禾", "德润", "瑞丰", "宏图", "永盛", "泰和", "天元",
            "几江", "明珠", "远航", "新华", "双盛", "嘉陵", "兴业", "中江", "凯旋", "同心", "安泰", "力帆", "顺达", "华宇", "银河", "东方"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "罗"};
    static final String[] GIVEN = {"建国", "志强", "德华", "晓燕", "国平", "海涛", "秀英", "明", "伟", "静", "军", "丽", "勇", "芳", "磊", "洋", "杰", "娟"};

    private final EnterpriseRepository repository;
    private final ClassificationService classification;
    private final OrganizationDirectory organization;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    DemoEnterprises(EnterpriseRepository repository, ClassificationService classification, OrganizationDirectory organization,
                    JdbcTemplate jdbc, PlatformTransactionManager txManager, AuditTrail audit, Clock clock,
                    DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
        this.classification = classification;
        this.organization = organization;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<UUID> ids(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(DemoEnterprises::demoId).toList();
    }

    /** The n-th demo enterprise's id, stable across fresh databases (other demos and the demo users point at them). */
    static UUID demoId(int n) {
        return UUID.nameUUIDFromBytes(("demo-enterprise:" + n).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void load(int count) {
        if (!repository.isEmpty() || count <= 0 || organization.towns().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> generate(count));
        int classified = classification.reclassifyAll("DEMO");
        log.info("demo district: {} enterprises generated and {} classified in {} ms", count, classified, (System.nanoTime() - start) / 1_000_000);
    }

    void generate(int count) {
        Random rnd = new Random(SEED);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        List<Region> towns = organization.towns();
        Region shuangfu = organization.regionByName("双福街道").orElse(towns.get(0));
        Map<UUID, List<Region>> parks = new HashMap<>();
        organization.regions().stream().filter(r -> r.kind() == RegionKind.PARK)
                .forEach(p -> parks.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p));

        Set<String> codes = new HashSet<>();
        List<Enterprise> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Region town = i == 1 ? shuangfu : towns.get(rnd.nextInt(towns.size()));
            SubSector sub = i == 1 ? SubSector.MACHINERY : subSector(rnd);
            Scale scale = i == 1 ? Scale.ABOVE_SIZE : scale(rnd, sub);
            Set<RiskFlag> flags = i == 1 ? EnumSet.of(RiskFlag.DUST_EXPLOSION, RiskFlag.CONFINED_SPACE) : flags(rnd, sub);
            String code;
            do {
                StringBuilder sb = new StringBuilder("91500116");
                for (int k = 0; k < 9; k++) {
                    sb.append(CreditCode.ALPHABET.charAt(rnd.nextInt(CreditCode.ALPHABET.length())));
                }
                code = CreditCode.complete(sb.toString());
            } while (!codes.add(code));
            List<Region> townParks = parks.getOrDefault(town.id(), List.of());
            Region park = !townParks.isEmpty() && rnd.nextInt(10) < 4 ? townParks.get(rnd.nextInt(townParks.size())) : null;
            double lat = (park != null ? park.latitude() : town.latitude()) + rnd.nextGaussian() * 0.012;
            double lon = (park != null ? park.longitude() : town.longitude()) + rnd.nextGaussian() * 0.012;
            OperatingStatus status = i == 1 ? OperatingStatus.PRODUCING : status(rnd);
            int employees = switch (scale) {
                case ABOVE_SIZE -> 100 + rnd.nextInt(1200);
                case ABOVE_QUOTA -> 30 + rnd.nextInt(200);
                case SMALL_MICRO -> 3 + rnd.nextInt(60);
            };
            String name = i == 1 ? "重庆双福安达机械制造有限公司" : name(rnd, town, sub, i);
            String grade = rnd.nextInt(10) < 3 ? "LEVEL_" + (2 + rnd.nextInt(2)) : (rnd.nextInt(20) == 0 ? "LEVEL_1" : null);
            int accidents = rnd.nextInt(40) == 0 ? 1 + rnd.nextInt(2) : 0;
            int openMajor = rnd.nextInt(80) == 0 ? 1 : 0;
            int enforcement = rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(4) : 0;
            int majorSources = sub.sector() == Sector.HAZCHEM && rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0;
            all.add(new Enterprise(demoId(i), code, name, person(rnd), address(rnd, town, i), "023-" + (47000000 + rnd.nextInt(999999)),
                    round(lat), round(lon), town.id(), park == null ? null : park.id(), sub.sector(), sub, scale, employees, status, flags,
                    grade, accidents, openMajor, enforcement, majorSources, null, null, null, now, now));
        }
        for (int from = 0; from < all.size(); from += 1000) {
            repository.upsertBatch(all.subList(from, Math.min(all.size(), from + 1000)));
        }
        List<Object[]> inputs = all.stream().map(e -> new Object[] {e.standardizationGrade(), e.accidentsIn3Years(), e.openMajorHazards(),
                e.enforcementCount(), e.majorHazardSources(), e.id()}).toList();
        jdbc.batchUpdate("update ent_enterprise set standardization_grade = ?, accidents_3y = ?, open_major_hazards = ?, enforcement_count = ?, "
                + "major_hazard_sources = ? where id = ?", inputs);
        duties(rnd, all, today);
        responsiblePersons(rnd, all, towns, today);
        mines(rnd, all, today);
        outlets(rnd, towns, today);
        audit.record("DEMO_ENTERPRISES_GENERATED", "enterprise", null, null, Map.of("count", all.size(), "seed", SEED));
    }

    private void duties(Random rnd, List<Enterprise> all, LocalDate today) {
        List<Object[]> licences = new ArrayList<>();
        List<Object[]> persons = new ArrayList<>();
        java.time.OffsetDateTime ts = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        for (Enterprise e : all) {
            if (org.anjian.enterprise.domain.LicenceDuties.safetyPermitRequired(e.sector(), e.subSector()) && rnd.nextInt(20) != 0) {
                // three-year permits spread so that some are due within 90 or 30 days, a few lapsed
                LocalDate to = today.plusDays(rnd.nextInt(1100) - 40);
                licences.add(new Object[] {UUID.randomUUID(), e.id(), "SAFETY_PERMIT", "(渝)" + (e.sector() == Sector.NON_COAL_MINE ? "FM" : "WH")
                        + "安许证字[" + to.minusYears(3).getYear() + "]" + String.format("%04d", rnd.nextInt(9999)), permitScope(e.subSector()),
                        "重庆市应急管理局", Date.valueOf(to.minusYears(3)), Date.valueOf(to), ts});
            }
            if (org.anjian.enterprise.domain.LicenceDuties.insuranceRequired(e.sector(), e.flags()) && rnd.nextInt(8) != 0
                    || rnd.nextInt(3) == 0) {
                LocalDate to = today.plusDays(rnd.nextInt(380) - 15);
                licences.add(new Object[] {UUID.randomUUID(), e.id(), "INSURANCE", "AZX" + (5000000 + rnd.nextInt(4999999)), null,
                        rnd.nextBoolean() ? "中国人民财产保险江津支公司" : "中国平安财产保险重庆分公司", Date.valueOf(to.minusYears(1)), Date.valueOf(to), ts});
            }
            LocalDate appointed = today.minusDays(30 + rnd.nextInt(1500));
            boolean smelting = e.hasFlag(RiskFlag.METAL_SMELTING);
            LocalDate assessed = smelting && rnd.nextInt(4) == 0 ? null : appointed.plusDays(20 + rnd.nextInt(150));
            persons.add(new Object[] {UUID.randomUUID(), e.id(), "PRINCIPAL", person(rnd), mobile(rnd), null, Date.valueOf(appointed),
                    assessed == null || assessed.isAfter(today) ? null : Date.valueOf(assessed), ts});
            if (e.employees() >= 30) {
                persons.add(new Object[] {UUID.randomUUID(), e.id(), "SAFETY_MANAGER", person(rnd), mobile(rnd), "渝安管" + rnd.nextInt(99999),
                        Date.valueOf(today.minusDays(10 + rnd.nextInt(900))), null, ts});
            }
            if (org.anjian.enterprise.domain.LicenceDuties.chiefEngineerRequired(e.sector(), e.scale(), e.flags()) && rnd.nextInt(6) != 0) {
                persons.add(new Object[] {UUID.randomUUID(), e.id(), "CHIEF_ENGINEER", person(rnd), mobile(rnd), null,
                        Date.valueOf(today.minusDays(100 + rnd.nextInt(2000))), null, ts});
            }
            if (e.employees() >= 100 && rnd.nextBoolean()) {
                persons.add(new Object[] {UUID.randomUUID(), e.id(), "SAFETY_ENGINEER", person(rnd), mobile(rnd),
                        "0" + (30000000 + rnd.nextInt(9999999)), Date.valueOf(today.minusDays(rnd.nextInt(2000))), null, ts});
            }
        }
        jdbc.batchUpdate("insert into ent_licence (id, enterprise_id, kind, number, scope, issuer, valid_from, valid_to, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", licences);
        jdbc.batchUpdate("insert into ent_key_person (id, enterprise_id, role, name, phone, certificate_no, appointed_on, assessed_on, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", persons);
    }

    private void responsiblePersons(Random rnd, List<Enterprise> all, List<Region> towns, LocalDate today) {
        java.time.OffsetDateTime ts = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        List<Object[]> people = new ArrayList<>();
        List<Object[]> assignments = new ArrayList<>();
        List<Object[]> checks = new ArrayList<>();
        Map<String, UUID> shared = new HashMap<>();
        Map<UUID, List<UUID>> enterprisesOf = new HashMap<>();
        for (Enterprise e : all) {
            if (!e.needsResponsiblePersons() || e.status() == OperatingStatus.CLOSED) {
                continue;
            }
            UUID principal = UUID.randomUUID();
            people.add(new Object[] {principal, "ENTERPRISE_PRINCIPAL", e.legalRepresentative(), "总经理", mobile(rnd), e.townId(), ts});
            assignments.add(new Object[] {principal, e.id()});
            enterprisesOf.computeIfAbsent(principal, k -> new ArrayList<>()).add(e.id());
            String townName = organization.region(e.townId()).map(Region::name).orElse("");
            // one department person per town and sector; administrative persons cover about 25 enterprises each
            String deptKey = "D:" + e.townId() + ":" + e.sector();
            UUID dept = shared.computeIfAbsent(deptKey, k -> {
                UUID id = UUID.randomUUID();
                people.add(new Object[] {id, "DEPARTMENT", person(rnd), departmentPost(e.sector()), mobile(rnd), e.townId(), ts});
                return id;
            });
            assignments.add(new Object[] {dept, e.id()});
            enterprisesOf.computeIfAbsent(dept, k -> new ArrayList<>()).add(e.id());
            String adminKey = "A:" + e.townId() + ":" + (Math.abs(e.id().hashCode()) % 3);
            UUID admin = shared.computeIfAbsent(adminKey, k -> {
                UUID id = UUID.randomUUID();
                people.add(new Object[] {id, "ADMINISTRATIVE", person(rnd), townName + (rnd.nextBoolean() ? "副镇长" : "安监办主任"), mobile(rnd), e.townId(), ts});
                return id;
            });
            assignments.add(new Object[] {admin, e.id()});
            enterprisesOf.computeIfAbsent(admin, k -> new ArrayList<>()).add(e.id());
        }
        LocalDate springFestival = LocalDate.of(today.getYear(), 2, 15);
        LocalDate flood = LocalDate.of(today.getYear(), 7, 10);
        String[] findings = {"消防通道堆放杂物", "粉尘清扫记录不全", "有限空间警示标识缺失", "应急预案未演练", "未发现问题", "特种作业人员证件过期", "安全培训台账不全"};
        for (Map.Entry<UUID, List<UUID>> en : enterprisesOf.entrySet()) {
            // about one person in six is behind: no check this month and part of the half-year uncovered
            boolean behind = rnd.nextInt(6) == 0;
            List<UUID> mine = en.getValue();
            LocalDate halfStart = org.anjian.enterprise.domain.ResponsiblePersonCompliance.halfYearStart(today);
            for (int k = 0; k < mine.size(); k++) {
                if (behind && rnd.nextInt(3) == 0) {
                    continue;
                }
                long span = java.time.temporal.ChronoUnit.DAYS.between(halfStart, today);
                LocalDate on = halfStart.plusDays(span <= 0 ? 0 : rnd.nextInt((int) span + 1));
                checks.add(new Object[] {UUID.randomUUID(), en.getKey(), mine.get(k), Date.valueOf(on), "生产现场", findings[rnd.nextInt(findings.length)], ts});
            }
            if (!behind) {
                LocalDate on = today.withDayOfMonth(1).plusDays(rnd.nextInt(today.getDayOfMonth()));
                checks.add(new Object[] {UUID.randomUUID(), en.getKey(), mine.get(rnd.nextInt(mine.size())), Date.valueOf(on), "生产现场",
                        findings[rnd.nextInt(findings.length)], ts});
            }
            // most persons were on site during the special periods that have begun; one in twelve was not
            for (LocalDate periodStart : List.of(springFestival, flood)) {
                if (!periodStart.isAfter(today) && rnd.nextInt(12) != 0) {
                    LocalDate on = periodStart.plusDays(rnd.nextInt(15));
                    checks.add(new Object[] {UUID.randomUUID(), en.getKey(), mine.get(rnd.nextInt(mine.size())),
                            Date.valueOf(on.isAfter(today) ? today : on), "生产现场", findings[rnd.nextInt(findings.length)], ts});
                }
            }
            for (int m = 1; m <= 6; m++) {
                LocalDate monthStart = today.minusMonths(m).withDayOfMonth(1);
                checks.add(new Object[] {UUID.randomUUID(), en.getKey(), mine.get(rnd.nextInt(mine.size())),
                        Date.valueOf(monthStart.plusDays(rnd.nextInt(YearMonth.from(monthStart).lengthOfMonth()))), "生产现场",
                        findings[rnd.nextInt(findings.length)], ts});
            }
        }
        jdbc.batchUpdate("insert into ent_responsible_person (id, kind, name, post, phone, town_id, created_at) values (?, ?, ?, ?, ?, ?, ?)", people);
        jdbc.batchUpdate("insert into ent_responsible_assignment (person_id, enterprise_id) values (?, ?) on conflict do nothing", assignments);
        jdbc.batchUpdate("insert into ent_responsible_check (id, person_id, enterprise_id, checked_on, place, findings, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", checks);
        jdbc.update("insert into ent_special_period (id, name, kind, starts_on, ends_on, created_at) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), today.getYear() + " 年春节后复工复产", "RESUMPTION", Date.valueOf(springFestival), Date.valueOf(springFestival.plusDays(30)), ts);
        jdbc.update("insert into ent_special_period (id, name, kind, starts_on, ends_on, created_at) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), today.getYear() + " 年主汛期险情防范", "EMERGENCY", Date.valueOf(flood), Date.valueOf(flood.plusDays(15)), ts);
    }

    private void mines(Random rnd, List<Enterprise> all, LocalDate today) {
        List<Object[]> profiles = new ArrayList<>();
        List<Object[]> slopes = new ArrayList<>();
        List<Object[]> months = new ArrayList<>();
        for (Enterprise e : all) {
            if (e.sector() != Sector.NON_COAL_MINE) {
                continue;
            }
            String mineral = e.subSector() == SubSector.OIL_GAS ? "OTHER" : new String[] {"LIMESTONE", "LIMESTONE", "SANDSTONE", "SHALE"}[rnd.nextInt(4)];
            String kind = new String[] {"NEW", "EXPANSION", "RENEWAL", "RENEWAL"}[rnd.nextInt(4)];
            profiles.add(new Object[] {e.id(), mineral, kind, BigDecimal.valueOf(20 + rnd.nextInt(300), 2), 2 + rnd.nextInt(9), rnd.nextInt(8) != 0});
            int n = e.subSector() == SubSector.OPEN_PIT ? 1 + rnd.nextInt(3) : rnd.nextInt(2);
            for (int k = 0; k < n; k++) {
                BigDecimal height = BigDecimal.valueOf(400 + rnd.nextInt(2300), 1);
                boolean monitoring = height.compareTo(BigDecimal.valueOf(200)) >= 0 && rnd.nextInt(4) != 0;
                LocalDate analysis = rnd.nextInt(5) == 0 ? null : today.minusDays(rnd.nextInt(500));
                slopes.add(new Object[] {UUID.randomUUID(), e.id(), k == 0 ? "SLOPE" : "DUMP", k == 0 ? "采场边坡" : k + "号排土场", height, monitoring,
                        analysis == null ? null : Date.valueOf(analysis)});
            }
            for (int m = 1; m <= 3; m++) {
                months.add(new Object[] {e.id(), Date.valueOf(YearMonth.from(today).minusMonths(m).atDay(1)), 6 + rnd.nextInt(16), 10 + rnd.nextInt(13),
                        rnd.nextInt(7) != 0});
            }
        }
        jdbc.batchUpdate("insert into ent_mine (enterprise_id, mineral, permit_kind, output_mt_per_year, permit_term_years, crusher_mechanized) "
                + "values (?, ?, ?, ?, ?, ?)", profiles);
        jdbc.batchUpdate("insert into ent_mine_slope (id, enterprise_id, kind, name, height_m, online_monitoring, last_stability_analysis) "
                + "values (?, ?, ?, ?, ?, ?, ?)", slopes);
        jdbc.batchUpdate("insert into ent_mine_month (enterprise_id, month, controller_days, chief_engineer_days, principal_check_signed) "
                + "values (?, ?, ?, ?, ?)", months);
    }

    private void outlets(Random rnd, List<Region> towns, LocalDate today) {
        java.time.OffsetDateTime ts = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        for (Region town : towns) {
            int quota = 2 + rnd.nextInt(4);
            List<String> points = new ArrayList<>();
            String prefix = town.code().substring(6, 9);
            for (int k = 1; k <= quota + 1; k++) {
                points.add(prefix + "-" + String.format("%02d", k));
            }
            jdbc.update("insert into ent_outlet_plan (town_id, quota, points) values (?, ?, string_to_array(?, ',')) on conflict do nothing", town.id(), quota, String.join(",", points));
            int outlets = quota - 1 + rnd.nextInt(3);
            for (int k = 1; k <= outlets; k++) {
                String point = rnd.nextInt(8) == 0 ? null : points.get(rnd.nextInt(points.size()));
                LocalDate licensed = today.minusDays(30 + rnd.nextInt(700));
                jdbc.update("""
                        insert into ent_fireworks_outlet (id, name, town_id, plan_point_code, latitude, longitude, licence_no, licensed_on, licence_valid_to, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), town.name().replaceAll("(镇|街道)$", "") + "烟花爆竹零售点" + k,
                        town.id(), point, round(town.latitude() + rnd.nextGaussian() * 0.01), round(town.longitude() + rnd.nextGaussian() * 0.01),
                        "(渝津)YH经零字[" + licensed.getYear() + "]" + String.format("%03d", rnd.nextInt(999)), Date.valueOf(licensed),
                        Date.valueOf(licensed.plusYears(1)), ts);
            }
        }
    }

    static SubSector subSector(Random rnd) {
        int r = rnd.nextInt(100);
        if (r < 80) {
            SubSector[] trade = {SubSector.METALLURGY, SubSector.NONFERROUS, SubSector.BUILDING_MATERIALS, SubSector.MACHINERY, SubSector.MACHINERY,
                    SubSector.LIGHT_INDUSTRY, SubSector.LIGHT_INDUSTRY, SubSector.TEXTILE, SubSector.TOBACCO, SubSector.COMMERCE, SubSector.COMMERCE};
            return trade[rnd.nextInt(trade.length)];
        }
        if (r < 88) {
            SubSector[] chem = {SubSector.HAZCHEM_PRODUCTION, SubSector.HAZCHEM_TRADE, SubSector.HAZCHEM_TRADE, SubSector.HAZCHEM_USE, SubSector.HAZCHEM_STORAGE};
            return chem[rnd.nextInt(chem.length)];
        }
        if (r < 92) {
            SubSector[] mine = {SubSector.OPEN_PIT, SubSector.OPEN_PIT, SubSector.OPEN_PIT, SubSector.UNDERGROUND, SubSector.OIL_GAS};
            return mine[rnd.nextInt(mine.length)];
        }
        return rnd.nextInt(6) == 0 ? SubSector.FIREWORKS_WHOLESALE : SubSector.FIREWORKS_RETAIL;
    }

    static Scale scale(Random rnd, SubSector sub) {
        if (sub == SubSector.COMMERCE || sub == SubSector.HAZCHEM_TRADE || sub == SubSector.FIREWORKS_RETAIL) {
            return rnd.nextInt(5) == 0 ? Scale.ABOVE_QUOTA : Scale.SMALL_MICRO;
        }
        return rnd.nextInt(10) < 3 ? Scale.ABOVE_SIZE : Scale.SMALL_MICRO;
    }

    static Set<RiskFlag> flags(Random rnd, SubSector sub) {
        Set<RiskFlag> f = EnumSet.noneOf(RiskFlag.class);
        switch (sub) {
            case METALLURGY, NONFERROUS -> {
                if (rnd.nextInt(10) < 7) {
                    f.add(RiskFlag.MOLTEN_METAL);
                }
                if (rnd.nextInt(10) < 5) {
                    f.add(RiskFlag.METAL_SMELTING);
                }
                if (rnd.nextInt(10) < 3) {
                    f.add(RiskFlag.DUST_EXPLOSION);
                }
            }
            case MACHINERY, BUILDING_MATERIALS, TEXTILE, TOBACCO -> {
                if (rnd.nextInt(10) < 3) {
                    f.add(RiskFlag.DUST_EXPLOSION);
                }
                if (sub == SubSector.MACHINERY && rnd.nextInt(10) < 2) {
                    f.add(RiskFlag.MOLTEN_METAL);
                }
            }
            case LIGHT_INDUSTRY -> {
                if (rnd.nextInt(10) < 3) {
                    f.add(RiskFlag.AMMONIA_REFRIGERATION);
                }
                if (rnd.nextInt(10) < 3) {
                    f.add(RiskFlag.DUST_EXPLOSION);
                }
            }
            case COMMERCE -> {
                if (rnd.nextInt(10) < 1) {
                    f.add(RiskFlag.AMMONIA_REFRIGERATION);
                }
            }
            case HAZCHEM_USE, HAZCHEM_PRODUCTION, HAZCHEM_STORAGE -> f.add(RiskFlag.HAZCHEM_USE);
            default -> {
            }
        }
        if (rnd.nextInt(10) < 3) {
            f.add(RiskFlag.CONFINED_SPACE);
        }
        return f;
    }

    static OperatingStatus status(Random rnd) {
        int r = rnd.nextInt(100);
        return r < 88 ? OperatingStatus.PRODUCING : r < 94 ? OperatingStatus.SUSPENDED : r < 97 ? OperatingStatus.CONSTRUCTION_HALTED : OperatingStatus.CLOSED;
    }

    static String name(Random rnd, Region town, SubSector sub, int i) {
        String place = town.name().replaceAll("(镇|街道)$", "");
        String trade = switch (sub) {
            case METALLURGY -> "钢铁";
            case NONFERROUS -> "铝业";
            case BUILDING_MATERIALS -> "建材";
            case MACHINERY -> new String[] {"机械制造", "汽车零部件", "齿轮"}[rnd.nextInt(3)];
            case LIGHT_INDUSTRY -> new String[] {"食品", "粮油", "纸业", "家具"}[rnd.nextInt(4)];
            case TEXTILE -> "纺织";
            case TOBACCO -> "烟草物流";
            case COMMERCE -> new String[] {"商贸", "冷链物流", "超市"}[rnd.nextInt(3)];
            case OPEN_PIT -> "石灰石矿";
            case UNDERGROUND -> "矿业";
            case OIL_GAS -> "天然气开采";
            case HAZCHEM_PRODUCTION -> "化工";
            case HAZCHEM_TRADE -> "化工贸易";
            case HAZCHEM_USE -> "新材料";
            case HAZCHEM_STORAGE -> "仓储";
            case FIREWORKS_WHOLESALE -> "烟花爆竹批发";
            case FIREWORKS_RETAIL -> "烟花爆竹经营部";
        };
        return "重庆" + place + WORDS[rnd.nextInt(WORDS.length)] + trade + (sub == SubSector.FIREWORKS_RETAIL ? "" : "有限公司") + "（" + i + "）";
    }

    static String person(Random rnd) {
        return SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
    }

    static String mobile(Random rnd) {
        return "1" + (3 + rnd.nextInt(6)) + String.format("%09d", rnd.nextInt(1_000_000_000));
    }

    static String address(Random rnd, Region town, int i) {
        return "重庆市江津区" + town.name() + new String[] {"工业园路", "滨江大道", "兴业路", "创业大道", "鼎山大道"}[rnd.nextInt(5)] + (1 + rnd.nextInt(300)) + "号";
    }

    static String departmentPost(Sector s) {
        return switch (s) {
            case INDUSTRY_TRADE -> "区经信委安全科科长";
            case NON_COAL_MINE -> "区应急局非煤矿山科科长";
            case HAZCHEM -> "区应急局危化科科长";
            case FIREWORKS -> "区应急局烟花爆竹监管科科长";
        };
    }

    static String permitScope(SubSector s) {
        return switch (s) {
            case OPEN_PIT -> "石灰岩露天开采";
            case UNDERGROUND -> "地下开采";
            case OIL_GAS -> "天然气开采";
            case FIREWORKS_WHOLESALE -> "烟花爆竹批发";
            case FIREWORKS_RETAIL -> "烟花爆竹零售";
            default -> "危险化学品生产";
        };
    }

    static double round(double d) {
        return Math.round(d * 1_000_000d) / 1_000_000d;
    }
}
