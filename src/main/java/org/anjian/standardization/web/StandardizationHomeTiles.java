package org.anjian.standardization.web;

import java.util.ArrayList;
import java.util.List;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.HomeTiles;
import org.anjian.standardization.internal.StandardizationRates;
import org.anjian.standardization.internal.StandardizationService;
import org.springframework.stereotype.Component;

/** The standardization rate and grades about to expire for regulators; an enterprise's own grade and its last day. */
@Component
class StandardizationHomeTiles implements HomeTiles {

    private final StandardizationRates rates;
    private final StandardizationService service;

    StandardizationHomeTiles(StandardizationRates rates, StandardizationService service) {
        this.rates = rates;
        this.service = service;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        List<Tile> tiles = new ArrayList<>();
        if (user.hasRole(Role.ENTERPRISE_USER) && user.scope().kind() == org.anjian.shared.security.ScopeKind.ENTERPRISE) {
            var grade = service.gradeInForce(user.scope().id());
            long days = grade.map(g -> java.time.temporal.ChronoUnit.DAYS.between(service.today(), g.application().validUntil())).orElse(0L);
            tiles.add(new Tile(grade.isPresent() ? "standardization.tile.daysLeft" : "standardization.tile.noGrade", days,
                    "/standardization?enterpriseId=" + user.scope().id(),
                    grade.isEmpty() || days <= service.properties().warningDays() ? "warning" : "success"));
            return tiles;
        }
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR)) {
            return tiles;
        }
        StandardizationRates.Overview o = rates.overview(user);
        tiles.add(new Tile("standardization.tile.rateAboveSize", Math.round(o.aboveSize().percent()), "/standardization/rates",
                o.aboveSize().met() ? "success" : "danger"));
        tiles.add(new Tile("standardization.tile.expiring", o.expiringSoon(), "/standardization?expiring=true", o.expiringSoon() > 0 ? "warning" : null));
        return tiles;
    }
}
