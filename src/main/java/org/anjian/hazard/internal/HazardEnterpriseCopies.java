package org.anjian.hazard.internal;

import java.util.Map;
import org.anjian.enterprise.EnterpriseUpdated;
import org.anjian.shared.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * ADR 0009: open records follow their enterprise, closed ones keep what was true when they closed.
 * When an enterprise is renamed, moves town or park, or changes sector, its hazards not yet closed
 * (销号), its active check lists and its pending check tasks take the new values, so that the new
 * town sees them and the old one no longer does. Closed hazards and done or missed tasks stay as they
 * were: they are the record of where the enterprise stood. Idempotent: a redelivered event finds
 * nothing left to change and records nothing.
 */
@Component
class HazardEnterpriseCopies {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    HazardEnterpriseCopies(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(EnterpriseUpdated event) {
        refresh(event);
    }

    int refresh(EnterpriseUpdated e) {
        int hazards = jdbc.sql("""
                        update hazard_hazard set enterprise_name = :name, town_id = :town, park_id = :park, sector = :sector
                        where enterprise_id = :id and state <> 'CLOSED'
                          and (enterprise_name, town_id, park_id, sector) is distinct from (:name, :town, :park, :sector)""")
                .params(params(e)).update();
        int lists = jdbc.sql("""
                        update hazard_check_list set town_id = :town, park_id = :park, sector = :sector
                        where enterprise_id = :id and active and (town_id, park_id, sector) is distinct from (:town, :park, :sector)""")
                .params(params(e)).update();
        int tasks = jdbc.sql("""
                        update hazard_check_task set town_id = :town, park_id = :park, sector = :sector
                        where enterprise_id = :id and state = 'PENDING' and (town_id, park_id, sector) is distinct from (:town, :park, :sector)""")
                .params(params(e)).update();
        int changed = hazards + lists + tasks;
        if (changed > 0) {
            audit.record("HAZARD_ENTERPRISE_COPIED", "enterprise", e.enterpriseId(), null,
                    Map.of("hazards", hazards, "checkLists", lists, "checkTasks", tasks, "townId", String.valueOf(e.townId()),
                            "sector", e.sector().name()));
        }
        return changed;
    }

    private static Map<String, Object> params(EnterpriseUpdated e) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", e.enterpriseId());
        p.put("name", e.name());
        p.put("town", e.townId());
        p.put("park", e.parkId());
        p.put("sector", e.sector().name());
        return p;
    }
}
