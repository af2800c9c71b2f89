package org.anjian.inspection.internal;

import java.util.Map;
import org.anjian.enterprise.EnterpriseUpdated;
import org.anjian.shared.audit.AuditTrail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * ADR 0009: open records follow their enterprise, closed ones keep what was true when they closed.
 * When an enterprise is renamed, moves town or park, or changes sector, its inspections still planned
 * or on site and its items of plans not yet published take the new values, so that the new town sees
 * them and the old one no longer does. Finished inspections and published plans stay as they were.
 * Idempotent: a redelivered event finds nothing left to change and records nothing.
 */
@Component
class InspectionEnterpriseCopies {

    private final InspectionRepository inspections;
    private final InspectionPlanRepository plans;
    private final AuditTrail audit;

    InspectionEnterpriseCopies(InspectionRepository inspections, InspectionPlanRepository plans, AuditTrail audit) {
        this.inspections = inspections;
        this.plans = plans;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(EnterpriseUpdated event) {
        refresh(event);
    }

    int refresh(EnterpriseUpdated e) {
        String sector = e.sector().name();
        int open = inspections.followEnterprise(e.enterpriseId(), e.townId(), e.parkId(), sector);
        int items = plans.followEnterprise(e.enterpriseId(), e.name(), e.townId(), e.parkId(), sector);
        int changed = open + items;
        if (changed > 0) {
            audit.record("INSPECTION_ENTERPRISE_COPIED", "enterprise", e.enterpriseId(), null,
                    Map.of("inspections", open, "planItems", items, "townId", String.valueOf(e.townId()), "sector", sector));
        }
        return changed;
    }
}
