package org.anjian.penalty.web;

import java.util.ArrayList;
import java.util.List;
import org.anjian.penalty.internal.PenaltyCaseService;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.HomeTiles;
import org.springframework.stereotype.Component;

/** What waits on penalty cases: the district's legal review queue, an inspector's open cases, an enterprise's open cases. */
@Component
class PenaltyHomeTiles implements HomeTiles {

    private final PenaltyCaseService service;

    PenaltyHomeTiles(PenaltyCaseService service) {
        this.service = service;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        List<Tile> tiles = new ArrayList<>();
        if (user.hasRole(Role.DISTRICT_ADMIN)) {
            long waiting = service.openCount(user, true);
            tiles.add(new Tile("penalty.tile.awaitingReview", waiting, "/penalty-cases?state=LEGAL_REVIEW", waiting > 0 ? "warning" : null));
        }
        if (user.hasRole(Role.INSPECTOR)) {
            tiles.add(new Tile("penalty.tile.mine", service.openCount(user, false), "/penalty-cases?mine=true", null));
        }
        if (user.hasRole(Role.ENTERPRISE_USER)) {
            long open = service.openCount(user, false);
            tiles.add(new Tile("penalty.tile.own", open, "/penalty-cases", open > 0 ? "danger" : "success"));
        }
        return tiles;
    }
}
