package org.anjian.enterprise.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.internal.EnterpriseService;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.security.ScopeNames;
import org.anjian.shared.web.HomeTiles;
import org.springframework.stereotype.Component;

/** The enterprises in a regulator's scope and the high-risk ones among them; the enterprise's own name for its users. */
@Component
class EnterpriseHomeTiles implements HomeTiles, ScopeNames {

    private final EnterpriseService enterprises;
    private final EnterpriseLookup lookup;

    EnterpriseHomeTiles(EnterpriseService enterprises, EnterpriseLookup lookup) {
        this.enterprises = enterprises;
        this.lookup = lookup;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        if (user.scope().kind() == ScopeKind.ENTERPRISE || !user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL,
                Role.DEPARTMENT_OFFICIAL, Role.EXPERT, Role.AUDITOR)) {
            return List.of();
        }
        Map<String, Long> byClass = enterprises.countByClass(user);
        long total = byClass.values().stream().mapToLong(Long::longValue).sum();
        long classA = byClass.getOrDefault("A", 0L);
        return List.of(new Tile("home.tile.enterprises", total, "/enterprises", null),
                new Tile("home.tile.enterprisesA", classA, "/enterprises?supervisionClass=A", classA > 0 ? "danger" : null));
    }

    @Override
    public Optional<String> name(DataScope scope) {
        return scope.kind() == ScopeKind.ENTERPRISE ? lookup.find(scope.id()).map(EnterpriseSummary::name) : Optional.empty();
    }
}
