package org.anjian.governance.internal;

import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.governance.ProblemOwnerKind;
import org.anjian.governance.ProblemState;
import org.anjian.governance.domain.Problem;
import org.anjian.governance.domain.ProblemRuleViolation;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.shared.web.Uploads;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 八张问题清单 (GOV-3): who sees and moves which problem, 举一反三, with every write audited and
 * recorded in the problem's own history. A problem outside the caller's scope does not exist for
 * them (404); a step the rules refuse answers 409 naming the state and the step.
 */
@Service
@Transactional
public class ProblemService {

    /** Everybody who works with business records but the service agencies and experts: problem lists are the government's and their owners'. */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER, Role.AUDITOR};
    /** Who puts problems on a list: the district, and towns and departments within their scope. */
    static final Role[] REGISTRARS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL};
    /** The district verifies and closes (销号). */
    static final Role[] DISTRICT = {Role.DISTRICT_ADMIN, Role.INSPECTOR};
    static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
    static final int MAX_DEADLINE_DAYS = 366;

    private final ProblemRepository repository;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ProblemService(ProblemRepository repository, EnterpriseLookup enterprises, OrganizationDirectory organization, ScopeConditions scopes,
                   AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.organization = organization;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    /** A problem as registered on the page or the API; the owner is a town, a department or an enterprise. */
    public record NewProblem(String listCode, String title, String description, ProblemOwnerKind ownerKind, UUID townId, UUID departmentId,
                             UUID enterpriseId, LocalDate deadline, UUID supervisionVisitId) {
    }

    /** What a step carries: the measures taken (submit) or the reason (reject). */
    public record StepInput(String measures, String note) {
    }

    /** 举一反三: the same check for every other town (or the chosen ones), or every other enterprise of the sector in the caller's scope. */
    public enum FollowUpTarget { OTHER_TOWNS, SAME_SECTOR }

    public record FollowUpRequest(FollowUpTarget target, List<UUID> townIds, LocalDate deadline) {
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public List<ProblemRepository.ProblemList> lists() {
        return repository.lists();
    }

    @Transactional(readOnly = true)
    public PageResult<ProblemRecord> search(AnjianUser user, ProblemRepository.Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(filter, scope(user.scope()), page);
    }

    @Transactional(readOnly = true)
    public ProblemRepository.Counts counts(AnjianUser user, ProblemRepository.Filter filter) {
        requireReader(user);
        return repository.counts(filter, scope(user.scope()));
    }

    @Transactional(readOnly = true)
    public ProblemRecord get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id, scope(user.scope())).orElseThrow(() -> DomainException.notFound("problem"));
    }

    @Transactional(readOnly = true)
    public List<ProblemRepository.Step> steps(ProblemRecord r) {
        return repository.steps(r.id());
    }

    @Transactional(readOnly = true)
    public List<ProblemRepository.EvidenceInfo> evidence(ProblemRecord r) {
        return repository.evidence(r.id());
    }

    @Transactional(readOnly = true)
    public ProblemRepository.Evidence evidence(AnjianUser user, UUID id, UUID evidenceId) {
        get(user, id);
        return repository.evidence(id, evidenceId).orElseThrow(() -> DomainException.notFound("evidence"));
    }

    /** The 举一反三 family of a problem the user may see (the origin first), as far as the user's scope reaches. */
    @Transactional(readOnly = true)
    public List<ProblemRecord> family(AnjianUser user, ProblemRecord r) {
        UUID root = r.originProblemId() != null ? r.originProblemId() : r.id();
        List<ProblemRecord> family = repository.family(root, scope(user.scope()));
        return family.size() <= 1 && r.originProblemId() == null ? List.of() : family;
    }

    public ProblemRecord register(AnjianUser user, NewProblem n) {
        requireRegistrar(user);
        List<FieldError> errors = new ArrayList<>();
        if (n.listCode() == null || repository.list(n.listCode()).isEmpty()) {
            errors.add(new FieldError("listCode", "governance.problem.list.unknown", "请选择问题清单"));
        }
        text(errors, "title", n.title(), 200);
        text(errors, "description", n.description(), 4000);
        LocalDate today = today();
        if (n.deadline() == null || n.deadline().isBefore(today) || n.deadline().isAfter(today.plusDays(MAX_DEADLINE_DAYS))) {
            errors.add(new FieldError("deadline", "governance.problem.deadline.range", "整改期限须在今天到一年之内"));
        }
        if (n.ownerKind() == null) {
            errors.add(new FieldError("ownerKind", "shared.validation.required", "必填"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Owner owner = owner(user, n.ownerKind(), n.townId(), n.departmentId(), n.enterpriseId());
        Instant now = now();
        ProblemRecord r = newRecord(n.listCode(), n.title().trim(), n.description().trim(), owner, n.deadline(), null, n.supervisionVisitId(),
                user.displayName(), now);
        repository.insert(r);
        repository.addStep(r.id(), "register", null, ProblemState.REGISTERED, user.displayName(), now, null);
        audit.record("PROBLEM_REGISTERED", "problem", r.id(), null, view(r));
        return repository.find(r.id()).orElseThrow();
    }

    /** Applies one step of the loop: start, submit, verify or reject. */
    public ProblemRecord step(AnjianUser user, UUID id, String action, StepInput in) {
        ProblemRecord before = get(user, id);
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "governance.problem.readOnly", "this role reads problems only");
        }
        Problem p = before.problem();
        ProblemState from = p.state();
        Instant now = now();
        StepInput input = in == null ? new StepInput(null, null) : in;
        boolean district = user.hasAnyRole(DISTRICT);
        try {
            switch (action) {
                case "start" -> p.start();
                case "submit" -> p.submit(input.measures(), repository.countEvidence(id), user.id(), now);
                case "verify" -> p.verify(user.id(), district, now);
                case "reject" -> p.reject(user.id(), district, input.note());
                default -> throw DomainException.notFound("action " + action);
            }
        } catch (ProblemRuleViolation v) {
            throw DomainException.conflict(v.reason(), v.getMessage(), v.args());
        }
        try {
            repository.save(p, before.version(), null);
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("governance.problem.concurrent", e.getMessage());
        }
        repository.addStep(id, action, from, p.state(), user.displayName(), now, blank(action.equals("submit") ? input.measures() : input.note()));
        ProblemRecord after = repository.find(id).orElseThrow();
        audit.record("PROBLEM_" + action.toUpperCase(), "problem", id, view(before), view(after));
        return after;
    }

    /** Evidence (a photo or a PDF) from someone who may act on the problem, while it is open. */
    public UUID addEvidence(AnjianUser user, UUID id, String fileName, byte[] data) {
        ProblemRecord r = get(user, id);
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "governance.problem.readOnly", "this role reads problems only");
        }
        if (data == null || data.length == 0) {
            throw DomainException.invalid("file", "shared.validation.required", "请选择文件");
        }
        if (data.length > MAX_EVIDENCE_BYTES) {
            throw DomainException.invalid("file", "governance.problem.evidence.size", "佐证材料须小于 10 MB");
        }
        String type = Uploads.imageType(data).orElse(isPdf(data) ? "application/pdf" : null);
        if (type == null) {
            throw DomainException.invalid("file", "governance.problem.evidence.type", "佐证材料须为 JPEG、PNG 图片或 PDF 文件");
        }
        try {
            r.problem().acceptEvidence();
        } catch (ProblemRuleViolation v) {
            throw DomainException.conflict(v.reason(), v.getMessage(), v.args());
        }
        UUID evidenceId = UUID.randomUUID();
        String name = fileName == null ? null : Uploads.baseName(fileName);
        repository.addEvidence(evidenceId, id, name, type, data, user.displayName(), now());
        audit.record("PROBLEM_EVIDENCE_ADDED", "problem", id, null, Map.of("evidenceId", evidenceId, "type", type, "bytes", data.length));
        return evidenceId;
    }

    /**
     * 举一反三: the same check elsewhere, one new linked problem per town or enterprise, each with its
     * owner and the deadline given. Other towns are the district's call; the enterprises of the sector
     * are those in the caller's scope.
     */
    public List<ProblemRecord> followUps(AnjianUser user, UUID id, FollowUpRequest request) {
        ProblemRecord origin = get(user, id);
        requireRegistrar(user);
        if (request == null || request.target() == null) {
            throw DomainException.invalid("target", "shared.validation.required", "必填");
        }
        LocalDate today = today();
        if (request.deadline() == null || request.deadline().isBefore(today) || request.deadline().isAfter(today.plusDays(MAX_DEADLINE_DAYS))) {
            throw DomainException.invalid("deadline", "governance.problem.deadline.range", "整改期限须在今天到一年之内");
        }
        UUID root = origin.originProblemId() != null ? origin.originProblemId() : origin.id();
        List<Owner> owners = new ArrayList<>();
        if (request.target() == FollowUpTarget.OTHER_TOWNS) {
            if (!user.hasAnyRole(DISTRICT)) {
                throw new DomainException(HttpStatus.FORBIDDEN, "governance.problem.followUp.district", "only the district spawns checks in other towns");
            }
            Set<UUID> chosen = request.townIds() == null || request.townIds().isEmpty() ? null : Set.copyOf(request.townIds());
            for (Region town : organization.towns()) {
                if (town.id().equals(origin.townId()) || (chosen != null && !chosen.contains(town.id()))) {
                    continue;
                }
                owners.add(new Owner(ProblemOwnerKind.TOWN, town.name(), null, town.id(), null, null, null));
            }
        } else {
            if (origin.sector() == null) {
                throw DomainException.invalid("target", "governance.problem.followUp.noSector", "该问题没有所属行业，不能按行业举一反三");
            }
            for (EnterpriseSummary e : enterprises.pool(Sector.valueOf(origin.sector()), null, null)) {
                if (e.id().equals(origin.enterpriseId()) || !enterprises.inScope(user.scope(), e.id())) {
                    continue;
                }
                owners.add(enterpriseOwner(e));
            }
        }
        Instant now = now();
        List<ProblemRecord> created = new ArrayList<>();
        String title = origin.title().startsWith("举一反三：") ? origin.title() : "举一反三：" + origin.title();
        for (Owner owner : owners) {
            ProblemRecord r = newRecord(origin.listCode(), title.length() > 200 ? title.substring(0, 200) : title,
                    "由问题「" + origin.title() + "」（" + origin.ownerName() + "）举一反三：请对照排查本单位是否存在同类问题并整改。\n" + origin.description(),
                    owner, request.deadline(), root, null, user.displayName(), now);
            repository.insert(r);
            repository.addStep(r.id(), "follow-up", null, ProblemState.REGISTERED, user.displayName(), now, origin.title());
            audit.record("PROBLEM_FOLLOW_UP", "problem", r.id(), null, view(r));
            created.add(r);
        }
        repository.addStep(origin.id(), "follow-ups", origin.problem().state(), origin.problem().state(), user.displayName(), now,
                Integer.toString(created.size()));
        return created;
    }

    /** Who owns a problem, with the columns the scope reads. */
    public record Owner(ProblemOwnerKind kind, String name, UUID enterpriseId, UUID townId, UUID parkId, String sector, UUID departmentId) {
    }

    private Owner owner(AnjianUser user, ProblemOwnerKind kind, UUID townId, UUID departmentId, UUID enterpriseId) {
        DataScope scope = user.scope();
        switch (kind) {
            case ENTERPRISE -> {
                if (enterpriseId == null) {
                    throw DomainException.invalid("enterpriseId", "shared.validation.required", "必填");
                }
                EnterpriseSummary e = enterprises.find(enterpriseId).filter(x -> enterprises.inScope(scope, x.id()))
                        .orElseThrow(() -> DomainException.notFound("enterprise"));
                return enterpriseOwner(e);
            }
            case TOWN -> {
                Region town = townId == null ? null : organization.towns().stream().filter(t -> t.id().equals(townId)).findFirst().orElse(null);
                if (town == null) {
                    throw DomainException.invalid("townId", "governance.problem.owner.town", "请选择镇街");
                }
                if (scope.kind() == ScopeKind.DEPARTMENT || (scope.kind() == ScopeKind.REGION && !organization.regionAndDescendants(scope.id()).contains(town.id()))) {
                    throw new DomainException(HttpStatus.FORBIDDEN, "governance.problem.owner.outOfScope", "the owner is outside your scope");
                }
                return new Owner(ProblemOwnerKind.TOWN, town.name(), null, town.id(), null, null, null);
            }
            case DEPARTMENT -> {
                Department d = departmentId == null ? null : organization.department(departmentId).orElse(null);
                if (d == null) {
                    throw DomainException.invalid("departmentId", "governance.problem.owner.department", "请选择行业部门");
                }
                if (scope.kind() == ScopeKind.REGION || (scope.kind() == ScopeKind.DEPARTMENT && !d.id().equals(scope.id()))) {
                    throw new DomainException(HttpStatus.FORBIDDEN, "governance.problem.owner.outOfScope", "the owner is outside your scope");
                }
                return new Owner(ProblemOwnerKind.DEPARTMENT, d.name(), null, null, null, null, d.id());
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Owner enterpriseOwner(EnterpriseSummary e) {
        return new Owner(ProblemOwnerKind.ENTERPRISE, e.name(), e.id(), e.townId(), e.parkId(), e.sector().name(), null);
    }

    private static ProblemRecord newRecord(String listCode, String title, String description, Owner o, LocalDate deadline, UUID origin,
                                           UUID visit, String by, Instant now) {
        Problem p = Problem.registered(UUID.randomUUID(), o.kind(), deadline);
        return new ProblemRecord(p, listCode, null, title, description, o.name(), o.enterpriseId(), o.townId(), o.parkId(), o.sector(),
                o.departmentId(), origin, visit, by, now, null, 0);
    }

    /**
     * The scope as a condition on problems ({@code p}): the rule of every module on the enterprise's
     * columns, and for a department also the problems it owns itself.
     */
    public ScopeConditions.Condition scope(DataScope scope) {
        ScopeConditions.Condition base = scopes.of(scope, "p");
        if (scope.kind() == ScopeKind.DEPARTMENT) {
            Map<String, Object> params = new HashMap<>(base.params());
            params.put("scopeDepartment", scope.id());
            return new ScopeConditions.Condition("(" + base.sql() + ") or p.department_id = :scopeDepartment", params);
        }
        return base;
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    private void requireRegistrar(AnjianUser user) {
        if (!user.hasAnyRole(REGISTRARS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static boolean isPdf(byte[] data) {
        return data.length > 5 && new String(data, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }

    static Map<String, Object> view(ProblemRecord r) {
        Problem p = r.problem();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listCode", r.listCode());
        m.put("title", r.title());
        m.put("ownerKind", p.ownerKind());
        m.put("ownerName", r.ownerName());
        m.put("deadline", p.deadline());
        m.put("state", p.state());
        m.put("measures", p.measures());
        m.put("escalation", p.escalation());
        m.put("rejections", p.rejections());
        if (r.originProblemId() != null) {
            m.put("originProblemId", r.originProblemId());
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

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A request parameter as a filter: blank means none. */
    public static String blankOrNull(String s) {
        return blank(s);
    }
}
