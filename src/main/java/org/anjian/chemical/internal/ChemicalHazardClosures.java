package org.anjian.chemical.internal;

import java.time.Clock;
import org.anjian.hazard.HazardClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Closes a storage gap's or a pipeline hazard's record when the hazard loop closes the hazard it
 * became (销号 after verification): the segment and the site show the 复查 result without a second entry.
 */
@Component
class ChemicalHazardClosures {

    private final SupervisionRepository repository;
    private final Clock clock;
    private final org.anjian.shared.audit.AuditTrail audit;

    ChemicalHazardClosures(SupervisionRepository repository, Clock clock, org.anjian.shared.audit.AuditTrail audit) {
        this.repository = repository;
        this.clock = clock;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(HazardClosed closed) {
        int closedRows = repository.closeFromHazard(closed.hazardId(), closed.closedAt() == null ? clock.instant() : closed.closedAt());
        if (closedRows > 0) {
            audit.record("CHEMICAL_HAZARD_CLOSED", "hazard", closed.hazardId(), null, java.util.Map.of("closedRecords", closedRows));
        }
    }
}
