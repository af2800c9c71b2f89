package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.ViolationCategory;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo district's enforcement: a published random draw of industry-and-trade enterprises, and
 * three inspections planned for the demo inspectors (张执法, 李执法) to work on the phone. Only on an
 * empty database, never under the prod profile.
 */
@Component
class DemoInspections {

    private static final Logger log = LoggerFactory.getLogger(DemoInspections.class);
    private final JdbcClient jdbc;
    private final RandomDrawService draws;
    private final InspectionService inspections;
    private final UserDirectory users;
    private final Clock clock;
    private final OnSiteEvidence evidence;
    private final OnSiteDocuments documents;
    private final Exams exams;
    private final EnterpriseLookup enterprises;

    private final ZoneId zone;
    DemoInspections(JdbcClient jdbc, RandomDrawService draws, InspectionService inspections, UserDirectory users, Clock clock,
                    OnSiteEvidence evidence, OnSiteDocuments documents, Exams exams, EnterpriseLookup enterprises, DistrictProperties district) {
        this.zone = district.zone();
        this.evidence = evidence;
        this.documents = documents;
        this.exams = exams;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.draws = draws;
        this.inspections = inspections;
        this.users = users;
        this.clock = clock;
    }

    void load(List<UUID> enterpriseIds) {
        if (jdbc.sql("select count(*) from inspection_inspection").query(Long.class).single() > 0) {
            return;
        }
        List<UUID> team = users.usersWithRole(Role.INSPECTOR).stream()
                .filter(u -> u.username().equals("inspector") || u.username().equals("inspector2")).map(UserSummary::id).toList();
        if (team.size() < 2) {
            return;
        }
        AnjianUser district = new AnjianUser(UUID.nameUUIDFromBytes("demo-district-office".getBytes(StandardCharsets.UTF_8)), "system",
                "区应急局", EnumSet.of(Role.DISTRICT_ADMIN), DataScope.DISTRICT, null, true, false);
        try {
            draws.draw(district, new RandomDrawService.Request("2026 年第四季度工贸行业双随机抽查（演示）",
                    new RandomDrawService.Pool(Sector.INDUSTRY_TRADE, null, null), 12, "2026-Q4-江津-演示"));
        } catch (RuntimeException e) {
            log.warn("demo random draw skipped: {}", e.getMessage());
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<InspectionService.Inspection> planned = new java.util.ArrayList<>();
        for (int n = 1; n <= Math.min(3, enterpriseIds.size()); n++) {
            UUID enterprise = enterpriseIds.get(n - 1);
            try {
                planned.add(inspections.plan(district, new InspectionService.NewInspection(enterprise, team, today.plusDays(n - 1), null)));
            } catch (RuntimeException e) {
                log.warn("demo inspection of {} skipped: {}", enterprise, e.getMessage());
            }
        }
        List<AnjianUser> inspectors = team.stream().map(id -> users.user(id).orElseThrow())
                .map(u -> new AnjianUser(u.id(), u.username(), u.displayName(), u.roles(), u.scope(), null, true, false)).toList();
        try {
            planned.stream().filter(i -> i.sector() != Sector.NON_COAL_MINE).findFirst().ifPresent(i -> onSite(i, inspectors, today));
            mine(district, team, inspectors, today);
        } catch (RuntimeException e) {
            log.warn("demo on-site records skipped: {}", e.getMessage());
        }
        log.info("Demo district: a published random draw, 3 planned inspections for inspector and inspector2, one worked on site, one mine exam");
    }

    /** One inspection worked through on the phone: check items, findings with categories, a photo, signatures, the 现场检查记录. */
    private void onSite(InspectionService.Inspection i, List<AnjianUser> team, LocalDate today) {
        AnjianUser a = team.get(0);
        AnjianUser b = team.get(1);
        inspections.recordCheck(a, i.id(), "全员安全生产责任制建立并落实（《安全生产法》第二十二条）", "PASS");
        inspections.recordCheck(a, i.id(), "特种作业人员持证上岗（《安全生产法》第三十条）", "FAIL");
        InspectionService.Finding f1 = inspections.recordFinding(a, i.id(), new InspectionService.NewFinding("配电室", "电工张某未取得特种作业操作证独立作业",
                false, null, "《中华人民共和国安全生产法》第三十条", today.plusDays(7), 29.26512, 106.25318, ViolationCategory.SPECIAL_OPERATORS));
        inspections.recordFinding(b, i.id(), new InspectionService.NewFinding("二号车间冲压线", "冲床光电保护装置被短接失效", false, null,
                "《中华人民共和国安全生产法》第三十六条", today.plusDays(15), 29.26530, 106.25341, ViolationCategory.SAFETY_FACILITIES));
        evidence.addPhoto(a, i.id(), f1.id(), DemoImages.photo());
        evidence.sign(a, i.id(), "INSPECTOR", a.displayName(), DemoImages.signatureDataUrl(1));
        evidence.sign(b, i.id(), "INSPECTOR", b.displayName(), DemoImages.signatureDataUrl(2));
        evidence.sign(a, i.id(), "ENTERPRISE", "刘厂长", DemoImages.signatureDataUrl(3));
        inspections.companions(a, i.id(), "王工（安全生产专家）");
        documents.finish(a, i.id());
    }

    /** 逢查必考 at a mine: the principal passes, the safety manager does not (a TRAINING finding follows). */
    private void mine(AnjianUser district, List<UUID> teamIds, List<AnjianUser> team, LocalDate today) {
        List<org.anjian.enterprise.EnterpriseSummary> mines = enterprises.pool(Sector.NON_COAL_MINE, null, null);
        if (mines.isEmpty()) {
            return;
        }
        InspectionService.Inspection i = inspections.plan(district, new InspectionService.NewInspection(mines.get(0).id(), teamIds, today, null));
        AnjianUser a = team.get(0);
        inspections.recordCheck(a, i.id(), "安全风险分级管控和隐患排查治理双重预防机制运行，隐患如实记录并通报（《安全生产法》第四十一条）", "PASS");
        Exams.Exam pass = exams.start(a, i.id(), new Exams.NewExam("周矿长", Exams.ExamineeRole.PRINCIPAL, 10));
        exams.answer(a, i.id(), pass.id(), new Exams.Answers(exams.demoAnswers(pass, 9)));
        Exams.Exam fail = exams.start(a, i.id(), new Exams.NewExam("吴安全", Exams.ExamineeRole.SAFETY_MANAGER, 10));
        exams.answer(a, i.id(), fail.id(), new Exams.Answers(exams.demoAnswers(fail, 6)));
        evidence.sign(a, i.id(), "INSPECTOR", a.displayName(), DemoImages.signatureDataUrl(4));
        evidence.sign(a, i.id(), "ENTERPRISE", "周矿长", DemoImages.signatureDataUrl(5));
        documents.finish(a, i.id());
    }
}
