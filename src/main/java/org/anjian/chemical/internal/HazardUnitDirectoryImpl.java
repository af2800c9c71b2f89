package org.anjian.chemical.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.HazardUnitDirectory;
import org.anjian.chemical.internal.HazardUnits.UnitView;
import org.springframework.stereotype.Component;

/** {@link HazardUnitDirectory} over the units' repository. */
@Component
class HazardUnitDirectoryImpl implements HazardUnitDirectory {

    private final HazardUnitRepository repository;
    private final HazardUnits units;
    private final org.anjian.organization.ScopeConditions scopes;

    HazardUnitDirectoryImpl(HazardUnitRepository repository, HazardUnits units, org.anjian.organization.ScopeConditions scopes) {
        this.repository = repository;
        this.units = units;
        this.scopes = scopes;
    }

    @Override
    public List<HazardUnitRef> majorSources(org.anjian.shared.security.DataScope scope) {
        return repository.majorSources(scopes.of(scope, "u"));
    }

    @Override
    public Optional<HazardUnitRef> find(UUID unitId) {
        return repository.find(unitId).map(HazardUnitDirectoryImpl::ref);
    }

    @Override
    public List<CustodianRef> custodians(UUID unitId) {
        return repository.find(unitId).map(u -> u.custodians().stream().map(c -> new CustodianRef(c.role().name(), c.name())).toList())
                .orElse(List.of());
    }

    @Override
    public List<HazardUnitRef> ofEnterprise(UUID enterpriseId) {
        return units.ofEnterprise(enterpriseId).stream().map(HazardUnitDirectoryImpl::ref)
                .sorted(Comparator.comparing((HazardUnitRef r) -> !r.major())).toList();
    }

    private static HazardUnitRef ref(UnitView v) {
        return new HazardUnitRef(v.id(), v.enterpriseId(), v.name(), v.kind(), v.major(), v.grade());
    }
}
