package org.anjian.shared.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.security.ScopeNames;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page may need of the district: {@code districtZone} to show instants as local times
 * and {@code districtMap} for where a map opens, so that templates name neither; {@code mapTown} names
 * a town user's town, which maps zoom to and outline.
 */
@ControllerAdvice(annotations = Controller.class)
class DistrictModelAttributes {

    private final DistrictProperties district;
    private final List<ScopeNames> scopeNames;

    DistrictModelAttributes(DistrictProperties district, List<ScopeNames> scopeNames) {
        this.district = district;
        this.scopeNames = scopeNames;
    }

    @ModelAttribute("districtZone")
    ZoneId zone() {
        return district.zone();
    }

    @ModelAttribute("districtMap")
    DistrictProperties.MapView map() {
        return district.map();
    }

    @ModelAttribute("mapTown")
    String mapTown() {
        DataScope scope = CurrentUser.get().map(u -> u.scope()).orElse(null);
        if (scope == null || scope.kind() != ScopeKind.REGION) {
            return null;
        }
        return scopeNames.stream().map(n -> n.name(scope).orElse(null)).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
