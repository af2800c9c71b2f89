package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo district's year of enforcement: this year's plan generated (hazardous chemicals a
 * priority sector, a dust-explosion campaign in industry and trade), approved and published; most
 * of the early months inspected, the last few months behind (so the chart and the 清零 list show
 * real gaps), a few unplanned inspections; and four leads in every state. Only on a database
 * without plans, never under the prod profile.
 */
@Component
class DemoPlans {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final InspectionPlans plans;
    private final Leads leads;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final Clock clock;

    private final ZoneId zone;
    DemoPlans(JdbcClient jdbc, JdbcTemplate batch, InspectionPlans plans, Leads leads, EnterpriseLookup enterprises, UserDirectory users, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.batch = batch;
        this.plans = plans;
        this.leads = leads;
        this.enterprises = enterprises;
        this.users = users;
        this.clock = clock;
    }

    void load(List<UUID> enterpriseIds) {
        if (jdbc.sql("select count(*) from inspection_plan").query(Long.class).single() > 0) {
            return;
        }
        List<UUID> team = users.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enforcementCertNo() != null)
                .map(UserSummary::id).sorted().toList();
        if (team.size() < 2) {
            return;
        }
        AnjianUser district = new AnjianUser(UUID.nameUUIDFromBytes("demo-district-office".getBytes(StandardCharsets.UTF_8)), "system",
                "区应急局", EnumSet.of(Role.DISTRICT_ADMIN), DataScope.DISTRICT, null, true, false);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            InspectionPlans.Plan plan = plans.generate(district, new InspectionPlans.NewPlan(today.getYear(), new InspectionPlans.Priorities(
                    List.of("HAZCHEM"), List.of(new InspectionPlans.Campaign("粉尘涉爆专项整治", "INDUSTRY_TRADE", 1))), 30));
            plans.approve(district, plan.id());
            plans.publish(district, plan.id());
            int done = inspectPastMonths(plan, team, today);
            leads(district, team, today, enterpriseIds);
            log.info("Demo district: {} plan published with {} items, {} inspections done against it, 4 leads", today.getYear(), plan.items(), done);
        } catch (RuntimeException e) {
            log.warn("demo plan skipped: {}", e.getMessage());
        }
    }

    /** Early months mostly done (a tenth of them late), the recent ones behind, and a few unplanned visits. */
    private int inspectPastMonths(InspectionPlans.Plan plan, List<UUID> team, LocalDate today) {
        Random random = new Random(2026);
        List<Object[]> inspections = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        int current = plan.year() == today.getYear() ? today.getMonthValue() : 13;
        double[] doneShare = {0, 0.97, 0.95, 0.95, 0.93, 0.92, 0.9, 0.88, 0.8, 0.65, 0.45, 0.25, 0.1};
        var items = plans.items(new AnjianUser(UUID.randomUUID(), "system", "system", EnumSet.of(Role.DISTRICT_ADMIN), DataScope.DISTRICT, null, true,
                false), plan.id(), new InspectionPlans.ItemFilter(null, null, null, null, null), new PageRequest(0, Integer.MAX_VALUE)).items();
        int pair = 0;
        for (InspectionPlans.Item item : items) {
            if (item.month() > current || random.nextDouble() >= doneShare[item.month()]) {
                continue;
            }
            int month = item.month() < current - 1 && random.nextDouble() < 0.1 ? item.month() + 1 : item.month();
            LocalDate day = LocalDate.of(plan.year(), month, 1 + random.nextInt(month == current ? Math.max(1, today.getDayOfMonth() - 1) : 27));
            if (!day.isBefore(today)) {
                continue;
            }
            pair = add(inspections, findings, item.enterpriseId(), item.townId(), item.parkId(), item.sector(), team, pair, day, random);
        }
        List<EnterpriseSummary> pool = enterprises.pool(null, null, null);
        for (int m = 1; m < current && !pool.isEmpty(); m++) {
            for (int k = 0; k < 2; k++) {
                EnterpriseSummary e = pool.get(random.nextInt(pool.size()));
                LocalDate day = LocalDate.of(plan.year(), m, 1 + random.nextInt(27));
                if (day.isBefore(today)) {
                    pair = add(inspections, findings, e.id(), e.townId(), e.parkId(), e.sector().name(), team, pair, day, random);
                }
            }
        }
        batch.batchUpdate("""
                insert into inspection_inspection (id, enterprise_id, town_id, park_id, sector, inspector_ids, planned_on, state, started_at, finished_at,
                  created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'DONE', ?, ?, 'system', ?)""", inspections);
        batch.batchUpdate("""
                insert into inspection_finding (id, inspection_id, place, description, major, deadline, recorded_by, recorded_at, resolved_at, category)
                values (?, ?, ?, ?, false, ?, '执法人员', ?, ?, ?)""", findings);
        return inspections.size();
    }

    private static final String[][] FINDINGS = {{"配电室", "配电箱未上锁，警示标志缺失", "SAFETY_FACILITIES"}, {"仓库", "消防通道堆放杂物", "EMERGENCY"},
            {"生产车间", "设备防护罩缺失", "SAFETY_FACILITIES"}, {"有限空间", "作业审批记录不全", "HAZARDOUS_WORK_APPROVAL"},
            {"机修间", "设备检修未执行挂牌上锁", "MAINTENANCE"}, {"焊接工位", "焊工特种作业操作证过期", "SPECIAL_OPERATORS"}};

    private int add(List<Object[]> inspections, List<Object[]> findings, UUID enterprise, UUID town, UUID park, String sector, List<UUID> team,
                    int pair, LocalDate day, Random random) {
        UUID id = UUID.randomUUID();
        UUID[] two = {team.get(pair % team.size()), team.get((pair + 1) % team.size())};
        OffsetDateTime start = day.atTime(9, 30).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        inspections.add(new Object[] {id, enterprise, town, park, sector, two, day, start, start.plusHours(3), start.minusDays(3)});
        if (random.nextDouble() < 0.8) {
            String[] f = FINDINGS[random.nextInt(FINDINGS.length)];
            findings.add(new Object[] {UUID.randomUUID(), id, f[0], f[1], day.plusDays(15), start.plusHours(1), start.plusDays(12), f[2]});
        }
        return pair + 1;
    }

    private void leads(AnjianUser district, List<UUID> team, LocalDate today, List<UUID> enterpriseIds) {
        UUID demo2 = enterpriseIds.size() > 1 ? enterpriseIds.get(1) : UUID.randomUUID();
        UUID demo3 = enterpriseIds.size() > 2 ? enterpriseIds.get(2) : UUID.randomUUID();
        List<UUID> two = team.subList(0, 2);
        leads.receive(district, new Leads.NewLead("ILLEGAL_ACTIVITY", null, "白沙镇某农家院", "白沙镇石羊村 3 社", null, "FIREWORKS",
                "群众举报：院内私自储存大量烟花爆竹，无经营许可。", today.minusDays(2), "HOTLINE", "王先生", "13512345678"));
        if (enterprises.find(demo2).isPresent()) {
            Leads.Lead w = leads.receive(district, new Leads.NewLead("WHISTLEBLOWER", demo2, null, null, null, null,
                    "本企业员工反映：夜班检修时关闭可燃气体报警装置，有限空间作业未审批。", today.minusDays(6), "ONLINE", "李某", "13987654321"));
            leads.assign(district, w.id(), new Leads.Assignment(two, today.plusDays(1)));
        }
        Leads.Lead confirmed = leads.receive(district, new Leads.NewLead("ILLEGAL_ACTIVITY", null, "无名小作坊", "德感街道工业园区旁", null,
                "HAZCHEM", "无证分装稀释剂并对外销售。", today.minusDays(40), "LETTER", null, "023-47521234"));
        leads.assign(district, confirmed.id(), new Leads.Assignment(two, today.minusDays(38)));
        leads.close(district, confirmed.id(), new Leads.Closing("CONFIRMED", "现场查获稀释剂 36 桶，已依法取缔并移交处罚。"));
        leads.reward(district, confirmed.id(), new Leads.Reward(2000L, today.minusDays(10)));
        if (enterprises.find(demo3).isPresent()) {
            Leads.Lead no = leads.receive(district, new Leads.NewLead("WHISTLEBLOWER", demo3, null, null, null, null,
                    "员工反映安全培训记录造假。", today.minusDays(25), "HOTLINE", "赵某", "13700001111"));
            leads.assign(district, no.id(), new Leads.Assignment(two, today.minusDays(20)));
            leads.close(district, no.id(), new Leads.Closing("NOT_CONFIRMED", "核查培训档案和签到记录，未发现造假。"));
        }
    }
}
