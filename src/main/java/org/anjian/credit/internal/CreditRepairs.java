package org.anjian.credit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.credit.domain.CreditRepair;
import org.anjian.credit.domain.CreditRuleViolation;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.shared.web.Uploads;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit repair (信用修复, CRD-1): the enterprise of an entry in force applies for early removal after
 * the minimum period ({@link CreditProperties}) with what it rectified and a proof (PDF, JPEG or PNG,
 * type checked by content and size limited); the district approves — the entry is removed early and
 * stays in the feed as removed with the date — or rejects with a reason. Regulators and auditors read
 * the applications within their scope; an enterprise reads its own. Page and API call these methods;
 * every write is audited (the proof itself stays out of the audit trail).
 */
@Service
@Transactional
public class CreditRepairs {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AUDITOR};

    /** An application as readers see it. */
    public record RepairView(UUID id, UUID recordId, String subjectName, String kind, LocalDate decisionDate, String state, String rectification,
                             String proofType, String proofName, LocalDate appliedOn, String appliedBy, LocalDate decidedOn, String decidedBy,
                             String decisionReason) {
    }

    /** The proof as uploaded. */
    public record Proof(String contentType, String fileName, byte[] data) {
    }

    private final CreditRepairRepository repairs;
    private final CreditRepository records;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final CreditProperties properties;

    CreditRepairs(CreditRepairRepository repairs, CreditRepository records, ScopeConditions scopes, AuditTrail audit, Clock clock,
                  DistrictProperties district, CreditProperties properties) {
        this.repairs = repairs;
        this.records = records;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
        this.properties = properties;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The first day the entry's enterprise may apply, by the entry's kind. */
    public LocalDate earliestApplication(CreditRecord r) {
        return r.decisionDate() == null ? null : CreditRepair.earliestApplication(r.decisionDate(), properties.minimumMonths(r.kind()));
    }

    /** The entries an enterprise user may apply for: its own, in force, without a pending application. */
    @Transactional(readOnly = true)
    public List<CreditRecord> applicable(AnjianUser user) {
        if (!user.hasRole(Role.ENTERPRISE_USER)) {
            return List.of();
        }
        return records.search("IN_FORCE", null, null, null, scopes.of(user.scope(), "c"), new PageRequest(0, 200)).items().stream()
                .filter(r -> !repairs.pendingFor(r.id())).toList();
    }

    /** The entry an enterprise may apply for (its own; else 404). */
    @Transactional(readOnly = true)
    public CreditRecord entryFor(AnjianUser user, UUID recordId) {
        requireEnterprise(user);
        return records.find(recordId, scopes.of(user.scope(), "c")).orElseThrow(() -> DomainException.notFound("credit record"));
    }

    /** 申请信用修复 by the entry's enterprise: refused (409) before the minimum period, or with one already pending. */
    public RepairView apply(AnjianUser user, UUID recordId, String rectification, String fileName, byte[] proof) {
        requireEnterprise(user);
        // the input first (400), then the entry (404 outside the enterprise), then the rules (409)
        if (rectification == null || rectification.isBlank() || rectification.length() > 2000) {
            throw DomainException.invalid("rectification", "credit.repair.rectification.invalid", "请说明整改情况（2000 字以内）");
        }
        String type = proofType(proof);
        CreditRecord r = entryFor(user, recordId);
        LocalDate today = today();
        int months = properties.minimumMonths(r.kind());
        CreditRepair repair = domain(() -> CreditRepair.apply(UUID.randomUUID(), new CreditRepair.Entry(r.id(), r.displayStatus(today),
                r.decisionDate()), months, rectification, today, user.getUsername()));
        if (repairs.pendingFor(r.id())) {
            throw DomainException.conflict("credit.repair.pending", "该记录已有待审核的信用修复申请");
        }
        CreditRepair.Snapshot s = repair.snapshot();
        repairs.insert(s, type, Uploads.baseName(fileName), proof);
        audit.record("CREDIT_REPAIR_APPLIED", "credit-repair", s.id(), null, auditable(s, r));
        return get(user, s.id());
    }

    @Transactional(readOnly = true)
    public PageResult<RepairView> search(AnjianUser user, String state, UUID recordId, PageRequest page) {
        requireReader(user);
        String st = state == null || state.isBlank() ? null : state.strip();
        if (st != null && java.util.Arrays.stream(CreditRepair.State.values()).noneMatch(v -> v.name().equals(st))) {
            throw DomainException.invalid("state", "credit.repair.stateInvalid", "状态无效");
        }
        return repairs.search(st, recordId, scopes.of(user.scope(), "r"), page).map(CreditRepairs::view);
    }

    @Transactional(readOnly = true)
    public RepairView get(AnjianUser user, UUID id) {
        return view(load(user, id));
    }

    @Transactional(readOnly = true)
    public Proof proof(AnjianUser user, UUID id) {
        load(user, id);
        return repairs.proof(id).map(p -> new Proof(p.contentType(), p.fileName(), p.data())).orElseThrow(() -> DomainException.notFound("proof"));
    }

    /** {@code approve} (the entry is removed early today) or {@code reject} with the reason; the district's only. */
    public RepairView decide(AnjianUser user, UUID id, String action, String reason) {
        requireReader(user);
        // nobody but the district decides, whichever application it is (the same 403 for every id: nothing leaks)
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "credit.repair.forbidden", "信用修复申请由区应急管理局审核");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw DomainException.invalid("reason", "credit.repair.reasonRequired", "请填写审核意见或驳回理由");
        }
        CreditRepairRepository.Stored st = load(user, id);
        LocalDate today = today();
        CreditRepair repair = CreditRepair.restore(st.repair());
        CreditRecord r = records.find(st.repair().recordId()).orElseThrow(() -> DomainException.notFound("credit record"));
        Map<String, Object> before = auditable(st.repair(), r);
        switch (action) {
            case "approve" -> domain(() -> {
                repair.approve(reason, today, user.getUsername());
                return repair;
            });
            case "reject" -> domain(() -> {
                repair.reject(reason, today, user.getUsername());
                return repair;
            });
            default -> throw DomainException.notFound("action " + action);
        }
        if (repair.state() == CreditRepair.State.APPROVED) {
            if (!"IN_FORCE".equals(r.displayStatus(today))) {
                throw DomainException.conflict("credit.repair.notInForce", "只有有效的失信记录才能提前移出", r.displayStatus(today), "APPROVE");
            }
            CreditRepair.Snapshot s = repair.snapshot();
            CreditRecord removed = new CreditRecord(r.id(), r.subjectType(), r.subjectName(), r.creditCode(), r.enterpriseId(), r.kind(), r.cause(),
                    r.causeDetail(), r.sourceRef(), r.authority(), r.decisionDate(), r.termMonths(), r.expiresOn(), "REMOVED", r.publishedAt(),
                    s.appliedOn(), s.rectification(), today, "信用修复提前移出：" + s.decisionReason(), r.createdAt(), r.version());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try {
                records.save(removed, now);
            } catch (OptimisticLockingFailureException e) {
                throw DomainException.conflict("credit.concurrent", e.getMessage());
            }
            audit.record("CREDIT_RECORD_REMOVE", "credit-record", r.id(), CreditService.view(r), CreditService.view(records.find(r.id()).orElseThrow()));
        }
        try {
            repairs.update(repair.snapshot(), st.version());
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("credit.concurrent", e.getMessage());
        }
        audit.record(action.equals("approve") ? "CREDIT_REPAIR_APPROVED" : "CREDIT_REPAIR_REJECTED", "credit-repair", id, before,
                auditable(repair.snapshot(), r));
        return get(user, id);
    }

    private CreditRepairRepository.Stored load(AnjianUser user, UUID id) {
        requireReader(user);
        return repairs.find(id, scopes.of(user.scope(), "r")).orElseThrow(() -> DomainException.notFound("credit repair"));
    }

    /** {@code application/pdf} for a PDF that opens with at least one page, the image type for a decodable JPEG or PNG; else 400. */
    String proofType(byte[] data) {
        if (data == null || data.length == 0) {
            throw DomainException.invalid("proof", "credit.repair.proof.required", "请上传整改证明材料（PDF 或图片）");
        }
        if (data.length > properties.repairProofMaxBytes()) {
            throw DomainException.invalid("proof", "credit.repair.proof.invalid", "证明材料须为 10MB 以内的 PDF、JPEG 或 PNG 文件");
        }
        Optional<String> image = Uploads.imageType(data);
        if (image.isPresent()) {
            return image.get();
        }
        if (isPdf(data)) {
            return "application/pdf";
        }
        throw DomainException.invalid("proof", "credit.repair.proof.invalid", "证明材料须为 10MB 以内的 PDF、JPEG 或 PNG 文件");
    }

    static boolean isPdf(byte[] data) {
        if (data.length < 5 || !new String(data, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return false;
        }
        try {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(data);
            try {
                return reader.getNumberOfPages() > 0;
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException notAPdf) {
            return false;
        }
    }

    private static void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    private static void requireEnterprise(AnjianUser user) {
        if (!user.hasRole(Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "credit.repair.enterpriseOnly", "信用修复由失信记录所涉企业申请");
        }
    }

    private static RepairView view(CreditRepairRepository.Stored st) {
        CreditRepair.Snapshot s = st.repair();
        return new RepairView(s.id(), s.recordId(), st.subjectName(), st.kind(), st.decisionDate(), s.state().name(), s.rectification(),
                st.proofType(), st.proofName(), s.appliedOn(), s.appliedBy(), s.decidedOn(), s.decidedBy(), s.decisionReason());
    }

    private static Map<String, Object> auditable(CreditRepair.Snapshot s, CreditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", s.recordId());
        m.put("subjectName", r.subjectName());
        m.put("state", s.state().name());
        m.put("appliedOn", s.appliedOn());
        m.put("decidedOn", s.decidedOn());
        m.put("decisionReason", s.decisionReason());
        return m;
    }

    private static <T> T domain(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (CreditRuleViolation v) {
            if (v.isInvalidInput()) {
                throw DomainException.invalid(v.field(), v.reason(), v.getMessage());
            }
            throw DomainException.conflict(v.reason(), v.getMessage(), v.args());
        }
    }
}
