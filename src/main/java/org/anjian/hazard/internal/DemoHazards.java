package org.anjian.hazard.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardDemo;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardSource;
import org.anjian.hazard.HazardState;
import org.anjian.hazard.domain.Actor;
import org.anjian.hazard.domain.CheckCadence;
import org.anjian.hazard.domain.DualReport;
import org.anjian.hazard.domain.FiveAssurances;
import org.anjian.hazard.domain.Hazard;
import org.anjian.hazard.domain.ListedSupervision;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of hazards and checks for the demo district (fixed seed): about a third of the demo
 * enterprises have hazards in every state of the loop, some major, some overdue and some under
 * listed supervision; the demo enterprise user's enterprise and a sample of others keep daily,
 * weekly and monthly check lists with a year of tasks, a few missed. Only on an empty register,
 * never under the prod profile.
 */
@Component
class DemoHazards implements HazardDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoHazards.class);
    private static final String[][] FINDINGS = {
            {"除尘系统", "干式除尘器泄爆口朝向人员通道", "粉尘防爆"}, {"配电室", "配电柜前未铺设绝缘垫，门未上锁", "电气安全"},
            {"冲压车间", "冲床双手操作按钮被短接", "机械防护"}, {"仓库", "消防通道堆放货物", "消防安全"},
            {"有限空间", "污水池入口未设置警示标志", "有限空间"}, {"叉车", "叉车司机无特种作业操作证", "特种作业"},
            {"危化品库", "禁配物质混放", "危化品储存"}, {"熔炼车间", "熔炼炉冷却水无断水报警", "高温熔融金属"},
            {"冷库", "氨制冷机房氨气报警器失效", "涉氨制冷"}, {"行车", "行车限位器失灵", "起重机械"},
            {"厂区道路", "厂内机动车超速无限速标志", "厂内交通"}, {"焊接工位", "动火作业未办理作业票", "动火作业"}};
    private static final String[] CRITERIA = {"GM-2023-D3", "GM-2023-C2", "GM-2023-G2", "HC-2017-12", "GM-2023-A1"};

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final EnterpriseLookup enterprises;
    private final HazardRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    DemoHazards(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, EnterpriseLookup enterprises, HazardRepository repository, AuditTrail audit, Clock clock,
                DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.batch = batch;
        this.enterprises = enterprises;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (jdbc.sql("select count(*) from hazard_hazard").query(Long.class).single() > 0) {
            return;
        }
        Random rnd = new Random(20230101L);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int hazards = 0;
        int lists = 0;
        for (int n = 1; n <= demoEnterprises.size(); n++) {
            Optional<EnterpriseSummary> found = enterprises.find(demoEnterprises.get(n - 1));
            if (found.isEmpty()) {
                continue;
            }
            EnterpriseSummary e = found.get();
            if (n == 1 || rnd.nextInt(3) == 0) {
                int k = n == 1 ? 6 : 1 + rnd.nextInt(4);
                for (int i = 0; i < k; i++) {
                    hazard(e, n == 1, rnd, now);
                    hazards++;
                }
            }
            if (n == 1 || rnd.nextInt(25) == 0) {
                lists += checkLists(e, rnd, now);
            }
        }
        audit.recordAs("system", null, "DEMO_DATA_GENERATED", "hazard", "demo", null, Map.of("hazards", hazards, "checkLists", lists));
        log.info("Demo district: {} hazards, {} check lists with a year of tasks", hazards, lists);
    }

    private void hazard(EnterpriseSummary e, boolean showcase, Random rnd, Instant now) {
        String[] f = FINDINGS[rnd.nextInt(FINDINGS.length)];
        boolean major = rnd.nextInt(8) == 0;
        HazardSource source = switch (rnd.nextInt(10)) {
            case 0, 1, 2 -> HazardSource.INSPECTION;
            case 3 -> HazardSource.EXPERT;
            case 4 -> HazardSource.PUBLIC_REPORT;
            default -> HazardSource.SELF_CHECK;
        };
        // the demo enterprise user's own enterprise has work in hand: recent hazards still open
        boolean recent = showcase && rnd.nextInt(3) > 0;
        Instant foundAt = now.minus(Duration.ofMinutes(rnd.nextInt((recent ? 8 : 365) * 24 * 60)));
        Instant deadline = foundAt.plus(Duration.ofDays(major ? 30 + rnd.nextInt(60) : 3 + rnd.nextInt(27)));
        Hazard h = Hazard.found(UUID.randomUUID(), e.id(), major ? HazardGrade.MAJOR : HazardGrade.GENERAL, source, false, deadline);
        String criterion = major && rnd.nextBoolean() ? CRITERIA[rnd.nextInt(CRITERIA.length)] : null;
        repository.insert(new HazardRecord(h, e.name(), e.townId(), e.parkId(), e.sector().name(), f[0], f[1], f[2], null, criterion,
                null, source == HazardSource.SELF_CHECK ? "企业安全员" : "张执法", null, null, foundAt, 0));
        repository.addStep(h.id(), "report", null, HazardState.REPORTED, null, source == HazardSource.SELF_CHECK ? "企业安全员" : "张执法", foundAt, null);
        // older hazards have gone further round the loop; most of them are closed
        long ageDays = Duration.between(foundAt, now).toDays();
        int steps = ageDays > 60 ? (rnd.nextInt(10) < 9 ? 6 : 1 + rnd.nextInt(3)) : Math.min(6, (int) (ageDays / 5) + rnd.nextInt(2));
        Actor owner = new Actor(UUID.nameUUIDFromBytes(("demo-owner:" + e.id()).getBytes(StandardCharsets.UTF_8)), "企业安全员", false);
        Actor regulator = new Actor(UUID.nameUUIDFromBytes("demo-regulator".getBytes(StandardCharsets.UTF_8)), "镇街安办", true);
        Instant at = foundAt;
        String[] names = {"plan", "start", "complete", "verify", "close"};
        int version = 0;
        for (int s = 0; s < Math.min(steps, 5); s++) {
            HazardState from = h.state();
            at = at.plus(Duration.ofHours(6 + rnd.nextInt(24 * Math.max(1, (int) Math.min(ageDays, 20)) / 5 + 1)));
            if (at.isAfter(now)) {
                break;
            }
            switch (names[s]) {
                case "plan" -> h.plan("立即停用并整改：" + f[1].replace("未", "落实"),
                        major ? new FiveAssurances("企业主要负责人", "制定专项整改方案", BigDecimal.valueOf(20000 + rnd.nextInt(300000)),
                                LocalDate.ofInstant(deadline, zone), "停产撤人，专人值守") : null,
                        major ? new DualReport(LocalDate.ofInstant(at, zone), LocalDate.ofInstant(at, zone)) : null);
                case "start" -> h.start();
                case "complete" -> h.complete(owner, at);
                case "verify" -> h.verify(regulator, at);
                default -> h.close(at);
            }
            repository.saveState(h, version++);
            repository.addStep(h.id(), names[s], from, h.state(), null, names[s].equals("verify") || names[s].equals("close") ? "镇街安办" : "企业安全员", at, null);
        }
        if (major && h.isOverdue(now) && rnd.nextBoolean()) {
            h.listSupervision(new ListedSupervision(ListedSupervision.Level.TOWN, "镇街安全生产委员会办公室",
                    LocalDate.ofInstant(now, zone).plusDays(rnd.nextInt(20) - 5)));
            repository.saveState(h, version);
            repository.addStep(h.id(), "list-supervision", h.state(), h.state(), null, "镇街安办", now.minus(Duration.ofDays(1)), "整改逾期");
        }
    }

    private int checkLists(EnterpriseSummary e, Random rnd, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Object[]> specs = List.of(
                new Object[] {"岗位每日检查", "操作工", "POST", CheckCadence.DAILY, List.of("设备防护装置完好", "作业现场整洁无堆物", "个体防护用品佩戴正确")},
                new Object[] {"安全员每周巡查", "安全员", "SAFETY_OFFICER", CheckCadence.WEEKLY, List.of("消防通道畅通", "特种作业人员持证上岗", "有限空间警示标志完好")},
                new Object[] {"主要负责人月度检查", "主要负责人", "PRINCIPAL", CheckCadence.MONTHLY, List.of("安全生产责任制落实", "隐患排查治理台账完整")});
        for (Object[] s : specs) {
            UUID list = UUID.randomUUID();
            jdbc.sql("insert into hazard_check_list (id, enterprise_id, town_id, park_id, sector, name, post, level, cadence) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(list, e.id(), e.townId(), e.parkId(), e.sector().name(), s[0], s[1], s[2], ((CheckCadence) s[3]).name()).update();
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) s[4];
            for (int i = 0; i < items.size(); i++) {
                jdbc.sql("insert into hazard_check_item (id, check_list_id, position, content) values (?, ?, ?, ?)")
                        .params(UUID.randomUUID(), list, i + 1, items.get(i)).update();
            }
            CheckCadence cadence = (CheckCadence) s[3];
            int missRate = 5 + rnd.nextInt(20);
            List<Object[]> tasks = new java.util.ArrayList<>();
            for (LocalDate d = today.minusDays(364); !d.isAfter(today); d = cadence.periodOf(d).due().plusDays(1)) {
                CheckCadence.Period p = cadence.periodOf(d);
                boolean current = !p.due().isBefore(today);
                String state = current ? "PENDING" : rnd.nextInt(100) < missRate ? "MISSED" : "DONE";
                Instant doneAt = "DONE".equals(state) ? p.due().atTime(8 + rnd.nextInt(10), rnd.nextInt(60)).atZone(zone).toInstant() : null;
                tasks.add(new Object[] {UUID.randomUUID(), list, e.id(), e.townId(), e.parkId(), e.sector().name(), p.start(), p.due(), state,
                        doneAt == null ? null : java.time.OffsetDateTime.ofInstant(doneAt, java.time.ZoneOffset.UTC), doneAt == null ? null : s[1]});
            }
            // a year of daily tasks is hundreds of rows per list: one round trip for all of them
            batch.batchUpdate("""
                    insert into hazard_check_task (id, check_list_id, enterprise_id, town_id, park_id, sector, period_start, due_date, state, done_at, done_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tasks);
        }
        return specs.size();
    }
}
