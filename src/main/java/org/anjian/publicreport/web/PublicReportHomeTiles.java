package org.anjian.publicreport.web;

import java.util.List;
import org.anjian.publicreport.internal.PublicReportService;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.HomeTiles;
import org.springframework.stereotype.Component;

/** The district's notice of overdue public reports: those escalated and not yet handled. */
@Component
class PublicReportHomeTiles implements HomeTiles {

    private final PublicReportService service;

    PublicReportHomeTiles(PublicReportService service) {
        this.service = service;
    }

    @Override
    public List<Tile> tiles(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            return List.of();
        }
        long overdue = service.escalatedCount(user);
        return List.of(new Tile("publicreport.tile.escalated", overdue, "/public-reports", overdue > 0 ? "danger" : "success"));
    }
}
