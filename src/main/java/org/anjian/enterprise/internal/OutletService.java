package org.anjian.enterprise.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.domain.OutletLayout;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.RegionKind;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Fireworks retail outlets against the town's layout plan and quota (ENT-8). */
@Service
@Transactional
public class OutletService {

    private final OutletRepository repository;
    private final OrganizationDirectory organization;
    private final EnterpriseValidator validator;
    private final AuditTrail audit;
    private final Clock clock;

    OutletService(OutletRepository repository, OrganizationDirectory organization, EnterpriseValidator validator, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.organization = organization;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    public record Outlet(UUID id, String name, UUID townId, String planPointCode, Double latitude, Double longitude, String licenceNo,
                         LocalDate licensedOn, LocalDate licenceValidTo) {
    }

    public record Plan(UUID townId, int quota, List<String> points) {
    }

    public record OutletStatus(Outlet outlet, List<OutletLayout.Flag> flags) {
    }

    @Transactional(readOnly = true)
    public List<OutletStatus> outlets(AnjianUser user) {
        EnterpriseScopes.requireOutletReader(user);
        Set<UUID> towns = visibleTowns(user);
        List<Outlet> all = repository.all();
        Map<UUID, Plan> plans = plans();
        Set<String> points = new HashSet<>();
        Map<UUID, Integer> quotas = new HashMap<>();
        plans.values().forEach(p -> {
            p.points().forEach(pt -> points.add(p.townId() + "/" + pt));
            quotas.put(p.townId(), p.quota());
        });
        // plan points are per town: key them by town so a point code of another town does not count
        Map<UUID, List<OutletLayout.Flag>> flags = OutletLayout.check(all.stream()
                .map(o -> new OutletLayout.Outlet(o.id(), o.townId(), o.planPointCode() == null ? null : o.townId() + "/" + o.planPointCode(), o.licensedOn()))
                .toList(), points, quotas);
        return all.stream().filter(o -> towns == null || towns.contains(o.townId()))
                .map(o -> new OutletStatus(o, flags.getOrDefault(o.id(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    public Map<UUID, Plan> plans() {
        return repository.plans();
    }

    public Plan savePlan(AnjianUser user, Plan p) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new AccessDeniedException("the layout plan is the district's");
        }
        if (p.townId() == null || organization.region(p.townId()).filter(r -> r.kind() == RegionKind.TOWN).isEmpty()) {
            throw DomainException.invalid("townId", "enterprise.town.unknown", "镇街不在本区区划内");
        }
        if (p.quota() < 0) {
            throw DomainException.invalid("quota", "enterprise.count.invalid", "应为 0 或正整数");
        }
        List<String> points = p.points() == null ? List.of() : p.points().stream().map(String::trim).filter(StringUtils::hasText).distinct().toList();
        Plan saved = new Plan(p.townId(), p.quota(), points);
        repository.savePlan(saved);
        audit.record("OUTLET_PLAN_SAVED", "enterprise-outlet-plan", p.townId(), null, saved);
        return saved;
    }

    public Outlet addOutlet(AnjianUser user, Outlet o) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL)) {
            throw new AccessDeniedException("may not register outlets");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(o.name())) {
            errors.add(new FieldError("name", "shared.validation.required", "必填"));
        }
        if (o.townId() == null || organization.region(o.townId()).filter(r -> r.kind() == RegionKind.TOWN).isEmpty()) {
            errors.add(new FieldError("townId", "enterprise.town.unknown", "镇街不在本区区划内"));
        } else {
            Set<UUID> towns = visibleTowns(user);
            if (towns != null && !towns.contains(o.townId())) {
                errors.add(new FieldError("townId", "enterprise.town.outOfScope", "该镇街不在您的管辖范围内"));
            }
        }
        if ((o.latitude() == null) != (o.longitude() == null)) {
            errors.add(new FieldError("latitude", "enterprise.coordinates.pair", "经纬度须同时填写"));
        } else if (o.latitude() != null && !validator.insideDistrict(o.latitude(), o.longitude())) {
            errors.add(new FieldError("latitude", "enterprise.coordinates.outside", "坐标不在本区范围内"));
        }
        if (o.licensedOn() != null && o.licenceValidTo() != null && o.licenceValidTo().isBefore(o.licensedOn())) {
            errors.add(new FieldError("licenceValidTo", "enterprise.date.order", "结束日期不能早于开始日期"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Outlet saved = new Outlet(UUID.randomUUID(), o.name().trim(), o.townId(), DutiesService.trim(o.planPointCode()), o.latitude(), o.longitude(),
                DutiesService.trim(o.licenceNo()), o.licensedOn(), o.licenceValidTo());
        repository.insert(saved, clock.instant());
        audit.record("OUTLET_ADDED", "enterprise-outlet", saved.id(), null, saved);
        return saved;
    }

    /** Outlets are placed by town; a district-wide user sees every town, a town official their own, others none. */
    private Set<UUID> visibleTowns(AnjianUser user) {
        if (user.scope().isDistrict()) {
            return null;
        }
        if (user.scope().kind() == ScopeKind.REGION) {
            return organization.regionAndDescendants(user.scope().id());
        }
        if (user.scope().kind() == ScopeKind.DEPARTMENT
                && organization.department(user.scope().id()).map(d -> d.sectors().contains("FIREWORKS")).orElse(false)) {
            return null;
        }
        return Set.of();
    }
}
