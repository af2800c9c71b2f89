package org.anjian.trusteeship.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Scale;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.trusteeship.TrusteeshipDemo;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Agency;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Contract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four agencies (the first is the demo agency user's), about sixty contracts with small producing demo
 * enterprises (seven in ten bought by the government), a visit a month with findings that became the
 * enterprises' hazards, monthly reports and last year's evaluations. Fixed seed; only on an empty register.
 */
@Component
class DemoTrusteeship implements TrusteeshipDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoTrusteeship.class);
    private static final long SEED = 20261204L;

    private static final String[][] AGENCIES = {
            {"重庆安泰安全技术服务有限公司", "91500116MA5U8KQ21X", "安全生产技术服务机构（安全评价乙级）", "APJ-(渝)-016", "黄经理", "023-47561234"},
            {"重庆津安安全生产管理咨询有限公司", "91500116MA60T3HB7P", "安全生产技术服务机构（检测检验）", "渝应急技服〔2024〕031号", "刘工", "023-47528866"},
            {"重庆渝西安全科技有限公司", "91500116MAABJ4XW2D", "注册安全工程师事务所", "渝安师事〔2023〕008号", "陈主任", "023-47590021"},
            {"重庆几江安全服务有限公司", "91500116MA5YQ7RL3E", "安全生产技术服务机构（安全评价乙级）", "APJ-(渝)-041", "周经理", "023-47533300"}};
    private static final String[][] FINDINGS = {
            {"配电房", "配电箱未张贴警示标识，箱门未上锁"}, {"车间通道", "安全通道堆放物料，宽度不足 1 米"},
            {"仓库", "灭火器压力不足，未按月检查"}, {"冲压工位", "冲床双手按钮被短接，安全防护失效"},
            {"危化品暂存间", "油漆稀释剂与易燃物混放，未设置防泄漏托盘"}, {"厂区", "特种作业人员操作证过期仍上岗"},
            {"有限空间", "污水井未设置有限空间警示标识"}, {"员工宿舍", "私拉乱接电线给电动车充电"}};

    private final TrusteeshipService service;
    private final TrusteeshipRepository repository;
    private final EnterpriseLookup enterprises;
    private final AuditTrail audit;

    DemoTrusteeship(TrusteeshipService service, TrusteeshipRepository repository, EnterpriseLookup enterprises, AuditTrail audit) {
        this.service = service;
        this.repository = repository;
        this.enterprises = enterprises;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises, UUID demoAgencyId) {
        if (repository.hasAgencies()) {
            return;
        }
        Random rnd = new Random(SEED);
        LocalDate today = service.today();
        List<Agency> agencies = new ArrayList<>();
        for (int i = 0; i < AGENCIES.length; i++) {
            String[] a = AGENCIES[i];
            agencies.add(service.createAgency(null, new TrusteeshipService.NewAgency(a[0], a[1], a[2], a[3], today.plusYears(1).plusDays(30L * i),
                    a[4], a[5], "重庆市江津区几江街道鼎山大道" + (100 + i * 17) + "号"), i == 0 ? demoAgencyId : UUID.randomUUID()));
        }
        List<EnterpriseSummary> small = new ArrayList<>();
        for (UUID id : demoEnterprises) {
            Optional<EnterpriseSummary> e = enterprises.find(id);
            if (e.isPresent() && e.get().scale() == Scale.SMALL_MICRO && e.get().status() == OperatingStatus.PRODUCING && rnd.nextInt(12) == 0) {
                small.add(e.get());
            }
            if (small.size() >= 64) {
                break;
            }
        }
        int visits = 0;
        int findings = 0;
        for (int i = 0; i < small.size(); i++) {
            EnterpriseSummary e = small.get(i);
            // the demo agency holds a third of the contracts, the others share the rest
            Agency agency = i % 3 == 0 ? agencies.get(0) : agencies.get(1 + rnd.nextInt(agencies.size() - 1));
            boolean ended = rnd.nextInt(8) == 0;
            LocalDate start = ended ? today.minusDays(400 + rnd.nextInt(200)) : today.minusDays(20 + rnd.nextInt(300));
            boolean gov = rnd.nextInt(10) < 7;
            Contract c = service.createContract(null, new TrusteeshipService.NewContract(agency.id(), e.id(),
                    "JJTG-%d-%03d".formatted(start.getYear(), i + 1), start, start.plusYears(1).minusDays(1),
                    "隐患排查治理、安全管理制度与台账建设、全员安全培训、应急预案编制与演练", BigDecimal.valueOf(gov ? 12000 + rnd.nextInt(6) * 1000 : 18000 + rnd.nextInt(10) * 1000),
                    gov, 1 + (rnd.nextInt(4) == 0 ? 1 : 0)));
            LocalDate last = c.endOn().isBefore(today) ? c.endOn() : today;
            for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                LocalDate day = m.atDay(Math.min(m.lengthOfMonth(), 5 + rnd.nextInt(20)));
                if (day.isBefore(start) || day.isAfter(last) || YearMonth.from(today).minusMonths(6).isAfter(m)) {
                    continue;
                }
                List<TrusteeshipService.NewFinding> found = new ArrayList<>();
                if (rnd.nextInt(10) < 3) {
                    String[] f = FINDINGS[rnd.nextInt(FINDINGS.length)];
                    found.add(new TrusteeshipService.NewFinding(f[0], f[1], "GENERAL", day.plusDays(15)));
                }
                service.recordVisit(c, new TrusteeshipService.NewVisit(day, agency.contact(), "按合同开展月度上门服务：检查现场、核对隐患台账、开展班组安全培训", found));
                visits++;
                findings += found.size();
                if (m.isBefore(YearMonth.from(today))) {
                    service.recordReport(c, new TrusteeshipService.NewReport(m.toString(), m + " 月度服务报告：完成上门服务，隐患已告知企业并跟踪整改。"));
                }
            }
        }
        int lastYear = today.getYear() - 1;
        int[] scores = {93, 82, 76, 58};
        for (int i = 0; i < agencies.size(); i++) {
            Agency a = agencies.get(i);
            repository.insert(new TrusteeshipRecords.Evaluation(UUID.randomUUID(), a.id(), lastYear, scores[i],
                    org.anjian.trusteeship.domain.TrusteeshipRules.rating(scores[i]), "区应急管理局", "年度考评", java.time.Instant.now()));
        }
        audit.record("DEMO_TRUSTEESHIP_GENERATED", "trusteeship_contract", null, null,
                Map.of("agencies", agencies.size(), "contracts", small.size(), "visits", visits, "findings", findings, "seed", SEED));
        log.info("Demo trusteeship: {} contracts, {} visits, {} findings registered as the enterprises' hazards", small.size(), visits, findings);
    }
}
