package org.anjian.risk.internal;

import java.util.Map;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseReclassified;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.EnterpriseUpdated;
import org.anjian.shared.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the enterprise's name, town, park and sector copied on risk points and posts current (ADR
 * 0009: risk points and posts are always open records). Refreshed when the enterprise says its name
 * or place changed, and on a reclassification as before; scope filters then follow a moved
 * enterprise. Idempotent: a redelivered event finds nothing left to change and records nothing.
 */
@Component
class EnterpriseCopies {

    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;
    private final AuditTrail audit;

    EnterpriseCopies(JdbcClient jdbc, EnterpriseLookup enterprises, AuditTrail audit) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(EnterpriseReclassified event) {
        enterprises.find(event.enterpriseId()).ifPresent(this::refresh);
    }

    @ApplicationModuleListener
    void on(EnterpriseUpdated event) {
        enterprises.find(event.enterpriseId()).ifPresent(this::refresh);
    }

    int refresh(EnterpriseSummary e) {
        int changed = 0;
        for (String table : new String[]{"risk_point", "risk_post"}) {
            changed += jdbc.sql("update " + table + " set enterprise_name = :name, town_id = :town, park_id = :park, sector = :sector "
                            + "where enterprise_id = :id and (enterprise_name, town_id, park_id, sector) "
                            + "is distinct from (:name, :town, :park, :sector)")
                    .param("name", e.name()).param("town", e.townId()).param("park", e.parkId()).param("sector", e.sector().name())
                    .param("id", e.id()).update();
        }
        if (changed > 0) {
            audit.record("RISK_ENTERPRISE_COPIED", "enterprise", e.id(), null,
                    Map.of("rows", changed, "townId", String.valueOf(e.townId()), "sector", e.sector().name()));
        }
        return changed;
    }
}
