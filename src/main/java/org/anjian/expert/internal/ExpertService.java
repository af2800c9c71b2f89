package org.anjian.expert.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.expert.ExpertStatus;
import org.anjian.expert.Field;
import org.anjian.expert.ServiceKind;
import org.anjian.expert.domain.EvaluationResult;
import org.anjian.expert.domain.EvaluationRules;
import org.anjian.identity.UserDirectory;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert pool and its record (ENF-10). The district keeps the pool, records services and
 * decides on evaluations; inspectors and auditors read it; an expert reads their own record and
 * keeps their own phone number current. Inspectors see phone numbers (they call the experts);
 * auditors see them masked. Every change is audited.
 */
@Service
@Transactional
public class ExpertService {

    /** A certificate this close to its end shows a warning badge. */
    public static final int EXPIRY_WARNING_DAYS = 30;
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR};

    private final ExpertRepository repository;
    private final UserDirectory users;
    private final EnterpriseLookup enterprises;
    private final AuditTrail audit;
    private final ExpertProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    ExpertService(ExpertRepository repository, UserDirectory users, EnterpriseLookup enterprises, AuditTrail audit, ExpertProperties properties,
                  Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
        this.users = users;
        this.enterprises = enterprises;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public record ExpertForm(String name, UUID userId, List<Field> fields, String title, List<Expert.Qualification> qualifications,
                             String employerName, UUID employerEnterpriseId, String phone, ExpertStatus status, Integer version) {
    }

    public record ContactForm(String phone) {
    }

    public record ExpertView(UUID id, String name, UUID userId, List<Field> fields, String title, List<Expert.Qualification> qualifications,
                             boolean qualified, LocalDate qualifiedUntil, boolean expiringSoon, String employerName, UUID employerEnterpriseId,
                             String phone, boolean phoneMasked, ExpertStatus status, boolean selectable, long servicesThisYear, int version) {
    }

    public record ServiceForm(ServiceKind kind, LocalDate date, UUID enterpriseId, String reference,
                              @jakarta.validation.constraints.DecimalMax("99999.9") BigDecimal hours, String summary) {
    }

    public record ServiceUpdate(@jakarta.validation.constraints.DecimalMax("99999.9") BigDecimal hours, String summary) {
    }

    public record RatingForm(Integer quality, Integer professionalism, Integer timeliness, String comment) {
    }

    public record ServiceView(UUID id, UUID expertId, ServiceKind kind, LocalDate date, UUID enterpriseId, String enterpriseName, String reference,
                              BigDecimal hours, String summary, String recordedBy, Instant recordedAt, ServiceRecord.Rating rating) {
    }

    public record Evaluation(UUID expertId, String name, ExpertStatus status, int year, long services, BigDecimal hours, long ratedServices,
                             BigDecimal average, BigDecimal quality, BigDecimal professionalism, BigDecimal timeliness, int lowestStar,
                             EvaluationResult result, ExpertRepository.Suspension suspension) {
    }

    public record SuspensionForm(Integer year, String reason) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // --- access

    public static boolean isReader(AnjianUser user) {
        return user.hasAnyRole(READERS);
    }

    public void requireReader(AnjianUser user) {
        if (!isReader(user)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden", "only the district, inspectors and auditors read the expert pool");
        }
    }

    private static void requireDistrict(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.district", "the district keeps the expert pool");
        }
    }

    /** The expert as this user may read it: readers any, an expert only their own record. */
    private Expert readable(AnjianUser user, UUID id) {
        if (!isReader(user) && !user.hasRole(Role.EXPERT)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden", "forbidden");
        }
        Expert e = repository.find(id, today().getYear()).orElseThrow(() -> DomainException.notFound("expert"));
        if (!isReader(user) && !user.id().equals(e.userId())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.own", "an expert reads their own record only");
        }
        return e;
    }

    /** The district and inspectors call experts; the expert sees their own number; everybody else a masked one. */
    static boolean seesPhone(AnjianUser user, Expert e) {
        return user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR) || user.id().equals(e.userId());
    }

    static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.trim();
        return digits.length() < 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    ExpertView view(AnjianUser user, Expert e) {
        LocalDate today = today();
        LocalDate until = e.qualifiedUntil();
        boolean qualified = e.qualifiedOn(today);
        boolean full = user == null || seesPhone(user, e);
        List<Field> fields = e.fields().stream().sorted().toList();
        return new ExpertView(e.id(), e.name(), e.userId(), fields, e.title(), e.qualifications(), qualified, until,
                qualified && until != null && until.isBefore(today.plusDays(EXPIRY_WARNING_DAYS)), e.employerName(), e.employerEnterpriseId(),
                full ? e.phone() : mask(e.phone()), !full, e.status(), e.selectableOn(today), e.servicesThisYear(), e.version());
    }

    // --- the pool

    @Transactional(readOnly = true)
    public PageResult<ExpertView> list(AnjianUser user, ExpertRepository.Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(filter, today(), page).map(e -> view(user, e));
    }

    @Transactional(readOnly = true)
    public void forEach(AnjianUser user, ExpertRepository.Filter filter, java.util.function.Consumer<ExpertView> each) {
        requireReader(user);
        repository.forEach(filter, today(), e -> each.accept(view(user, e)));
    }

    @Transactional(readOnly = true)
    public ExpertView get(AnjianUser user, UUID id) {
        return view(user, readable(user, id));
    }

    /** The signed-in expert's own record. */
    @Transactional(readOnly = true)
    public ExpertView me(AnjianUser user) {
        return repository.findByUser(user.id(), today().getYear()).map(e -> view(user, e))
                .orElseThrow(() -> DomainException.notFound("expert"));
    }

    public ExpertView create(AnjianUser user, ExpertForm form) {
        requireDistrict(user);
        Expert e = validate(form, UUID.randomUUID(), 0);
        repository.insert(e, clock.instant());
        ExpertView v = view(null, e);
        audit.record("EXPERT_CREATED", "expert", e.id(), null, v);
        return view(user, repository.find(e.id(), today().getYear()).orElseThrow());
    }

    public ExpertView update(AnjianUser user, UUID id, ExpertForm form) {
        requireDistrict(user);
        Expert before = repository.find(id, today().getYear()).orElseThrow(() -> DomainException.notFound("expert"));
        Expert e = validate(form, id, form.version() == null ? before.version() : form.version());
        repository.update(e, clock.instant());
        audit.record("EXPERT_UPDATED", "expert", id, view(null, before), view(null, e));
        return view(user, repository.find(id, today().getYear()).orElseThrow());
    }

    /** An expert keeps their own phone number current; the district may too. */
    public ExpertView updateContact(AnjianUser user, UUID id, ContactForm form) {
        Expert before = readable(user, id);
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !user.id().equals(before.userId())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.own", "an expert changes their own contact only");
        }
        String phone = phone(form == null ? null : form.phone(), new ArrayList<>(), true);
        Expert e = new Expert(before.id(), before.name(), before.userId(), before.fields(), before.title(), before.qualifications(),
                before.employerName(), before.employerEnterpriseId(), phone, before.status(), before.servicesThisYear(), before.version());
        repository.update(e, clock.instant());
        audit.record("EXPERT_CONTACT_UPDATED", "expert", id, Map.of("phone", String.valueOf(before.phone())), Map.of("phone", phone));
        return view(user, repository.find(id, today().getYear()).orElseThrow());
    }

    private String phone(String phone, List<FieldError> errors, boolean raise) {
        String p = blank(phone);
        if (p != null && (p.length() > 30 || !p.matches("[0-9+\\- ()]{5,30}"))) {
            errors.add(new FieldError("phone", "expert.phone.invalid", "电话号码格式不正确"));
        }
        if (raise && !errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return p;
    }

    /** Checks a form; a refusal does not spoil the caller's transaction (the import goes on with the next row). */
    @Transactional(noRollbackFor = DomainException.class)
    public Expert validate(ExpertForm f, UUID id, int version) {
        List<FieldError> errors = new ArrayList<>();
        String name = blank(f.name());
        if (name == null || name.length() > 50) {
            errors.add(new FieldError("name", "expert.name.required", "请填写姓名（50 字以内）"));
        }
        if (f.fields() == null || f.fields().isEmpty() || f.fields().stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("fields", "expert.fields.required", "请至少选择一个专业领域"));
        }
        if (blank(f.title()) != null && f.title().trim().length() > 50) {
            errors.add(new FieldError("title", "expert.title.tooLong", "职称 50 字以内"));
        }
        if (blank(f.employerName()) != null && f.employerName().trim().length() > 200) {
            errors.add(new FieldError("employerName", "expert.employer.tooLong", "工作单位 200 字以内"));
        }
        List<Expert.Qualification> qualifications = new ArrayList<>();
        if (f.qualifications() != null) {
            for (Expert.Qualification q : f.qualifications()) {
                if (q == null || blank(q.kind()) == null || blank(q.number()) == null || q.validUntil() == null
                        || q.kind().trim().length() > 100 || q.number().trim().length() > 100) {
                    errors.add(new FieldError("qualifications", "expert.qualification.incomplete", "证书须填写类别、编号和有效期"));
                    break;
                }
                qualifications.add(new Expert.Qualification(q.kind().trim(), q.number().trim(), q.validUntil()));
            }
        }
        if (f.employerEnterpriseId() != null && enterprises.find(f.employerEnterpriseId()).isEmpty()) {
            errors.add(new FieldError("employerEnterpriseId", "expert.employer.unknown", "工作单位不是已登记的企业"));
        }
        if (f.userId() != null && users.user(f.userId()).filter(u -> u.roles().contains(Role.EXPERT)).isEmpty()) {
            errors.add(new FieldError("userId", "expert.user.notExpert", "关联账号须为专家角色的用户"));
        }
        String phone = phone(f.phone(), errors, false);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (f.userId() != null) {
            repository.findByUser(f.userId(), today().getYear()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw DomainException.conflict("expert.user.taken", "the account is linked to another expert");
            });
        }
        String employerName = blank(f.employerName());
        if (employerName == null && f.employerEnterpriseId() != null) {
            employerName = enterprises.find(f.employerEnterpriseId()).map(EnterpriseSummary::name).orElse(null);
        }
        return new Expert(id, name, f.userId(), EnumSet.copyOf(f.fields()), blank(f.title()), qualifications, employerName, f.employerEnterpriseId(),
                phone, f.status() == null ? ExpertStatus.ACTIVE : f.status(), 0, version);
    }

    // --- services

    ServiceView view(ServiceRecord s) {
        String enterpriseName = s.enterpriseId() == null ? null : enterprises.find(s.enterpriseId()).map(EnterpriseSummary::name).orElse(null);
        return new ServiceView(s.id(), s.expertId(), s.kind(), s.date(), s.enterpriseId(), enterpriseName, s.reference(), s.hours(), s.summary(),
                s.recordedBy(), s.recordedAt(), s.rating());
    }

    @Transactional(readOnly = true)
    public List<ServiceView> services(AnjianUser user, UUID expertId, Integer year) {
        readable(user, expertId);
        return repository.services(expertId, year).stream().map(this::view).toList();
    }

    /** The district or an inspector records a service done; the recording inspector may rate it. */
    public ServiceView recordService(AnjianUser user, UUID expertId, ServiceForm f) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.service", "the district and inspectors record services");
        }
        Expert e = repository.find(expertId, today().getYear()).orElseThrow(() -> DomainException.notFound("expert"));
        List<FieldError> errors = new ArrayList<>();
        if (f.kind() == null) {
            errors.add(new FieldError("kind", "expert.service.kind", "请选择服务类型"));
        }
        if (f.date() == null || f.date().isAfter(today())) {
            errors.add(new FieldError("date", "expert.service.date", "服务日期必填且不能晚于今天"));
        }
        hoursAndSummary(f.hours(), f.summary(), errors);
        if (f.enterpriseId() != null && enterprises.find(f.enterpriseId()).isEmpty()) {
            errors.add(new FieldError("enterpriseId", "expert.service.enterprise", "企业不存在"));
        }
        if (blank(f.reference()) != null && f.reference().trim().length() > 100) {
            errors.add(new FieldError("reference", "expert.service.referenceTooLong", "关联编号 100 字以内"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Set<UUID> raters = user.hasRole(Role.INSPECTOR) ? Set.of(user.id()) : Set.of();
        UUID id = record(e.id(), new org.anjian.expert.ExpertPool.NewService(f.kind(), f.date(), f.enterpriseId(), blank(f.reference()), f.hours(),
                blank(f.summary()), raters), user.displayName());
        return view(repository.service(id).orElseThrow());
    }

    /** Records and audits a service; the same reference is recorded once. */
    public UUID record(UUID expertId, org.anjian.expert.ExpertPool.NewService n, String recordedBy) {
        ServiceRecord s = new ServiceRecord(UUID.randomUUID(), expertId, n.kind(), n.date(), n.enterpriseId(), n.reference(), n.hours(), n.summary(),
                n.raterIds() == null ? List.of() : List.copyOf(n.raterIds()), recordedBy, clock.instant(), null);
        UUID id = repository.insertService(s);
        if (id.equals(s.id())) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("expertId", expertId);
            after.put("kind", n.kind());
            after.put("date", n.date());
            after.put("reference", String.valueOf(n.reference()));
            audit.record("EXPERT_SERVICE_RECORDED", "expert-service", id, null, after);
        }
        return id;
    }

    private static void hoursAndSummary(BigDecimal hours, String summary, List<FieldError> errors) {
        if (hours != null && (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(999)) > 0 || hours.scale() > 1)) {
            errors.add(new FieldError("hours", "expert.service.hours", "工时须在 0–999 之间，最多一位小数"));
        }
        if (summary != null && summary.length() > 4000) {
            errors.add(new FieldError("summary", "expert.service.summary", "服务情况 4000 字以内"));
        }
    }

    /** Hours and summary filled in after the service (e.g. after an inspection the expert went along on), until it is rated. */
    public ServiceView updateService(AnjianUser user, UUID serviceId, ServiceUpdate u) {
        ServiceRecord s = repository.service(serviceId).orElseThrow(() -> DomainException.notFound("expert service"));
        Expert e = repository.find(s.expertId(), today().getYear()).orElseThrow();
        boolean own = user.hasRole(Role.EXPERT) && user.id().equals(e.userId());
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !own && !(user.hasRole(Role.INSPECTOR) && s.raterIds().contains(user.id()))) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.service", "forbidden");
        }
        if (s.rating() != null) {
            throw DomainException.conflict("expert.service.rated", "a rated service is closed");
        }
        List<FieldError> errors = new ArrayList<>();
        hoursAndSummary(u.hours(), u.summary(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        repository.updateService(serviceId, u.hours(), blank(u.summary()));
        audit.record("EXPERT_SERVICE_UPDATED", "expert-service", serviceId, mapOf("hours", s.hours(), "summary", s.summary()),
                mapOf("hours", u.hours(), "summary", blank(u.summary())));
        return view(repository.service(serviceId).orElseThrow());
    }

    /**
     * Rates a service once: the district, or an inspector who led the inspection (or recorded the
     * service). An expert never rates their own service: that is a conflict, whatever their roles.
     */
    public ServiceView rate(AnjianUser user, UUID serviceId, RatingForm f) {
        ServiceRecord s = repository.service(serviceId).orElseThrow(() -> DomainException.notFound("expert service"));
        Expert e = repository.find(s.expertId(), today().getYear()).orElseThrow();
        if (user.id().equals(e.userId())) {
            throw DomainException.conflict("expert.rating.self", "an expert cannot rate their own service");
        }
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !(user.hasRole(Role.INSPECTOR) && s.raterIds().contains(user.id()))) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.rating", "the district or the inspector who led the inspection rates");
        }
        List<FieldError> errors = new ArrayList<>();
        star(errors, "quality", f.quality());
        star(errors, "professionalism", f.professionalism());
        star(errors, "timeliness", f.timeliness());
        if (f.comment() != null && f.comment().length() > 500) {
            errors.add(new FieldError("comment", "expert.rating.commentTooLong", "评价 500 字以内"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (s.rating() != null) {
            throw DomainException.conflict("expert.rating.exists", "the service is already rated");
        }
        ServiceRecord.Rating r = new ServiceRecord.Rating(f.quality(), f.professionalism(), f.timeliness(), blank(f.comment()), user.displayName(),
                clock.instant());
        if (!repository.rate(serviceId, r, user.id())) {
            throw DomainException.conflict("expert.rating.exists", "the service is already rated");
        }
        audit.record("EXPERT_SERVICE_RATED", "expert-service", serviceId, null,
                mapOf("quality", r.quality(), "professionalism", r.professionalism(), "timeliness", r.timeliness(), "comment", r.comment()));
        return view(repository.service(serviceId).orElseThrow());
    }

    private static void star(List<FieldError> errors, String field, Integer stars) {
        if (stars == null || stars < 1 || stars > 5) {
            errors.add(new FieldError(field, "expert.rating.range", "评分为 1–5 星"));
        }
    }

    // --- evaluation

    EvaluationRules rules() {
        return properties.rules();
    }

    Evaluation evaluate(Expert e, int year, ExpertRepository.YearTally t, ExpertRepository.Suspension suspension) {
        if (t == null) {
            t = new ExpertRepository.YearTally(e.id(), 0, BigDecimal.ZERO, 0, 0, 0, 0, 0);
        }
        BigDecimal average = EvaluationRules.average(t.quality() + t.professionalism() + t.timeliness(), 3 * t.rated());
        EvaluationResult result = rules().judge(t.services(), t.rated(), average, t.lowestStar());
        return new Evaluation(e.id(), e.name(), e.status(), year, t.services(), t.hours(), t.rated(), average,
                EvaluationRules.average(t.quality(), t.rated()), EvaluationRules.average(t.professionalism(), t.rated()),
                EvaluationRules.average(t.timeliness(), t.rated()), t.lowestStar(), result, suspension);
    }

    @Transactional(readOnly = true)
    public Evaluation evaluation(AnjianUser user, UUID expertId, int year) {
        Expert e = readable(user, expertId);
        return evaluate(e, year, repository.tallies(year, expertId).get(expertId), repository.suspensions(year).get(expertId));
    }

    private static final List<EvaluationResult> TABLE_ORDER = List.of(EvaluationResult.UNQUALIFIED, EvaluationResult.EXCELLENT,
            EvaluationResult.QUALIFIED, EvaluationResult.NOT_ASSESSED);

    /** The year's table: every expert of the pool, the unqualified first. */
    @Transactional(readOnly = true)
    public List<Evaluation> evaluations(AnjianUser user, int year) {
        requireReader(user);
        Map<UUID, ExpertRepository.YearTally> tallies = repository.tallies(year, null);
        Map<UUID, ExpertRepository.Suspension> suspensions = repository.suspensions(year);
        return repository.all(today().getYear()).stream().map(e -> evaluate(e, year, tallies.get(e.id()), suspensions.get(e.id())))
                .sorted(Comparator.comparingInt((Evaluation ev) -> TABLE_ORDER.indexOf(ev.result())).thenComparing(Evaluation::name)).toList();
    }

    /** The district suspends an expert whose evaluation of the year is unqualified (考核奖惩). */
    public Evaluation suspend(AnjianUser user, UUID expertId, SuspensionForm f) {
        requireDistrict(user);
        Expert e = repository.find(expertId, today().getYear()).orElseThrow(() -> DomainException.notFound("expert"));
        List<FieldError> errors = new ArrayList<>();
        if (f == null || f.year() == null || f.year() < 2000 || f.year() > today().getYear()) {
            errors.add(new FieldError("year", "expert.suspension.year", "考核年度无效"));
        }
        if (f == null || blank(f.reason()) == null || f.reason().trim().length() > 500) {
            errors.add(new FieldError("reason", "expert.suspension.reason", "请填写暂停理由（500 字以内）"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Evaluation ev = evaluate(e, f.year(), repository.tallies(f.year(), expertId).get(expertId), null);
        if (ev.result() != EvaluationResult.UNQUALIFIED) {
            throw DomainException.conflict("expert.suspension.notUnqualified", "only an unqualified expert is suspended on the evaluation");
        }
        if (!repository.insertSuspension(expertId, f.year(), ev.result().name(), f.reason().trim(), user.displayName(), clock.instant())) {
            throw DomainException.conflict("expert.suspension.exists", "the expert is already suspended for this year");
        }
        Expert suspended = new Expert(e.id(), e.name(), e.userId(), e.fields(), e.title(), e.qualifications(), e.employerName(),
                e.employerEnterpriseId(), e.phone(), ExpertStatus.SUSPENDED, e.servicesThisYear(), e.version());
        repository.update(suspended, clock.instant());
        audit.record("EXPERT_SUSPENDED", "expert", expertId, Map.of("status", e.status()),
                mapOf("status", ExpertStatus.SUSPENDED, "year", f.year(), "result", ev.result(), "average", ev.average(), "reason", f.reason().trim()));
        return evaluation(user, expertId, f.year());
    }

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
