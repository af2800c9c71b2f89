package org.anjian.enterprise.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseRegistered;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.EnterpriseUpdated;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The registry (ENT-1, ENT-2): every read filtered by the caller's scope, every write validated and audited. */
@Service
@Transactional
public class EnterpriseService implements EnterpriseLookup {

    private final EnterpriseRepository repository;
    private final EnterpriseValidator validator;
    private final EnterpriseScopes scopes;
    private final OrganizationDirectory organization;
    private final ClassificationService classification;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnterpriseService(EnterpriseRepository repository, EnterpriseValidator validator, EnterpriseScopes scopes,
                      OrganizationDirectory organization, ClassificationService classification, AuditTrail audit,
                      ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.scopes = scopes;
        this.organization = organization;
        this.classification = classification;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EnterpriseSummary> find(UUID id) {
        return repository.find(id).map(Enterprise::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<UUID, EnterpriseSummary> findAll(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, EnterpriseSummary> out = new java.util.HashMap<>();
        repository.findAll(new java.util.LinkedHashSet<>(ids)).forEach(e -> out.put(e.id(), e.summary()));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EnterpriseSummary> findByCreditCode(String creditCode) {
        if (creditCode == null || creditCode.isBlank()) {
            return Optional.empty();
        }
        return repository.idByCreditCode(creditCode.strip().toUpperCase(java.util.Locale.ROOT)).flatMap(repository::find).map(Enterprise::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnterpriseSummary> findByName(String text, int limit) {
        if (text == null || text.isBlank() || limit < 1) {
            return List.of();
        }
        return repository.idsByName(text.strip(), Math.min(limit, 50)).stream().flatMap(id -> repository.find(id).stream())
                .map(Enterprise::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean inScope(DataScope scope, UUID enterpriseId) {
        return repository.find(enterpriseId, scopes.readCondition(scope)).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<UUID> idsInScope(DataScope scope) {
        return repository.ids(scopes.readCondition(scope));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnterpriseSummary> pool(Sector sector, UUID regionId, SupervisionClass supervisionClass) {
        EnterpriseFilter f = new EnterpriseFilter(regionId, sector, null, null, null, supervisionClass, OperatingStatus.PRODUCING, null, null);
        List<EnterpriseSummary> out = new java.util.ArrayList<>();
        repository.forEach(f, regionIds(f), ScopeConditions.Condition.ALWAYS, e -> out.add(e.summary()));
        out.sort(java.util.Comparator.comparing(e -> e.id().toString()));
        return out;
    }

    @Override
    public int inspectionsPerYear(SupervisionClass supervisionClass) {
        return supervisionClass == null ? 0 : classification.currentRuleSet().inspectionsPerYear().getOrDefault(supervisionClass, 0);
    }

    @Transactional(readOnly = true)
    public PageResult<Enterprise> search(AnjianUser user, EnterpriseFilter filter, PageRequest page) {
        return repository.search(filter, regionIds(filter), scopes.readCondition(user.scope()), page);
    }

    @Transactional(readOnly = true)
    public void forEach(AnjianUser user, EnterpriseFilter filter, java.util.function.Consumer<Enterprise> each) {
        repository.forEach(filter, regionIds(filter), scopes.readCondition(user.scope()), each);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> countByClass(AnjianUser user) {
        return repository.countByClass(scopes.readCondition(user.scope()));
    }

    /** The enterprise if the user may see it; otherwise 404, so that a scope never reveals what lies beyond it. */
    @Transactional(readOnly = true)
    public Enterprise get(AnjianUser user, UUID id) {
        return repository.find(id, scopes.readCondition(user.scope())).orElseThrow(() -> DomainException.notFound("enterprise"));
    }

    public Enterprise create(AnjianUser user, EnterpriseForm form) {
        if (!scopes.canRegister(user)) {
            throw new AccessDeniedException("may not register enterprises");
        }
        List<FieldError> errors = new java.util.ArrayList<>(validator.validate(form, null, true));
        if (form.townId() != null && errors.stream().noneMatch(e -> e.field().equals("townId")) && !scopes.canPlaceIn(user, form.townId(), form.parkId())) {
            errors.add(new FieldError("townId", "enterprise.town.outOfScope", "该镇街不在您的管辖范围内"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        Enterprise e = build(UUID.randomUUID(), form, null, now);
        repository.insert(e);
        audit.record("ENTERPRISE_CREATED", "enterprise", e.id(), null, e);
        events.publishEvent(new EnterpriseRegistered(e.id(), e.creditCode(), e.name(), e.townId(), e.sector()));
        classification.reclassify(e.id(), "REGISTERED");
        return repository.find(e.id()).orElseThrow();
    }

    public Enterprise update(AnjianUser user, UUID id, EnterpriseForm form) {
        Enterprise before = get(user, id);
        EnterpriseForm effective;
        if (scopes.canEditProfile(user, before)) {
            effective = form;
        } else if (scopes.canEditOwnContact(user, before)) {
            effective = ownContactOnly(before, form);
        } else {
            throw new AccessDeniedException("may not edit this enterprise");
        }
        List<FieldError> errors = new java.util.ArrayList<>(validator.validate(effective, id, true));
        boolean moved = !java.util.Objects.equals(before.townId(), effective.townId()) || !java.util.Objects.equals(before.parkId(), effective.parkId());
        if (moved && effective.townId() != null && errors.stream().noneMatch(e -> e.field().equals("townId"))
                && !scopes.canPlaceIn(user, effective.townId(), effective.parkId())) {
            errors.add(new FieldError("townId", "enterprise.town.outOfScope", "该镇街不在您的管辖范围内"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Enterprise after = build(id, effective, before, clock.instant());
        repository.updateProfile(after);
        audit.record("ENTERPRISE_UPDATED", "enterprise", id, before, after);
        updated(before, after).ifPresent(events::publishEvent);
        classification.reclassify(id, "PROFILE_CHANGED");
        return repository.find(id).orElseThrow();
    }

    /** The event for the modules that copy an enterprise's name and place, when any of those changed. */
    static Optional<EnterpriseUpdated> updated(Enterprise before, Enterprise after) {
        boolean changed = !java.util.Objects.equals(before.name(), after.name()) || !java.util.Objects.equals(before.townId(), after.townId())
                || !java.util.Objects.equals(before.parkId(), after.parkId()) || before.sector() != after.sector();
        return changed ? Optional.of(new EnterpriseUpdated(after.id(), after.name(), after.townId(), after.parkId(), after.sector()))
                : Optional.empty();
    }

    /**
     * An enterprise user's edit keeps everything that decides supervision (code, name, region,
     * sector, scale, status, flags) as registered; only contact details and headcount change.
     */
    private static EnterpriseForm ownContactOnly(Enterprise before, EnterpriseForm f) {
        return new EnterpriseForm(before.creditCode(), before.name(), f.legalRepresentative(), f.address(), f.phone(), f.latitude(),
                f.longitude(), before.townId(), before.parkId(), before.sector(), before.subSector(), before.scale(),
                f.employees(), before.status(), before.flags());
    }

    Enterprise build(UUID id, EnterpriseForm f, Enterprise before, Instant now) {
        return new Enterprise(id, CreditCode.normalize(f.creditCode()), f.name().trim(), trim(f.legalRepresentative()), trim(f.address()),
                trim(f.phone()), f.latitude(), f.longitude(), f.townId(), f.parkId(), f.sector(), f.subSector(), f.scale(),
                f.employees() == null ? 0 : f.employees(), f.status(), f.flags(),
                before == null ? null : before.standardizationGrade(), before == null ? 0 : before.accidentsIn3Years(),
                before == null ? 0 : before.openMajorHazards(), before == null ? 0 : before.enforcementCount(),
                before == null ? 0 : before.majorHazardSources(), before == null ? null : before.supervisionClass(),
                before == null ? null : before.classScore(), before == null ? null : before.classifiedAt(),
                before == null ? now : before.createdAt(), now);
    }

    private Set<UUID> regionIds(EnterpriseFilter f) {
        return f.regionId() == null ? null : organization.regionAndDescendants(f.regionId());
    }

    private static String trim(String s) {
        return StringUtils.hasText(s) ? s.trim() : null;
    }
}
