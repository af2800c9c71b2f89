package org.anjian.publicreport.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.publicreport.PublicReportDemo;
import org.anjian.publicreport.domain.PublicReport;
import org.anjian.publicreport.domain.PublicReport.AssigneeKind;
import org.anjian.publicreport.domain.ReportCategory;
import org.anjian.publicreport.domain.Reward;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twelve demo reports through the same aggregate as real ones, with fixed ids and query codes so that a
 * second start adds nothing: received (one overdue), rejected, accepted, assigned to a town and to a
 * department, verifying, verified, feedback given, closed — one closed with a paid reward. Only when
 * the table is empty; one audit entry for the batch.
 */
@Component
class DemoPublicReports implements PublicReportDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoPublicReports.class);

    private final JdbcClient jdbc;
    private final PublicReportRepository repository;
    private final FieldCipher cipher;
    private final OrganizationDirectory organization;
    private final EnterpriseLookup enterprises;
    private final PublicReportProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    DemoPublicReports(JdbcClient jdbc, PublicReportRepository repository, FieldCipher cipher, OrganizationDirectory organization,
                      EnterpriseLookup enterprises, PublicReportProperties properties, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.cipher = cipher;
        this.organization = organization;
        this.enterprises = enterprises;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    /** One demo report: days ago received, the state it reached, named or not. */
    private record Row(String code, ReportCategory category, String description, String location, int enterprise, String name, String phone,
                       int daysAgo, String reached) {
    }

    @Override
    @Transactional
    public void load(List<UUID> enterpriseIds) {
        if (jdbc.sql("select count(*) from publicreport_report").query(Long.class).single() > 0 || enterpriseIds.size() < 6) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Region> towns = organization.towns();
        List<Department> departments = organization.departments();
        Region town = organization.regionByName("双福街道").orElse(towns.get(0));
        List<Row> rows = List.of(
                new Row("DEMXA2345B", ReportCategory.MAJOR_HAZARD, "仓库内违规存放液化气钢瓶二十余个，紧邻员工宿舍", "双福街道某工业园 3 号仓库", 0,
                        null, null, 1, "RECEIVED"),
                new Row("DEMXC3456D", ReportCategory.UNLICENSED, "无证经营烟花爆竹，夜间从面包车上卸货", "几江街道滨江路旁门面", -1, "陈某某",
                        "13908881234", 12, "RECEIVED"),
                new Row("DEMXE4567F", ReportCategory.OTHER_VIOLATION, "邻居家装修噪音过大", "德感街道某小区", -1, null, null, 20, "REJECTED"),
                new Row("DEMXG5678H", ReportCategory.UNTRAINED_STAFF, "新进员工未经安全培训直接上岗操作冲床", "双福街道", 1, null, null, 4, "ACCEPTED"),
                new Row("DEMXJ6789K", ReportCategory.MAJOR_HAZARD, "粉尘涉爆车间除尘器长期未清灰", "双福街道", 2, "刘某", "13700005678", 9, "ASSIGNED"),
                new Row("DEMXK7892M", ReportCategory.UNSAFE_CONTRACTING, "有限空间作业发包给无资质个人，无人监护", "珞璜镇", 3, null, null, 8, "ASSIGNED_DEPT"),
                new Row("DEMXN8923P", ReportCategory.MAJOR_HAZARD, "消防通道被成品堆垛堵塞", "双福街道", 4, null, null, 15, "VERIFYING"),
                new Row("DEMXQ9234R", ReportCategory.CONCEALED_ACCIDENT, "企业瞒报一起工伤事故", "双福街道", 5, "周某某", "13600009876", 30, "VERIFIED"),
                new Row("DEMXS2346T", ReportCategory.OCCUPATIONAL_HEALTH, "喷漆车间工人未配发防毒面具", "支坪街道", 1, null, null, 40, "FEEDBACK_GIVEN"),
                new Row("DEMXU3457V", ReportCategory.MAJOR_HAZARD, "液氨管道阀门泄漏", "双福街道", 2, null, null, 60, "CLOSED"),
                new Row("DEMXW4568X", ReportCategory.UNLICENSED, "未取得安全生产许可擅自生产", "双福街道", 0, "吴某", "13500002468", 75,
                        "CLOSED_PAID"),
                new Row("DEMXY5679Z", ReportCategory.OTHER_VIOLATION, "特种作业人员无证焊接", "白沙镇", 3, null, null, 3, "RECEIVED"));
        int n = 0;
        for (Row r : rows) {
            EnterpriseSummary e = r.enterprise() < 0 ? null : enterprises.find(enterpriseIds.get(r.enterprise())).orElse(null);
            UUID id = UUID.nameUUIDFromBytes(("demo-public-report:" + r.code()).getBytes(StandardCharsets.UTF_8));
            LocalDate received = today.minusDays(r.daysAgo());
            PublicReport report = PublicReport.receive(id, r.code(), r.category(), r.description(), r.location(), e == null ? null : e.id(),
                    e == null ? null : e.name(), r.name() == null, received.atTime(9, 30).atZone(zone).toInstant(), received, properties.calendar(),
                    properties.limits());
            LocalDate accepted = received.plusDays(1);
            UUID assignee = e != null && e.townId() != null ? e.townId() : town.id();
            Reward reward = null;
            switch (r.reached()) {
                case "RECEIVED" -> { }
                case "REJECTED" -> report.reject("不属于安全生产领域举报事项，请向相关部门反映", accepted);
                default -> {
                    report.accept(accepted, properties.limits());
                    if (!r.reached().equals("ACCEPTED")) {
                        if (r.reached().equals("ASSIGNED_DEPT")) {
                            report.assign(AssigneeKind.DEPARTMENT, departments.get(0).id());
                        } else {
                            report.assign(AssigneeKind.TOWN, assignee);
                        }
                    }
                    if (List.of("VERIFYING", "VERIFIED", "FEEDBACK_GIVEN", "CLOSED", "CLOSED_PAID").contains(r.reached())) {
                        report.startVerifying(null);
                    }
                    if (List.of("VERIFIED", "FEEDBACK_GIVEN", "CLOSED", "CLOSED_PAID").contains(r.reached())) {
                        boolean paid = r.reached().equals("CLOSED_PAID");
                        report.recordResult(!r.reached().equals("CLOSED"), paid ? "经现场核查，该单位未取得安全生产许可证擅自生产，已立案查处，罚款 50 万元"
                                : r.reached().equals("CLOSED") ? "现场核查未发现泄漏，阀门为正常检修" : "经核查举报属实，已责令立即整改",
                                paid ? 500_000L : null);
                    }
                    if (List.of("FEEDBACK_GIVEN", "CLOSED", "CLOSED_PAID").contains(r.reached())) {
                        report.giveFeedback(r.reached().equals("CLOSED") ? "经核查举报不属实，感谢您的监督" : "经核查举报属实，已依法处理，感谢您的举报",
                                received.plusDays(20));
                    }
                    if (r.reached().startsWith("CLOSED")) {
                        report.close(received.plusDays(25));
                    }
                    if (r.reached().equals("CLOSED_PAID")) {
                        // 15 % of 500,000 yuan = 75,000 (安监总财〔2018〕19号)
                        long amount = properties.reward().forFine(500_000L);
                        reward = Reward.decide(UUID.nameUUIDFromBytes(("demo-public-reward:" + r.code()).getBytes(StandardCharsets.UTF_8)), report,
                                amount, "罚款 500000 元 × 15%", received.plusDays(30));
                        reward.approve(received.plusDays(35));
                        reward.pay("江应急奖〔" + received.getYear() + "〕1 号", received.plusDays(45));
                    }
                }
            }
            report.escalateIfOverdue(today);
            PublicReport.Snapshot s = report.snapshot();
            boolean named = r.name() != null;
            repository.insert(s, named ? cipher.encrypt(r.name()) : null, named ? cipher.encrypt(r.phone()) : null, null);
            repository.update(s, 0);
            if (reward != null) {
                Reward.Snapshot w = reward.snapshot();
                repository.saveReward(new Reward.Snapshot(w.id(), w.reportId(), Reward.State.DECIDED, w.amountYuan(), w.basis(), w.decidedOn(), null,
                        null, null), true);
                repository.saveReward(w, false);
            }
            n++;
        }
        audit.recordAs("system", null, "DEMO_DATA_GENERATED", "public-report", "demo", null, Map.of("reports", n));
        log.info("Demo district: {} public reports", n);
    }
}
