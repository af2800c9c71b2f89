package org.anjian.trusteeship.web;

import java.util.List;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.HomeTiles;
import org.anjian.shared.web.PageRequest;
import org.anjian.trusteeship.internal.TrusteeshipRepository;
import org.anjian.trusteeship.internal.TrusteeshipService;
import org.springframework.stereotype.Component;

/** An agency's contracts in force and this month's visits on its home page; the same figures for regulators. */
@Component
class TrusteeshipHomeTiles implements HomeTiles {

    private final TrusteeshipService service;

    TrusteeshipHomeTiles(TrusteeshipService service) {
        this.service = service;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        if (!user.hasAnyRole(Role.AGENCY_USER, Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)) {
            return List.of();
        }
        long active = service.contracts(user, new TrusteeshipRepository.ContractFilter(null, null, "ACTIVE", null, null, service.today()),
                new PageRequest(0, 1)).total();
        return List.of(new Tile("trusteeship.tile.active", active, "/trusteeship?status=ACTIVE", null),
                new Tile("trusteeship.tile.visitsThisMonth", service.visitsThisMonth(user), "/trusteeship?status=ACTIVE", null));
    }
}
