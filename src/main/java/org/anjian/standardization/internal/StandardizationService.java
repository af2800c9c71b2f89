package org.anjian.standardization.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.inspection.InspectionRecords;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.standardization.StandardizationGradesChanged;
import org.anjian.standardization.domain.ApplicationState;
import org.anjian.standardization.domain.GradeApplication;
import org.anjian.standardization.domain.GradeLevel;
import org.anjian.standardization.domain.StandardizationViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standardization applications and grades (STD-1). An enterprise applies for itself (its town or
 * the district may enter it for it); the district's inspectors record the on-site review within an
 * inspection and the decision of the reviewing level, whether the district's own (三级) or the city's
 * or province's (二级/一级, with their document number); the district revokes. Every step is audited,
 * and every change of a grade in force is published to the registry.
 */
@Service
@Transactional
public class StandardizationService {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AGENCY_USER, Role.EXPERT, Role.AUDITOR};
    static final Role[] APPLICANTS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.ENTERPRISE_USER};
    static final Role[] REVIEWERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR};

    private final StandardizationRepository repository;
    private final EnterpriseLookup enterprises;
    private final InspectionRecords inspections;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final StandardizationProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    StandardizationService(StandardizationRepository repository, EnterpriseLookup enterprises, InspectionRecords inspections,
                           ScopeConditions scopes, AuditTrail audit, ApplicationEventPublisher events, StandardizationProperties properties,
                           Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.inspections = inspections;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.zone = district.zone();
    }

    public record NewApplication(UUID enterpriseId, String level, BigDecimal selfScore, LocalDate submittedOn, String note) {
    }

    public record OnsiteInput(UUID inspectionId, BigDecimal score, LocalDate reviewedOn, String note) {
    }

    public record DecisionInput(Boolean granted, LocalDate decidedOn, String authority, String documentNo, String note) {
    }

    public record StepInput(String reason, LocalDate on) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public StandardizationProperties properties() {
        return properties;
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    public void requireApplicant(AnjianUser user) {
        if (!user.hasAnyRole(APPLICANTS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "standardization.forbidden", "may not apply");
        }
    }

    public ScopeConditions.Condition scope(AnjianUser user) {
        return scopes.of(user.scope(), "a");
    }

    @Transactional(readOnly = true)
    public PageResult<ApplicationRecord> search(AnjianUser user, StandardizationRepository.Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(filter, scope(user), page);
    }

    @Transactional(readOnly = true)
    public ApplicationRecord get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id, scope(user)).orElseThrow(() -> DomainException.notFound("standardization application"));
    }

    @Transactional(readOnly = true)
    public List<ApplicationRecord> history(AnjianUser user, UUID enterpriseId) {
        requireReader(user);
        if (!enterprises.inScope(user.scope(), enterpriseId)) {
            throw DomainException.notFound("enterprise");
        }
        return repository.ofEnterprise(enterpriseId);
    }

    /** The grade in force of an enterprise today, for other pages; empty when none. */
    @Transactional(readOnly = true)
    public Optional<ApplicationRecord> gradeInForce(UUID enterpriseId) {
        LocalDate today = today();
        return repository.gradeOf(enterpriseId).filter(r -> r.application().inForce(today));
    }

    public ApplicationRecord submit(AnjianUser user, NewApplication n) {
        requireApplicant(user);
        List<FieldError> errors = new ArrayList<>();
        GradeLevel level = null;
        try {
            level = n.level() == null ? null : GradeLevel.valueOf(n.level());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (level == null) {
            errors.add(new FieldError("level", "standardization.level.invalid", "请选择申请等级（一级、二级或三级）"));
        }
        if (n.selfScore() == null || n.selfScore().signum() < 0 || n.selfScore().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("selfScore", "standardization.score.invalid", "自评分应在 0 到 100 之间"));
        }
        if (n.note() != null && n.note().length() > 2000) {
            errors.add(new FieldError("note", "shared.validation.tooLong", "内容过长"));
        }
        if (n.enterpriseId() == null) {
            errors.add(new FieldError("enterpriseId", "standardization.enterprise.required", "请选择企业"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        EnterpriseSummary e = enterprises.find(n.enterpriseId()).filter(x -> enterprises.inScope(user.scope(), x.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
        LocalDate today = today();
        LocalDate on = n.submittedOn() == null ? today : n.submittedOn();
        if (on.isAfter(today)) {
            throw DomainException.invalid("submittedOn", "standardization.date.future", "日期不能晚于今天");
        }
        for (ApplicationRecord earlier : repository.ofEnterprise(e.id())) {
            GradeApplication a = earlier.application();
            if (a.state().isOpen()) {
                throw DomainException.conflict("standardization.apply.open", "an application is already open");
            }
            LocalDate from = a.nextApplicationFrom();
            if (from != null && on.isBefore(from)) {
                throw DomainException.conflict("standardization.apply.wait", "a year after a refusal or revocation", from);
            }
        }
        GradeApplication a;
        try {
            a = GradeApplication.submit(UUID.randomUUID(), e.id(), level, properties.reviewer(level), n.selfScore(), properties.minScore(level), on);
        } catch (StandardizationViolation v) {
            throw new DomainException(HttpStatus.BAD_REQUEST, v.reason(), v.getMessage(),
                    List.of(new FieldError("selfScore", v.reason(), "自评分低于申请等级的最低分")), v.args());
        }
        ApplicationRecord r = new ApplicationRecord(a, e.name(), e.townId(), e.parkId(), e.sector().name(), blank(n.note()), now(), 0);
        repository.insert(r, now());
        ApplicationRecord stored = repository.find(a.id()).orElseThrow();
        audit.record("STANDARDIZATION_APPLIED", "standardization_application", a.id(), null, view(stored));
        return stored;
    }

    public ApplicationRecord onsite(AnjianUser user, UUID id, OnsiteInput in) {
        ApplicationRecord before = reviewable(user, id);
        List<FieldError> errors = new ArrayList<>();
        if (in.score() == null || in.score().signum() < 0 || in.score().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("score", "standardization.score.invalid", "评审得分应在 0 到 100 之间"));
        }
        LocalDate on = in.reviewedOn() == null ? today() : in.reviewedOn();
        if (on.isAfter(today())) {
            errors.add(new FieldError("reviewedOn", "standardization.date.future", "日期不能晚于今天"));
        }
        if (in.inspectionId() != null) {
            // 一体化: the on-site review is done within an inspection of the same enterprise
            try {
                InspectionRecords.InspectionFacts facts = inspections.facts(user, in.inspectionId());
                if (!facts.enterpriseId().equals(before.application().enterpriseId())) {
                    errors.add(new FieldError("inspectionId", "standardization.onsite.otherEnterprise", "所选检查不是该企业的检查"));
                }
            } catch (DomainException notThere) {
                errors.add(new FieldError("inspectionId", "standardization.onsite.noInspection", "找不到该执法检查"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return step(before, "STANDARDIZATION_ONSITE_REVIEWED", a -> a.recordOnsite(in.inspectionId(), in.score(), on, blank(in.note())));
    }

    public ApplicationRecord decide(AnjianUser user, UUID id, DecisionInput in) {
        ApplicationRecord before = reviewable(user, id);
        List<FieldError> errors = new ArrayList<>();
        if (in.granted() == null) {
            errors.add(new FieldError("granted", "standardization.decision.required", "请选择是否通过"));
        }
        LocalDate on = in.decidedOn() == null ? today() : in.decidedOn();
        if (on.isAfter(today())) {
            errors.add(new FieldError("decidedOn", "standardization.date.future", "日期不能晚于今天"));
        }
        GradeLevel level = before.application().level();
        boolean districtDecides = properties.reviewer(level) == org.anjian.standardization.domain.ReviewingLevel.DISTRICT;
        // the city's or the province's decision is recorded here by the district, with its document
        if (!districtDecides && (blank(in.authority()) == null || blank(in.documentNo()) == null)) {
            errors.add(new FieldError("documentNo", "standardization.decision.document", "上级评审结果须填写决定机关和文号"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String authority = blank(in.authority()) != null ? in.authority().strip() : districtDecides ? "区应急管理局" : null;
        int min = properties.minScore(level);
        UUID enterpriseId = before.application().enterpriseId();
        Optional<ApplicationRecord> previous = Boolean.TRUE.equals(in.granted()) ? repository.gradeOf(enterpriseId) : Optional.empty();
        ApplicationRecord after = step(before, Boolean.TRUE.equals(in.granted()) ? "STANDARDIZATION_GRANTED" : "STANDARDIZATION_REFUSED", a -> {
            previous.ifPresent(p -> {
                GradeApplication old = p.application();
                old.supersede();
                repository.save(old, p.version(), now());
                audit.record("STANDARDIZATION_SUPERSEDED", "standardization_application", old.id(), null, Map.of("by", id));
            });
            a.decide(in.granted(), on, authority, blank(in.documentNo()), blank(in.note()), min);
        });
        if (after.application().state() == ApplicationState.GRADED) {
            publish(enterpriseId);
        }
        return after;
    }

    public ApplicationRecord withdraw(AnjianUser user, UUID id) {
        ApplicationRecord before = get(user, id);
        if (!user.hasAnyRole(REVIEWERS) && !user.scope().isEnterprise(before.application().enterpriseId())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "standardization.forbidden", "may not withdraw");
        }
        return step(before, "STANDARDIZATION_WITHDRAWN", GradeApplication::withdraw);
    }

    /** A proposal to revoke, from a regulator (the accident listener proposes through {@link #proposeForAccident}). */
    public ApplicationRecord proposeRevocation(AnjianUser user, UUID id, StepInput in) {
        ApplicationRecord before = get(user, id);
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "standardization.forbidden", "may not propose revocation");
        }
        String reason = in == null ? null : blank(in.reason());
        if (reason == null) {
            throw DomainException.invalid("reason", "standardization.revocation.reason", "请说明撤销理由");
        }
        LocalDate today = today();
        LocalDate eventOn = in.on() == null ? today : in.on();
        return step(before, "STANDARDIZATION_REVOCATION_PROPOSED", a -> {
            if (!a.proposeRevocation(reason, "user:" + user.id(), eventOn, today)) {
                throw new StandardizationViolation("standardization.revocation.notApplicable", "already proposed or outside the validity");
            }
        });
    }

    public ApplicationRecord revoke(AnjianUser user, UUID id, StepInput in) {
        ApplicationRecord before = revoker(user, id);
        String reason = in == null ? null : blank(in.reason());
        if (reason == null && before.application().revocationReason() == null) {
            throw DomainException.invalid("reason", "standardization.revocation.reason", "请说明撤销理由");
        }
        ApplicationRecord after = step(before, "STANDARDIZATION_REVOKED", a -> a.revoke(today(), reason));
        publish(after.application().enterpriseId());
        return after;
    }

    public ApplicationRecord dismissRevocation(AnjianUser user, UUID id, StepInput in) {
        ApplicationRecord before = revoker(user, id);
        if (in == null || blank(in.reason()) == null) {
            throw DomainException.invalid("reason", "standardization.revocation.dismissReason", "请说明不予撤销的理由");
        }
        return step(before, "STANDARDIZATION_REVOCATION_DISMISSED", GradeApplication::dismissRevocation);
    }

    /**
     * A death accident in a graded enterprise proposes the revocation of its grade (83号: 发生生产安全死亡事故).
     * Idempotent: a grade carries one proposal, and a redelivered accident finds it there.
     */
    public boolean proposeForAccident(UUID enterpriseId, UUID accidentId, LocalDate occurredOn, int deaths, String summary) {
        Optional<ApplicationRecord> grade = repository.gradeOf(enterpriseId);
        if (grade.isEmpty()) {
            return false;
        }
        ApplicationRecord r = grade.get();
        GradeApplication a = r.application();
        Map<String, Object> before = view(r);
        String reason = "%s 发生生产安全死亡事故，死亡 %d 人：%s".formatted(occurredOn, deaths, summary == null ? "" : summary);
        if (!a.proposeRevocation(reason.length() > 1000 ? reason.substring(0, 1000) : reason, "accident:" + accidentId, occurredOn, today())) {
            return false;
        }
        repository.save(a, r.version(), now());
        audit.record("STANDARDIZATION_REVOCATION_PROPOSED", "standardization_application", a.id(), before, view(repository.find(a.id()).orElseThrow()));
        return true;
    }

    /** Grades past their last day become expired, and the registry learns they are gone. */
    public int expireDue() {
        LocalDate today = today();
        int n = 0;
        for (ApplicationRecord r : repository.pastTheirLastDay(today)) {
            GradeApplication a = r.application();
            a.expire(today);
            repository.save(a, r.version(), now());
            audit.record("STANDARDIZATION_EXPIRED", "standardization_application", a.id(), null, Map.of("validUntil", a.validUntil()));
            publish(a.enterpriseId());
            n++;
        }
        return n;
    }

    private void publish(UUID enterpriseId) {
        Map<UUID, String> grades = new HashMap<>();
        grades.put(enterpriseId, gradeInForce(enterpriseId).map(r -> r.application().level().name()).orElse(null));
        events.publishEvent(new StandardizationGradesChanged(grades));
    }

    private ApplicationRecord reviewable(AnjianUser user, UUID id) {
        ApplicationRecord r = get(user, id);
        if (!user.hasAnyRole(REVIEWERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "standardization.forbidden", "reviews are the district's");
        }
        return r;
    }

    private ApplicationRecord revoker(AnjianUser user, UUID id) {
        ApplicationRecord r = get(user, id);
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "standardization.forbidden", "revocation is decided by the district");
        }
        return r;
    }

    private ApplicationRecord step(ApplicationRecord before, String action, java.util.function.Consumer<GradeApplication> change) {
        Map<String, Object> beforeView = view(before);
        GradeApplication a = before.application();
        try {
            change.accept(a);
        } catch (StandardizationViolation v) {
            throw DomainException.conflict(v.reason(), v.getMessage(), v.args());
        }
        try {
            repository.save(a, before.version(), now());
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("standardization.concurrent", e.getMessage());
        }
        ApplicationRecord after = repository.find(a.id()).orElseThrow();
        audit.record(action, "standardization_application", a.id(), beforeView, view(after));
        return after;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, Object> view(ApplicationRecord r) {
        GradeApplication a = r.application();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", a.enterpriseId());
        m.put("enterpriseName", r.enterpriseName());
        m.put("level", a.level().name());
        m.put("reviewingLevel", a.reviewingLevel().name());
        m.put("selfScore", a.selfScore());
        m.put("state", a.state().name());
        m.put("onsiteInspectionId", a.onsiteInspectionId());
        m.put("onsiteScore", a.onsiteScore());
        m.put("decidedOn", a.decidedOn());
        m.put("authority", a.authority());
        m.put("documentNo", a.documentNo());
        m.put("validUntil", a.validUntil());
        m.put("revocationProposedOn", a.revocationProposedOn());
        m.put("revocationReason", a.revocationReason());
        m.put("revokedOn", a.revokedOn());
        return m;
    }
}
