package org.anjian.credit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.anjian.credit.CreditDemo;
import org.anjian.credit.domain.CreditTerm;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit entries for the demo district besides the accident proposals that arrive by event: serious
 * violations, refusals to rectify and a concealed report, for units and persons, in force and
 * published, one removed early after credit repair, one expired, one not yet published. Only when
 * no such entry exists, never under the prod profile; one audit entry for the batch.
 */
@Component
class DemoCredit implements CreditDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoCredit.class);

    private final JdbcClient jdbc;
    private final CreditRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final String authority;

    private final CreditRepairRepository repairs;
    private final org.anjian.enterprise.EnterpriseLookup enterprises;

    DemoCredit(JdbcClient jdbc, CreditRepository repository, AuditTrail audit, Clock clock, DistrictProperties district,
               CreditRepairRepository repairs, org.anjian.enterprise.EnterpriseLookup enterprises) {
        this.repairs = repairs;
        this.enterprises = enterprises;
        this.zone = district.zone();
        this.authority = district.authority();
        this.jdbc = jdbc;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("select count(*) from credit_record where source_ref is null or source_ref not like 'accident:%'").query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Object[][] rows = {
                {"UNIT", "重庆市江津区鑫达五金制品有限公司", "BLACKLIST", "REFUSAL_TO_RECTIFY", "拒不执行责令限期整改指令，粉尘涉爆除尘系统重大事故隐患逾期未整改", 200, "IN_FORCE", true, null},
                {"UNIT", "重庆江津区顺通建材有限公司", "BAD_RECORD", "SERIOUS_VIOLATION", "未经审批擅自进行动火作业，一年内两次被处罚", 120, "IN_FORCE", true, null},
                {"PERSON", "李某某", "BLACKLIST", "FALSE_REPORT", "企业主要负责人，谎报生产安全事故死亡人数", 400, "IN_FORCE", true, null},
                {"UNIT", "重庆江津区恒远机械加工厂", "BAD_RECORD", "SERIOUS_VIOLATION", "特种作业人员未持证上岗", 500, "REMOVED", true, "完成整改并公开信用承诺，经信用修复提前移出"},
                {"UNIT", "重庆江津区永兴塑料制品有限公司", "BAD_RECORD", "REFUSAL_TO_RECTIFY", "有限空间作业未审批，拒不整改", 1200, "IN_FORCE", true, null},
                {"UNIT", "重庆江津区安达仓储有限公司", "BAD_RECORD", "SERIOUS_VIOLATION", "危险化学品禁配物质混存", 10, "IN_FORCE", false, null}};
        int i = 0;
        for (Object[] r : rows) {
            LocalDate decided = today.minusDays((Integer) r[5]);
            String status = (String) r[6];
            CreditRecord c = new CreditRecord(UUID.nameUUIDFromBytes(("demo-credit:" + i++).getBytes(StandardCharsets.UTF_8)), (String) r[0],
                    (String) r[1], null, null, (String) r[2], (String) r[3], (String) r[4], null, authority, decided,
                    CreditTerm.DEFAULT_MONTHS, CreditTerm.expiresOn(decided, CreditTerm.DEFAULT_MONTHS), status,
                    (Boolean) r[7] ? decided.plusDays(3).atStartOfDay(zone).toInstant() : null, null, null, null, null, now, 0);
            repository.insert(c);
            if (status.equals("REMOVED")) {
                LocalDate repaired = decided.plusMonths(11);
                repository.save(new CreditRecord(c.id(), c.subjectType(), c.subjectName(), c.creditCode(), c.enterpriseId(), c.kind(), c.cause(),
                        c.causeDetail(), null, c.authority(), decided, c.termMonths(), c.expiresOn(), "REMOVED", c.publishedAt(), repaired,
                        "整改到位，作出信用承诺", CreditTerm.earliestRemoval(decided).plusDays(5), (String) r[8], now, 0), now);
            }
        }
        audit.recordAs("system", null, "DEMO_DATA_GENERATED", "credit-record", "demo", null, Map.of("entries", rows.length));
        log.info("Demo district: {} credit entries besides accident proposals", rows.length);
    }

    @Override
    @Transactional
    public void loadRepairs(java.util.List<UUID> enterpriseIds) {
        if (enterpriseIds.isEmpty() || jdbc.sql("select count(*) from credit_repair").query(Long.class).single() > 0) {
            return;
        }
        var enterprise = enterprises.find(enterpriseIds.get(0)).orElse(null);
        if (enterprise == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        byte[] proof = proofPdf();
        // 1: a blacklist entry of 14 months, its repair pending the district's review
        CreditRecord pending = entry(enterprise, "repair-pending", "BLACKLIST", "REFUSAL_TO_RECTIFY", "粉尘涉爆除尘系统重大事故隐患逾期未整改",
                today.minusMonths(14), now);
        repairs.insert(new org.anjian.credit.domain.CreditRepair.Snapshot(UUID.nameUUIDFromBytes("demo-credit-repair:1".getBytes(StandardCharsets.UTF_8)),
                pending.id(), org.anjian.credit.domain.CreditRepair.State.PENDING, "已更换防爆除尘器并经第三方检测合格，建立每班清灰制度，作出信用承诺",
                today.minusDays(3), "enterprise", null, null, null), "application/pdf", "整改报告.pdf", proof);
        // 2: a bad record of 20 months, removed early on an approved application
        CreditRecord removed = entry(enterprise, "repair-approved", "BAD_RECORD", "SERIOUS_VIOLATION", "动火作业未审批",
                today.minusMonths(20), now);
        LocalDate applied = today.minusDays(30);
        LocalDate decided = today.minusDays(20);
        var approved = new org.anjian.credit.domain.CreditRepair.Snapshot(UUID.nameUUIDFromBytes("demo-credit-repair:2".getBytes(StandardCharsets.UTF_8)),
                removed.id(), org.anjian.credit.domain.CreditRepair.State.PENDING, "完善动火审批制度，组织全员培训并考核合格", applied, "enterprise",
                null, null, null);
        repairs.insert(approved, "application/pdf", "整改佐证材料.pdf", proof);
        repairs.update(new org.anjian.credit.domain.CreditRepair.Snapshot(approved.id(), approved.recordId(),
                org.anjian.credit.domain.CreditRepair.State.APPROVED, approved.rectification(), applied, "enterprise", decided, "admin",
                "整改到位，同意提前移出"), 0);
        repository.save(new CreditRecord(removed.id(), removed.subjectType(), removed.subjectName(), removed.creditCode(), removed.enterpriseId(),
                removed.kind(), removed.cause(), removed.causeDetail(), null, removed.authority(), removed.decisionDate(), removed.termMonths(),
                removed.expiresOn(), "REMOVED", removed.publishedAt(), applied, approved.rectification(), decided, "信用修复提前移出：整改到位，同意提前移出",
                now, 0), now);
        // 3: a bad record of 13 months the enterprise may still apply for
        entry(enterprise, "repair-open", "BAD_RECORD", "SERIOUS_VIOLATION", "特种作业人员未持证上岗", today.minusMonths(13), now);
        audit.recordAs("system", null, "DEMO_DATA_GENERATED", "credit-repair", "demo", null, Map.of("applications", 2));
        log.info("Demo district: 2 credit repair applications (one pending, one approved)");
    }

    private CreditRecord entry(org.anjian.enterprise.EnterpriseSummary e, String key, String kind, String cause, String detail, LocalDate decided,
                               Instant now) {
        CreditRecord c = new CreditRecord(UUID.nameUUIDFromBytes(("demo-credit:" + key).getBytes(StandardCharsets.UTF_8)), "UNIT", e.name(),
                e.creditCode(), e.id(), kind, cause, detail, null, authority, decided, CreditTerm.DEFAULT_MONTHS,
                CreditTerm.expiresOn(decided, CreditTerm.DEFAULT_MONTHS), "IN_FORCE", decided.plusDays(3).atStartOfDay(zone).toInstant(), null, null,
                null, null, now, 0);
        repository.insert(c);
        return c;
    }

    private static byte[] proofPdf() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document d = new com.lowagie.text.Document();
        com.lowagie.text.pdf.PdfWriter.getInstance(d, out);
        d.open();
        d.add(new com.lowagie.text.Paragraph("Rectification report (demo)"));
        d.close();
        return out.toByteArray();
    }
}
