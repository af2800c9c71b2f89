package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.inspection.FindingResolved;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.domain.EnforcementTeam;
import org.anjian.inspection.domain.InspectionState;
import org.anjian.enterprise.Sector;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections on site and their findings (ENF-3). Only the inspectors named on the inspection (the
 * ones a draw picked) record it; each finding is published as {@link org.anjian.inspection.InspectionFindingRecorded} and
 * becomes a hazard; when that hazard is closed the finding is resolved.
 */
@Service
@Transactional
public class InspectionService {

    private final InspectionRepository repository;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InspectionPlans plans;
    private final InspectionExperts experts;

    private final java.util.Set<String> examRequiredSectors;

    private final ZoneId zone;
    InspectionService(InspectionRepository repository, EnterpriseLookup enterprises, UserDirectory users, AuditTrail audit, ApplicationEventPublisher events,
                      Clock clock, InspectionPlans plans, InspectionExperts experts,
                      @org.springframework.beans.factory.annotation.Value("${anjian.inspection.exam.required-sectors:NON_COAL_MINE}")
                      java.util.Set<String> examRequiredSectors, DistrictProperties district) {
        this.zone = district.zone();
        this.plans = plans;
        this.experts = experts;
        this.examRequiredSectors = examRequiredSectors;
        this.repository = repository;
        this.enterprises = enterprises;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** {@code reason}: why an inspection outside the annual plan is made (see {@link InspectionPlans#admit}), else null. */
    public record NewInspection(UUID enterpriseId, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId, String reason) {
        public NewInspection(UUID enterpriseId, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId) {
            this(enterpriseId, inspectorIds, plannedOn, drawId, null);
        }
    }

    public record NewFinding(String place, String description, Boolean major, String criterionCode, String legalBasis, LocalDate deadline,
                             Double latitude, Double longitude, ViolationCategory category) {
    }

    public record Inspection(UUID id, UUID enterpriseId, String enterpriseName, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId,
                             String state, Instant startedAt, Instant finishedAt, List<Finding> findings, Sector sector, String companions,
                             String createdBy, Instant createdAt) {
    }

    public record Finding(UUID id, String place, String description, boolean major, String criterionCode, String legalBasis,
                          LocalDate deadline, String recordedBy, Instant recordedAt, Instant resolvedAt, ViolationCategory category,
                          Double latitude, Double longitude) {
    }

    public Inspection plan(AnjianUser user, NewInspection n) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "only the district and its inspectors inspect");
        }
        Optional<EnterpriseSummary> e = n.enterpriseId() == null ? Optional.empty() : enterprises.find(n.enterpriseId());
        org.anjian.inspection.domain.Inspection i = Refusals.get(() -> org.anjian.inspection.domain.Inspection.plan(UUID.randomUUID(),
                e.map(x -> new org.anjian.inspection.domain.Inspection.Site(x.id(), x.townId(), x.parkId(), x.sector().name())).orElse(null),
                team(n.inspectorIds()), n.plannedOn(), n.drawId()));
        repository.insert(i, user.getUsername(), clock.instant());
        plans.admit(i.id(), i.enterpriseId(), n.plannedOn(), n.drawId(), n.reason());
        audit.record("INSPECTION_PLANNED", "inspection", i.id(), null, Map.of("enterpriseId", i.enterpriseId(), "inspectors", i.inspectorIds(),
                "plannedOn", n.plannedOn()));
        return get(i.id());
    }

    /** The people named as a team, as the {@link EnforcementTeam} rule sees them: certified inspectors or not. */
    List<EnforcementTeam.Member> team(List<UUID> ids) {
        return ids == null ? List.of() : ids.stream().distinct().map(id -> new EnforcementTeam.Member(id, users.user(id)
                .filter(u -> u.roles().contains(Role.INSPECTOR) && u.enforcementCertNo() != null).isPresent())).toList();
    }

    /** Records a finding; the inspection goes on site with its first one. */
    public Finding recordFinding(AnjianUser user, UUID inspectionId, NewFinding f) {
        org.anjian.inspection.domain.Inspection i = load(inspectionId);
        requireOnTeam(user, i);
        UUID id = UUID.randomUUID();
        org.anjian.inspection.domain.Inspection.Finding recorded = Refusals.get(() -> i.recordFinding(id,
                new org.anjian.inspection.domain.Inspection.NewFinding(f.place(), f.description(), f.major(), f.criterionCode(), f.legalBasis(),
                        f.deadline(), f.latitude(), f.longitude(), f.category()), user.displayName(), clock.instant(), zone));
        repository.save(i);
        audit.record("INSPECTION_FINDING_RECORDED", "inspection", inspectionId, null,
                Map.of("findingId", id, "place", recorded.place(), "major", recorded.major(), "deadline", recorded.deadline(), "category", recorded.category()));
        i.pullEvents().forEach(events::publishEvent);
        return get(inspectionId).findings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    public Inspection finish(AnjianUser user, UUID inspectionId) {
        org.anjian.inspection.domain.Inspection i = load(inspectionId);
        requireOnTeam(user, i);
        InspectionState before = i.state();
        boolean examRequired = i.site().sector() != null && examRequiredSectors.contains(i.site().sector());
        Refusals.check(() -> i.finish(clock.instant(), examRequired, examRequired && repository.examTaken(inspectionId)));
        repository.save(i);
        audit.record("INSPECTION_FINISHED", "inspection", inspectionId, Map.of("state", before.name()), Map.of("state", i.state().name()));
        return get(inspectionId);
    }

    /** The hazard of a finding was closed: the finding is resolved. Idempotent. */
    @ApplicationModuleListener
    void on(FindingResolved resolved) {
        UUID findingId;
        try {
            findingId = resolved.sourceRef() == null ? null : UUID.fromString(resolved.sourceRef());
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        if (findingId != null) {
            repository.resolveFinding(findingId, clock.instant());
        }
    }

    /** The inspections a user works on (all of them for the district and auditors), newest plans first. */
    @Transactional(readOnly = true)
    public List<Inspection> mine(AnjianUser user, int limit) {
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.AUDITOR)) {
            return repository.newest(limit);
        }
        if (!user.hasRole(Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "forbidden");
        }
        return repository.ofInspector(user.id(), limit);
    }

    /**
     * The inspections a user may list, newest plans first: all for the district and auditors, an
     * inspector's own (on the team), an expert's (selected for); anybody else 403. Filters may be null.
     */
    @Transactional(readOnly = true)
    public org.anjian.shared.web.PageResult<Inspection> search(AnjianUser user, String state, UUID enterpriseId, Integer year,
                                                               org.anjian.shared.web.PageRequest page) {
        UUID inspector = null;
        List<UUID> only = null;
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.AUDITOR)) {
            // everything
        } else if (user.hasRole(Role.INSPECTOR)) {
            inspector = user.id();
        } else if (user.hasRole(Role.EXPERT)) {
            only = experts.inspectionsOf(user);
            if (only.isEmpty()) {
                return new org.anjian.shared.web.PageResult<>(List.of(), 0, page.page(), page.size());
            }
        } else {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "forbidden");
        }
        InspectionState st = null;
        if (state != null && !state.isBlank()) {
            if (Arrays.stream(InspectionState.values()).noneMatch(x -> x.name().equals(state))) {
                throw DomainException.invalid("state", "inspection.state.invalid", "PLANNED、ON_SITE 或 DONE");
            }
            st = InspectionState.valueOf(state);
        }
        return repository.search(inspector, only, st, enterpriseId, year, page);
    }

    /** The inspections of one enterprise, newest first: the history an inspector reads before going on site. */
    @Transactional(readOnly = true)
    public List<Inspection> ofEnterprise(AnjianUser user, UUID enterpriseId, int limit) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EXPERT) && !enterprises.inScope(user.scope(), enterpriseId)) {
            return List.of();
        }
        return repository.ofEnterprise(enterpriseId, limit);
    }

    public record CheckResult(String item, String outcome, String recordedBy, Instant recordedAt) {
    }

    /** One item of the 一体化 check list checked on site: PASS or FAIL (a failed item is then recorded as a finding). */
    public CheckResult recordCheck(AnjianUser user, UUID inspectionId, String item, String outcome) {
        org.anjian.inspection.domain.Inspection i = load(inspectionId);
        requireOnTeam(user, i);
        org.anjian.inspection.domain.Inspection.CheckedItem c = Refusals.get(() -> i.checkItem(item, outcome, user.displayName(), clock.instant()));
        repository.saveCheck(inspectionId, c);
        audit.record("INSPECTION_ITEM_CHECKED", "inspection", inspectionId, null, Map.of("item", c.item(), "outcome", c.outcome()));
        return new CheckResult(c.item(), c.outcome(), c.recordedBy(), c.recordedAt());
    }

    @Transactional(readOnly = true)
    public List<CheckResult> checkResults(UUID inspectionId) {
        return repository.checkResults(inspectionId);
    }

    /** 执法+专家: who went along besides the inspectors, as free text. */
    public Inspection companions(AnjianUser user, UUID inspectionId, String companions) {
        org.anjian.inspection.domain.Inspection i = load(inspectionId);
        requireOnTeam(user, i);
        String before = i.companions();
        Refusals.check(() -> i.noteCompanions(companions));
        repository.save(i);
        audit.record("INSPECTION_COMPANIONS", "inspection", inspectionId, before == null ? null : Map.of("companions", before),
                i.companions() == null ? null : Map.of("companions", i.companions()));
        return get(inspectionId);
    }

    @Transactional(readOnly = true)
    public Inspection get(AnjianUser user, UUID id) {
        Inspection i = get(id);
        boolean regulator = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);
        if (!regulator && user.hasRole(Role.EXPERT)) {
            // an expert has the district's scope but reads only the inspections they were selected for (执法+专家)
            if (!experts.isSelectedExpert(user, id)) {
                throw DomainException.notFound("inspection");
            }
            return i;
        }
        if (!regulator && !enterprises.inScope(user.scope(), i.enterpriseId())) {
            throw DomainException.notFound("inspection");
        }
        return i;
    }

    Inspection get(UUID id) {
        return repository.find(id).orElseThrow(() -> DomainException.notFound("inspection"));
    }

    private org.anjian.inspection.domain.Inspection load(UUID id) {
        return repository.load(id).orElseThrow(() -> DomainException.notFound("inspection"));
    }

    /** 执法必须两人以上: only the inspectors on the inspection record it (the district administrator may correct it). */
    static void requireOnTeam(AnjianUser user, Inspection i) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !i.inspectorIds().contains(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection record it");
        }
    }

    private static void requireOnTeam(AnjianUser user, org.anjian.inspection.domain.Inspection i) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !i.isOnTeam(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection record it");
        }
    }
}
