package org.anjian.chemical;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to production and storage units for other modules (the monitoring module hangs its
 * sensors on them). Answers whatever the caller's scope: callers acting for a user check the
 * enterprise's scope themselves.
 */
public interface HazardUnitDirectory {

    /** A unit as other modules may know it; {@code major} when GB 18218-2018 identifies it as a 重大危险源. */
    record HazardUnitRef(UUID id, UUID enterpriseId, String name, String kind, boolean major, Integer grade) {
    }

    Optional<HazardUnitRef> find(UUID unitId);

    /** A 包保责任人 of a unit: {@code role} is PRINCIPAL, TECHNICAL or OPERATIONAL (应急厅〔2021〕12号, Art. 3). */
    record CustodianRef(String role, String name) {
    }

    /** The unit's named 包保责任人 (none for an unknown unit). */
    List<CustodianRef> custodians(UUID unitId);

    /**
     * Every major hazard source within the scope (id, enterprise; no inventories): what the 包保 duty rate is computed over,
     * so that a source nobody has recorded a duty for counts as not done.
     */
    List<HazardUnitRef> majorSources(org.anjian.shared.security.DataScope scope);

    /** The enterprise's units, major hazard sources first. */
    List<HazardUnitRef> ofEnterprise(UUID enterpriseId);
}
