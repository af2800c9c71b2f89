package org.anjian.risk.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.ScopeConditions;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.ControlMeasureType;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskLevel;
import org.anjian.risk.RiskPointKind;
import org.anjian.risk.RiskProperties;
import org.anjian.risk.domain.Assessment;
import org.anjian.risk.domain.ControlLevels;
import org.anjian.risk.domain.ControlMeasure;
import org.anjian.risk.domain.LecAssessment;
import org.anjian.risk.domain.RiskMatrix;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk points and posts: who may see and change which, with field-by-field Chinese errors and every
 * write audited in the same transaction. A record outside the caller's scope does not exist for
 * them (404); the auditor reads but never writes (403); the system and security administrators see
 * no business data (403).
 */
@Service
@Transactional
public class RiskService {

    /** Everybody who works with business data reads risk points, within their scope. */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AGENCY_USER, Role.EXPERT, Role.AUDITOR};
    /**
     * Identifying and assessing risks is the enterprise's own duty (主体责任); its trusteeship agency
     * does it on its behalf, and regulators and experts correct what they find wrong.
     */
    static final Role[] WRITERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AGENCY_USER, Role.EXPERT};

    static final int MAX_ITEMS = 50;
    static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,32}");

    private final RiskRepository repository;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final ScopeConditions scopes;
    private final RiskMatrix matrix;

    RiskService(RiskRepository repository, EnterpriseLookup enterprises, OrganizationDirectory organization, AuditTrail audit,
                RiskProperties properties, ScopeConditions scopes) {
        this.scopes = scopes;
        this.repository = repository;
        this.enterprises = enterprises;
        this.organization = organization;
        this.audit = audit;
        this.matrix = new RiskMatrix(properties.lsLowMax(), properties.lsGeneralMax(), properties.lsHighMax());
    }

    public record MeasureInput(ControlMeasureType type, String description) {
    }

    /** A risk point as entered: the method and its factors, never the level. */
    public record RiskPointInput(UUID enterpriseId, String unitName, String name, RiskPointKind kind, UUID postId,
                                 List<String> hazardousFactors, List<String> possibleAccidents, AssessmentMethod method,
                                 @jakarta.validation.constraints.DecimalMax("999.9") BigDecimal l,
                                 @jakarta.validation.constraints.DecimalMax("999.9") BigDecimal e,
                                 @jakarta.validation.constraints.DecimalMax("9999.9") BigDecimal c, Integer likelihood, Integer severity,
                                 List<MeasureInput> controlMeasures, ResponsibleLevel responsibleLevel, String responsiblePerson,
                                 String responsiblePhone) {
    }

    public record PostInput(UUID enterpriseId, String name, String workshop, List<String> duties, List<String> operationSteps,
                            List<String> prohibitions, List<String> emergencyMeasures, List<String> emergencyContacts) {
    }

    public RiskMatrix matrix() {
        return matrix;
    }

    // ---- access ----------------------------------------------------------------------------------------------

    static void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "risk.forbidden", "this role sees no risk data");
        }
    }

    static void requireWriter(AnjianUser user) {
        if (!user.hasAnyRole(WRITERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "risk.readOnly", "this role reads risk data only");
        }
    }

    public static boolean canWrite(AnjianUser user) {
        return user.hasAnyRole(WRITERS);
    }

    public ScopeConditions.Condition scopeCondition(DataScope scope) {
        return scopes.of(scope, "p");
    }

    /** The enterprise if the user may see it; otherwise it does not exist for them. */
    @Transactional(readOnly = true)
    public EnterpriseSummary enterprise(AnjianUser user, UUID enterpriseId) {
        requireReader(user);
        return enterprises.find(enterpriseId).filter(e -> enterprises.inScope(user.scope(), e.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
    }

    /** The enterprise a new point or post is for, if the user may see it; otherwise a field error, reported with the others. */
    private Optional<EnterpriseSummary> enterpriseInScope(AnjianUser user, UUID enterpriseId, List<FieldError> errors) {
        Optional<EnterpriseSummary> enterprise = enterpriseId == null ? Optional.empty()
                : enterprises.find(enterpriseId).filter(e -> enterprises.inScope(user.scope(), e.id()));
        if (enterprise.isEmpty()) {
            errors.add(new FieldError("enterpriseId", "risk.enterprise.unknown", "企业不存在或不在您的数据范围内"));
        }
        return enterprise;
    }

    // ---- risk points ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<RiskPointRecord> search(AnjianUser user, RiskRepository.Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(filter, scopeCondition(user.scope()), page);
    }

    @Transactional(readOnly = true)
    public RiskPointRecord get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id).filter(r -> enterprises.inScope(user.scope(), r.enterpriseId()))
                .orElseThrow(() -> DomainException.notFound("risk point"));
    }

    @Transactional(readOnly = true)
    public List<RiskPointRecord> pointsOfEnterprise(AnjianUser user, UUID enterpriseId) {
        enterprise(user, enterpriseId);
        return repository.pointsOfEnterprise(enterpriseId);
    }

    public RiskPointRecord create(AnjianUser user, RiskPointInput in) {
        requireWriter(user);
        List<FieldError> errors = new ArrayList<>();
        Optional<EnterpriseSummary> enterprise = enterpriseInScope(user, in.enterpriseId(), errors);
        RiskPointRecord r = validated(UUID.randomUUID(), enterprise.orElse(null), in, errors);
        return insert(r);
    }

    /** Used by the demo generator, which acts for no user; still validated and audited. */
    RiskPointRecord createFor(EnterpriseSummary enterprise, RiskPointInput in) {
        return insert(validated(UUID.randomUUID(), enterprise, in, new ArrayList<>()));
    }

    private RiskPointRecord insert(RiskPointRecord r) {
        repository.insert(r);
        RiskPointRecord saved = repository.find(r.id()).orElseThrow();
        audit.record("RISK_POINT_CREATED", "risk_point", saved.id(), null, view(saved));
        return saved;
    }

    public RiskPointRecord update(AnjianUser user, UUID id, RiskPointInput in) {
        RiskPointRecord before = get(user, id);
        requireWriter(user);
        if (before.retired()) {
            throw DomainException.conflict("risk.point.retired", "a retired risk point is not changed");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.enterpriseId() != null && !in.enterpriseId().equals(before.enterpriseId())) {
            errors.add(new FieldError("enterpriseId", "risk.enterprise.fixed", "风险点不能移到另一家企业"));
        }
        EnterpriseSummary enterprise = enterprises.find(before.enterpriseId()).orElseThrow(() -> DomainException.notFound("enterprise"));
        RiskPointRecord changed = validated(id, enterprise, in, errors);
        if (!repository.update(changed, before.version())) {
            throw DomainException.conflict("risk.concurrent", "changed by someone else");
        }
        RiskPointRecord after = repository.find(id).orElseThrow();
        audit.record("RISK_POINT_UPDATED", "risk_point", id, view(before), view(after));
        return after;
    }

    /** Deleting marks the point retired: the register keeps what was assessed and controlled, and when. */
    public RiskPointRecord retire(AnjianUser user, UUID id) {
        RiskPointRecord before = get(user, id);
        requireWriter(user);
        if (before.retired()) {
            return before;
        }
        if (!repository.retire(id, before.version())) {
            throw DomainException.conflict("risk.concurrent", "changed by someone else");
        }
        RiskPointRecord after = repository.find(id).orElseThrow();
        audit.record("RISK_POINT_RETIRED", "risk_point", id, view(before), view(after));
        return after;
    }

    private RiskPointRecord validated(UUID id, EnterpriseSummary enterprise, RiskPointInput in, List<FieldError> errors) {
        text(errors, "unitName", in.unitName(), 100);
        text(errors, "name", in.name(), 200);
        if (in.kind() == null) {
            errors.add(new FieldError("kind", "risk.kind.required", "请选择风险点类型"));
        }
        if (in.postId() != null) {
            Optional<PostRecord> post = repository.findPost(in.postId());
            if (post.isEmpty() || post.get().retired() || enterprise == null || !post.get().enterpriseId().equals(enterprise.id())) {
                errors.add(new FieldError("postId", "risk.post.unknown", "岗位不存在或不属于该企业"));
            }
        } else if (in.kind() == RiskPointKind.POST) {
            errors.add(new FieldError("postId", "risk.post.required", "岗位类风险点须选择岗位"));
        }
        List<String> factors = items(errors, "hazardousFactors", in.hazardousFactors(), 200);
        if (factors.isEmpty() && errors.stream().noneMatch(f -> f.field().equals("hazardousFactors"))) {
            errors.add(new FieldError("hazardousFactors", "risk.factors.required", "请至少填写一项危险有害因素"));
        }
        List<String> accidents = items(errors, "possibleAccidents", in.possibleAccidents(), 100);
        Assessment assessment = assess(in, errors);
        List<ControlMeasure> measures = measures(in.controlMeasures(), errors);
        if (in.responsibleLevel() == null) {
            errors.add(new FieldError("responsibleLevel", "risk.responsibleLevel.required", "请选择管控层级"));
        } else if (assessment != null && !ControlLevels.allows(assessment.level(), in.responsibleLevel())) {
            errors.add(new FieldError("responsibleLevel", "risk.responsibleLevel.tooLow." + assessment.level(), "管控层级低于该风险等级的要求"));
        }
        if (assessment != null && assessment.level() == RiskLevel.MAJOR && !measures.isEmpty()
                && measures.stream().noneMatch(m -> m.type() == ControlMeasureType.EMERGENCY)) {
            errors.add(new FieldError("controlMeasures", "risk.measures.emergency", "重大风险须有应急处置措施"));
        }
        text(errors, "responsiblePerson", in.responsiblePerson(), 64);
        String phone = blank(in.responsiblePhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("responsiblePhone", "risk.phone.invalid", "电话号码格式不正确"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new RiskPointRecord(id, enterprise.id(), enterprise.name(), enterprise.townId(), enterprise.parkId(), enterprise.sector().name(),
                in.unitName().trim(), in.name().trim(), in.kind(), in.postId(), factors, accidents, assessment, measures,
                in.responsibleLevel(), in.responsiblePerson().trim(), phone, false, null, 0);
    }

    /** The policy of the chosen method decides the level; a factor outside its table is named field by field. */
    private Assessment assess(RiskPointInput in, List<FieldError> errors) {
        if (in.method() == null) {
            errors.add(new FieldError("method", "risk.method.required", "请选择评价方法（LEC 或 LS）"));
            return null;
        }
        if (in.method() == AssessmentMethod.LEC) {
            List<String> invalid = LecAssessment.invalidFactors(in.l(), in.e(), in.c());
            invalid.forEach(f -> errors.add(new FieldError(f, "risk.lec.invalid." + f, "不是标准取值")));
            if (in.likelihood() != null || in.severity() != null) {
                errors.add(new FieldError("method", "risk.method.mixed", "LEC 法只填 L、E、C"));
            }
            return invalid.isEmpty() ? Assessment.lec(in.l(), in.e(), in.c()) : null;
        }
        boolean ok = true;
        if (in.likelihood() == null || !RiskMatrix.inRange(in.likelihood())) {
            errors.add(new FieldError("likelihood", "risk.ls.range", "取值 1–5"));
            ok = false;
        }
        if (in.severity() == null || !RiskMatrix.inRange(in.severity())) {
            errors.add(new FieldError("severity", "risk.ls.range", "取值 1–5"));
            ok = false;
        }
        if (in.l() != null || in.e() != null || in.c() != null) {
            errors.add(new FieldError("method", "risk.method.mixed", "LS 法只填可能性和严重性"));
        }
        return ok ? Assessment.ls(in.likelihood(), in.severity(), matrix) : null;
    }

    private static List<ControlMeasure> measures(List<MeasureInput> in, List<FieldError> errors) {
        if (in == null || in.isEmpty()) {
            errors.add(new FieldError("controlMeasures", "risk.measures.required", "请至少填写一项管控措施"));
            return List.of();
        }
        if (in.size() > MAX_ITEMS) {
            errors.add(new FieldError("controlMeasures", "risk.items.tooMany", "条目过多"));
            return List.of();
        }
        List<ControlMeasure> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            MeasureInput m = in.get(i);
            if (m == null || m.type() == null) {
                errors.add(new FieldError("controlMeasures[" + i + "].type", "risk.measure.type", "请选择措施类型"));
            }
            if (m == null || m.description() == null || m.description().isBlank()) {
                errors.add(new FieldError("controlMeasures[" + i + "].description", "shared.validation.required", "必填"));
            } else if (m.description().length() > 500) {
                errors.add(new FieldError("controlMeasures[" + i + "].description", "shared.validation.tooLong", "过长"));
            }
            if (m != null && m.type() != null && m.description() != null && !m.description().isBlank()) {
                out.add(new ControlMeasure(m.type(), m.description().trim()));
            }
        }
        return out;
    }

    // ---- posts -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<PostRecord> posts(AnjianUser user, UUID enterpriseId) {
        requireReader(user);
        return repository.posts(enterpriseId, scopeCondition(user.scope()), false);
    }

    @Transactional(readOnly = true)
    public PostRecord post(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.findPost(id).filter(p -> enterprises.inScope(user.scope(), p.enterpriseId()))
                .orElseThrow(() -> DomainException.notFound("post"));
    }

    /** The post risk list (岗位风险清单): the live risk points attached to the post. */
    @Transactional(readOnly = true)
    public List<RiskPointRecord> postRisks(AnjianUser user, UUID postId) {
        post(user, postId);
        return repository.pointsOfPost(postId);
    }

    public PostRecord createPost(AnjianUser user, PostInput in) {
        requireWriter(user);
        List<FieldError> errors = new ArrayList<>();
        Optional<EnterpriseSummary> enterprise = enterpriseInScope(user, in.enterpriseId(), errors);
        PostRecord r = validatedPost(UUID.randomUUID(), enterprise.orElse(null), in, errors);
        return insertPost(r);
    }

    PostRecord createPostFor(EnterpriseSummary enterprise, PostInput in) {
        return insertPost(validatedPost(UUID.randomUUID(), enterprise, in, new ArrayList<>()));
    }

    private PostRecord insertPost(PostRecord r) {
        repository.insertPost(r);
        PostRecord saved = repository.findPost(r.id()).orElseThrow();
        audit.record("RISK_POST_CREATED", "risk_post", saved.id(), null, saved);
        return saved;
    }

    public PostRecord updatePost(AnjianUser user, UUID id, PostInput in) {
        PostRecord before = post(user, id);
        requireWriter(user);
        if (before.retired()) {
            throw DomainException.conflict("risk.post.retired", "a retired post is not changed");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.enterpriseId() != null && !in.enterpriseId().equals(before.enterpriseId())) {
            errors.add(new FieldError("enterpriseId", "risk.enterprise.fixed", "岗位不能移到另一家企业"));
        }
        EnterpriseSummary enterprise = enterprises.find(before.enterpriseId()).orElseThrow(() -> DomainException.notFound("enterprise"));
        PostRecord changed = validatedPost(id, enterprise, in, errors);
        if (!repository.updatePost(changed, before.version())) {
            throw DomainException.conflict("risk.concurrent", "changed by someone else");
        }
        PostRecord after = repository.findPost(id).orElseThrow();
        audit.record("RISK_POST_UPDATED", "risk_post", id, before, after);
        return after;
    }

    public PostRecord retirePost(AnjianUser user, UUID id) {
        PostRecord before = post(user, id);
        requireWriter(user);
        if (before.retired()) {
            return before;
        }
        if (!repository.retirePost(id, before.version())) {
            throw DomainException.conflict("risk.concurrent", "changed by someone else");
        }
        repository.detachPoints(id);
        PostRecord after = repository.findPost(id).orElseThrow();
        audit.record("RISK_POST_RETIRED", "risk_post", id, before, after);
        return after;
    }

    private PostRecord validatedPost(UUID id, EnterpriseSummary enterprise, PostInput in, List<FieldError> errors) {
        text(errors, "name", in.name(), 100);
        String workshop = blank(in.workshop());
        if (workshop != null && workshop.length() > 100) {
            errors.add(new FieldError("workshop", "shared.validation.tooLong", "过长"));
        }
        List<String> duties = items(errors, "duties", in.duties(), 500);
        List<String> steps = items(errors, "operationSteps", in.operationSteps(), 500);
        List<String> prohibitions = items(errors, "prohibitions", in.prohibitions(), 500);
        List<String> measures = items(errors, "emergencyMeasures", in.emergencyMeasures(), 500);
        List<String> contacts = items(errors, "emergencyContacts", in.emergencyContacts(), 100);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new PostRecord(id, enterprise.id(), enterprise.name(), enterprise.townId(), enterprise.parkId(), enterprise.sector().name(),
                in.name().trim(), workshop, duties, steps, prohibitions, measures, contacts, false, null, 0);
    }

    // ---- the four-colour maps ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<RiskRepository.TownLevelCount> countsByTown(AnjianUser user) {
        requireReader(user);
        return repository.countsByTown(scopeCondition(user.scope()));
    }

    @Transactional(readOnly = true)
    public List<RiskRepository.EnterpriseRisk> enterprisesByRisk(AnjianUser user, List<UUID> regionIds, int limit) {
        requireReader(user);
        return repository.enterprisesByRisk(scopeCondition(user.scope()), regionIds, limit);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The risk point as the audit trail records it: what was assessed and how it is controlled. */
    static Map<String, Object> view(RiskPointRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", r.enterpriseId());
        m.put("unitName", r.unitName());
        m.put("name", r.name());
        m.put("kind", r.kind());
        m.put("postId", r.postId());
        m.put("hazardousFactors", r.hazardousFactors());
        m.put("method", r.assessment().method());
        m.put("score", r.assessment().score());
        m.put("level", r.assessment().level());
        m.put("controlMeasures", r.controlMeasures());
        m.put("responsibleLevel", r.responsibleLevel());
        m.put("responsiblePerson", r.responsiblePerson());
        m.put("retired", r.retired());
        return m;
    }

    private static List<String> items(List<FieldError> errors, String field, List<String> in, int maxLength) {
        if (in == null) {
            return List.of();
        }
        if (in.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "risk.items.tooMany", "条目过多"));
            return List.of();
        }
        List<String> out = in.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (out.stream().anyMatch(s -> s.length() > maxLength)) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "过长"));
        }
        return out;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "shared.validation.required", "必填"));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "过长"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
