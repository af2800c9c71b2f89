package org.anjian.organization;

import java.util.UUID;

/**
 * Which enterprises a service agency serves (SVC-1): those under its trusteeship contracts in force
 * today. The trusteeship module implements this port; the organization module, below it, only asks,
 * so the AGENCY data scope is one rule for every module without organization depending on trusteeship.
 */
public interface AgencyServedEnterprises {

    /** A condition "the enterprise in {@code enterpriseColumn} is served by this agency" (e.g. a sub-select on the contracts). */
    ScopeConditions.Condition servedBy(UUID agencyId, String enterpriseColumn);

    /** Whether this agency serves this enterprise today. */
    boolean serves(UUID agencyId, UUID enterpriseId);
}
