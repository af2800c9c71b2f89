package org.anjian.accident.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.anjian.accident.internal.AccidentService;
import org.anjian.accident.internal.AccidentStatistics;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.HomeTiles;
import org.springframework.stereotype.Component;

/** This year's accidents and deaths in the user's scope, on the home page. */
@Component
class AccidentHomeTiles implements HomeTiles {

    private final AccidentService service;
    private final AccidentStatistics statistics;
    private final Clock clock;
    private final ZoneId zone;

    AccidentHomeTiles(AccidentService service, AccidentStatistics statistics, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.service = service;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER, Role.AUDITOR)) {
            return List.of();
        }
        int year = LocalDate.ofInstant(clock.instant(), zone).getYear();
        AccidentStatistics.Summary s = statistics.summary(service.scopeCondition(user.scope(), "a"), year);
        return List.of(new Tile("accident.tile.thisYear", s.accidents(), "/accidents?year=" + year, null),
                new Tile("accident.tile.deathsThisYear", s.deaths(), "/accidents/statistics", s.deaths() > 0 ? "danger" : "success"));
    }
}
