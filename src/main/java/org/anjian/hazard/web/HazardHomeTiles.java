package org.anjian.hazard.web;

import java.time.Clock;
import java.util.List;
import org.anjian.hazard.internal.HazardRepository;
import org.anjian.hazard.internal.HazardService;
import org.anjian.hazard.internal.HazardStatistics;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.HomeTiles;
import org.springframework.stereotype.Component;

/** Open, major and overdue hazards in the user's scope, on the home page. */
@Component
class HazardHomeTiles implements HomeTiles {

    private final HazardService service;
    private final HazardStatistics statistics;
    private final Clock clock;

    HazardHomeTiles(HazardService service, HazardStatistics statistics, Clock clock) {
        this.service = service;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        if (user.hasAnyRole(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN) && !user.hasAnyRole(Role.DISTRICT_ADMIN)) {
            return List.of();
        }
        ScopeConditions.Condition scope = service.scopeCondition(user.scope());
        HazardStatistics.Overview o = statistics.overview(scope, clock.instant());
        return List.of(new Tile("home.tile.hazardsOpen", o.open(), "/hazards?state=OPEN", null),
                new Tile("home.tile.hazardsMajor", o.openMajor(), "/hazards?state=OPEN&grade=MAJOR", o.openMajor() > 0 ? "danger" : null),
                new Tile("home.tile.hazardsOverdue", o.overdue(), "/hazards?overdue=true", o.overdue() > 0 ? "warning" : null));
    }
}
