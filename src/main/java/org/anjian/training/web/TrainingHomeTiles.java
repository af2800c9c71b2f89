package org.anjian.training.web;

import java.util.List;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.HomeTiles;
import org.anjian.training.internal.TrainingService;
import org.springframework.stereotype.Component;

/** Certificates to review or renew soon, and lapsed ones, in the user's scope. */
@Component
class TrainingHomeTiles implements HomeTiles {

    private final TrainingService service;

    TrainingHomeTiles(TrainingService service) {
        this.service = service;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER, Role.AGENCY_USER,
                Role.AUDITOR)) {
            return List.of();
        }
        long action = 0;
        long invalid = 0;
        for (var f : service.figures(user)) {
            action += f.action();
            invalid += f.invalid();
        }
        return List.of(new Tile("training.tile.action", action, "/training/certificates?status=ACTION", action > 0 ? "warning" : "success"),
                new Tile("training.tile.invalid", invalid, "/training/certificates?status=INVALID", invalid > 0 ? "danger" : "success"));
    }
}
