package org.anjian.hazard.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardClosed;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardManagement;
import org.anjian.hazard.HazardRegistered;
import org.anjian.hazard.HazardSource;
import org.anjian.hazard.HazardState;
import org.anjian.hazard.domain.Actor;
import org.anjian.hazard.domain.DualReport;
import org.anjian.hazard.domain.FiveAssurances;
import org.anjian.hazard.domain.Hazard;
import org.anjian.hazard.domain.HazardRuleViolation;
import org.anjian.hazard.domain.ListedSupervision;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard register: who may see and move which hazard, with every step audited and recorded in
 * the hazard's own history. A hazard outside the caller's scope does not exist for them (404); a
 * step the rules refuse answers 409 with the reason.
 */
@Service
@Transactional
public class HazardService implements HazardManagement {

    static final List<Role> REGULATORS = List.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.EXPERT);
    /** The system and security administrators keep the platform, not its business records (三员分立). */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AGENCY_USER, Role.EXPERT, Role.AUDITOR};
    /** Who may act on a hazard in their scope: every reader but the auditor, who reads only. */
    static final Role[] ACTORS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AGENCY_USER, Role.EXPERT};
    static final int MAX_DEADLINE_DAYS = 366;

    private final HazardRepository repository;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MajorHazardCriteria criteria;
    private final ScopeConditions scopes;
    private final ZoneId zone;

    HazardService(HazardRepository repository, EnterpriseLookup enterprises, OrganizationDirectory organization, AuditTrail audit,
                  ApplicationEventPublisher events, Clock clock, MajorHazardCriteria criteria, ScopeConditions scopes, DistrictProperties district) {
        this.zone = district.zone();
        this.scopes = scopes;
        this.criteria = criteria;
        this.repository = repository;
        this.enterprises = enterprises;
        this.organization = organization;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A hazard as reported on the page or the API. */
    public record NewHazard(UUID enterpriseId, String place, String description, String category, HazardGrade grade, String criterionCode,
                            LocalDate deadline, Double latitude, Double longitude) {
    }

    /** What a step carries; only the fields of that step are read. */
    /** {@code funds} in yuan: the column is numeric(14, 2). */
    public record StepInput(String plan, String responsiblePerson, String measures,
                            @jakarta.validation.constraints.DecimalMax("999999999999.99") BigDecimal funds, LocalDate assuranceDeadline,
                            String contingencyPlan, LocalDate reportedToRegulatorOn, LocalDate reportedToWorkforceOn, String note,
                            ListedSupervision.Level level, String supervisor, LocalDate supervisionDeadline) {
        public static StepInput empty() {
            return new StepInput(null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public PageResult<HazardRecord> search(AnjianUser user, HazardRepository.Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(filter, scopeCondition(user.scope()), page);
    }

    /** Refuses users whose roles keep the platform rather than its records. */
    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    @Transactional(readOnly = true)
    public HazardRecord get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id).filter(r -> canRead(user.scope(), r)).orElseThrow(() -> DomainException.notFound("hazard"));
    }

    /** The loop's steps of a hazard already read with {@link #get}. */
    @Transactional(readOnly = true)
    public List<HazardRepository.Step> steps(HazardRecord r) {
        return repository.steps(r.hazard().id());
    }

    /** The photos (without their bytes) of a hazard already read with {@link #get}. */
    @Transactional(readOnly = true)
    public List<HazardRepository.PhotoInfo> photos(HazardRecord r) {
        return repository.photos(r.hazard().id());
    }

    /** One photo of a hazard the user may see; either unknown → 404. */
    @Transactional(readOnly = true)
    public HazardRepository.Photo photo(AnjianUser user, UUID id, UUID photoId) {
        get(user, id);
        return repository.photo(id, photoId).orElseThrow(() -> DomainException.notFound("photo"));
    }

    public HazardRecord report(AnjianUser user, NewHazard n) {
        List<FieldError> errors = new ArrayList<>();
        if (n.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "shared.validation.required", "必填");
        }
        // an enterprise outside the caller's scope does not exist for them
        Optional<EnterpriseSummary> enterprise = Optional.of(enterprises.find(n.enterpriseId())
                .filter(e -> enterprises.inScope(user.scope(), e.id())).orElseThrow(() -> DomainException.notFound("enterprise")));
        text(errors, "place", n.place(), 200);
        text(errors, "description", n.description(), 2000);
        String criterionCode = blank(n.criterionCode());
        if (criterionCode != null && criteria.criterion(criterionCode).isEmpty()) {
            errors.add(new FieldError("criterionCode", "hazard.criterion.unknown", "判定标准条目不存在"));
        }
        if (n.grade() == null && criterionCode == null) {
            errors.add(new FieldError("grade", "hazard.grade.required", "请选择隐患等级"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (n.deadline() == null || n.deadline().isBefore(today) || n.deadline().isAfter(today.plusDays(MAX_DEADLINE_DAYS))) {
            errors.add(new FieldError("deadline", "hazard.deadline.range", "整改期限须在今天到一年之内"));
        }
        if ((n.latitude() == null) != (n.longitude() == null)
                || (n.latitude() != null && (Math.abs(n.latitude()) > 90 || Math.abs(n.longitude()) > 180))) {
            errors.add(new FieldError("latitude", "hazard.location.invalid", "位置坐标无效"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        HazardSource source = sourceFor(user);
        Instant deadline = n.deadline().plusDays(1).atStartOfDay(zone).toInstant();
        // an item of the official criteria is by definition a major hazard, whatever grade was picked
        HazardGrade grade = criterionCode != null ? HazardGrade.MAJOR : n.grade();
        return register(enterprise.get(), source, null, grade, n.place().trim(), n.description().trim(), blank(n.category()),
                criterionCode, user.id(), user.displayName(), n.latitude(), n.longitude(), now, deadline);
    }

    @Override
    public UUID registerFrom(HazardSource source, String sourceRef, UUID enterpriseId, HazardGrade grade, String place,
                             String description, String criterionCode, String finderName, Instant deadline) {
        Optional<UUID> existing = repository.findBySource(source, sourceRef);
        if (existing.isPresent()) {
            return existing.get();
        }
        EnterpriseSummary enterprise = enterprises.find(enterpriseId).orElseThrow(() -> DomainException.notFound("enterprise"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (criterionCode != null && criteria.criterion(criterionCode).isPresent()) {
            grade = HazardGrade.MAJOR;
        }
        return register(enterprise, source, sourceRef, grade, place, description, null, criterionCode, null, finderName, null, null, now,
                deadline.isBefore(now) ? now : deadline).hazard().id();
    }

    private HazardRecord register(EnterpriseSummary e, HazardSource source, String sourceRef, HazardGrade grade, String place,
                                  String description, String category, String criterionCode, UUID finderId, String finderName,
                                  Double lat, Double lon, Instant now, Instant deadline) {
        boolean hadReported = grade == HazardGrade.MAJOR && repository.openSelfReportedMajor(e.id(), criterionCode);
        Hazard h = Hazard.found(UUID.randomUUID(), e.id(), grade, source, hadReported, deadline);
        HazardRecord r = new HazardRecord(h, e.name(), e.townId(), e.parkId(), e.sector().name(), place, description, category, sourceRef,
                criterionCode, finderId, finderName, lat, lon, now, 0);
        repository.insert(r);
        repository.addStep(h.id(), "report", null, h.state(), finderId, finderName, now, null);
        audit.record("HAZARD_REPORTED", "hazard", h.id(), null, view(r));
        events.publishEvent(new HazardRegistered(h.id(), e.id(), grade, source, sourceRef, h.selfReported(), h.unreported(), deadline,
                repository.countOpenMajor(e.id())));
        return r;
    }

    /** Applies one step of the loop, named as on the API. */
    public HazardRecord step(AnjianUser user, UUID id, String action, StepInput in) {
        HazardRecord before = get(user, id);
        if (user.hasRole(Role.AUDITOR) && !user.hasAnyRole(REGULATORS.toArray(Role[]::new))) {
            throw new DomainException(HttpStatus.FORBIDDEN, "hazard.readOnly", "auditors read only");
        }
        // 托管不卸责 (SVC-1): the enterprise stays the owner of its hazards; its service agency helps rectify
        // but neither verifies, closes nor lists them
        if (user.hasRole(Role.AGENCY_USER) && !user.hasAnyRole(REGULATORS.toArray(Role[]::new)) && !user.hasRole(Role.ENTERPRISE_USER)
                && List.of("verify", "close", "list-supervision").contains(action)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "hazard.agency.notOwner", "the enterprise, not its service agency, verifies and closes");
        }
        Hazard h = before.hazard();
        HazardState from = h.state();
        Map<String, Object> beforeView = view(before);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Actor actor = new Actor(user.id(), user.displayName(), user.hasAnyRole(REGULATORS.toArray(Role[]::new)));
        StepInput input = in == null ? StepInput.empty() : in;
        try {
            switch (action) {
                case "plan" -> h.plan(input.plan(), assurances(input, h), report(input, h));
                case "start" -> h.start();
                case "complete" -> h.complete(actor, now);
                case "verify" -> h.verify(actor, now);
                case "reject" -> {
                    if (blank(input.note()) == null) {
                        throw DomainException.invalid("note", "hazard.reject.reason", "请说明不通过的原因");
                    }
                    h.reject(actor);
                }
                case "close" -> {
                    if (h.isMajor() && !actor.regulatorOrExpert()) {
                        throw new HazardRuleViolation("hazard.close.major", "a major hazard is closed by the regulator");
                    }
                    h.close(now);
                }
                case "list-supervision" -> {
                    if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL)) {
                        throw new DomainException(HttpStatus.FORBIDDEN, "hazard.supervision.forbidden", "only the district or a town lists supervision");
                    }
                    ListedSupervision.Level level = input.level();
                    if (user.hasRole(Role.TOWN_OFFICIAL) && !user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
                        level = ListedSupervision.Level.TOWN;
                    }
                    h.listSupervision(new ListedSupervision(level, blank(input.supervisor()), input.supervisionDeadline()));
                }
                default -> throw DomainException.notFound("action " + action);
            }
        } catch (HazardRuleViolation v) {
            throw DomainException.conflict(v.reason(), v.getMessage());
        }
        try {
            repository.saveState(h, before.version());
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("hazard.concurrent", e.getMessage());
        }
        repository.addStep(id, action, from, h.state(), user.id(), user.displayName(), now, blank(input.note()));
        HazardRecord after = repository.find(id).orElseThrow();
        audit.record("HAZARD_" + action.toUpperCase().replace('-', '_'), "hazard", id, beforeView, view(after));
        if (h.state() == HazardState.CLOSED) {
            events.publishEvent(new HazardClosed(id, h.enterpriseId(), h.grade(), h.source(), before.sourceRef(), now,
                    !now.isAfter(h.deadline()), repository.countOpenMajor(h.enterpriseId())));
        }
        return after;
    }

    /** A photo from someone who may act on the hazard, in their scope, while it is open. */
    public UUID addPhoto(AnjianUser user, UUID id, String stage, String contentType, byte[] data) {
        HazardRecord r = get(user, id);
        if (!user.hasAnyRole(ACTORS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "hazard.readOnly", "this role reads hazards only");
        }
        try {
            r.hazard().acceptEvidence();
        } catch (HazardRuleViolation v) {
            throw DomainException.conflict(v.reason(), v.getMessage());
        }
        UUID photoId = UUID.randomUUID();
        repository.addPhoto(photoId, id, stage, contentType, data, user.displayName(), clock.instant());
        audit.record("HAZARD_PHOTO_ADDED", "hazard", r.hazard().id(), null, Map.of("photoId", photoId, "stage", stage, "bytes", data.length));
        return photoId;
    }

    private static FiveAssurances assurances(StepInput in, Hazard h) {
        if (in.responsiblePerson() == null && in.measures() == null && in.funds() == null && in.assuranceDeadline() == null
                && in.contingencyPlan() == null) {
            return null;
        }
        FiveAssurances old = h.fiveAssurances();
        return new FiveAssurances(or(in.responsiblePerson(), old.responsiblePerson()), or(in.measures(), old.measures()),
                in.funds() != null ? in.funds() : old.funds(), in.assuranceDeadline() != null ? in.assuranceDeadline() : old.deadline(),
                or(in.contingencyPlan(), old.contingencyPlan()));
    }

    private static DualReport report(StepInput in, Hazard h) {
        if (in.reportedToRegulatorOn() == null && in.reportedToWorkforceOn() == null) {
            return null;
        }
        DualReport old = h.dualReport();
        return new DualReport(in.reportedToRegulatorOn() != null ? in.reportedToRegulatorOn() : old.toRegulatorOn(),
                in.reportedToWorkforceOn() != null ? in.reportedToWorkforceOn() : old.toWorkforceOn());
    }

    private static HazardSource sourceFor(AnjianUser user) {
        if (user.hasRole(Role.ENTERPRISE_USER)) {
            return HazardSource.SELF_CHECK;
        }
        if (user.hasRole(Role.AGENCY_USER)) {
            return HazardSource.SERVICE_AGENCY;
        }
        if (user.hasRole(Role.EXPERT) && !user.hasAnyRole(Role.INSPECTOR, Role.DISTRICT_ADMIN)) {
            return HazardSource.EXPERT;
        }
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL)) {
            return HazardSource.INSPECTION;
        }
        throw new DomainException(HttpStatus.FORBIDDEN, "hazard.report.forbidden", "this role does not report hazards");
    }

    public ScopeConditions.Condition scopeCondition(DataScope scope) {
        return scopeCondition(scope, "h");
    }

    /**
     * The scope as a condition on a table of this module that carries the enterprise's id, town,
     * park and sector (hazards as {@code h}, check tasks as {@code t}).
     */
    public ScopeConditions.Condition scopeCondition(DataScope scope, String alias) {
        return scopes.of(scope, alias);
    }

    private boolean canRead(DataScope scope, HazardRecord r) {
        return enterprises.inScope(scope, r.hazard().enterpriseId());
    }

    /** The hazard as the audit trail records it. */
    static Map<String, Object> view(HazardRecord r) {
        Hazard h = r.hazard();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", h.enterpriseId());
        m.put("grade", h.grade());
        m.put("source", h.source());
        m.put("state", h.state());
        m.put("place", r.place());
        m.put("description", r.description());
        m.put("deadline", h.deadline());
        m.put("plan", h.plan());
        m.put("fiveAssurancesComplete", h.fiveAssurances().complete());
        m.put("dualReportComplete", h.dualReport().complete());
        m.put("selfReported", h.selfReported());
        m.put("unreported", h.unreported());
        m.put("rejections", h.rejections());
        if (h.listedSupervision() != null) {
            m.put("listedSupervision", h.listedSupervision());
        }
        return m;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "shared.validation.required", "必填"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "过长"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
