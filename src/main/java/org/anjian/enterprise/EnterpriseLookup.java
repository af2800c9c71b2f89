package org.anjian.enterprise;

import java.util.Optional;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/** Read access to the registry for other modules. */
public interface EnterpriseLookup {

    /** The enterprise, whatever the caller's scope: callers that act for a user check {@link #inScope} too. */
    Optional<EnterpriseSummary> find(UUID id);

    /**
     * These enterprises by id in one look-up, whatever the caller's scope (unknown ids are left out): for lists and maps
     * that show many enterprises at once, instead of one {@link #find} per row.
     */
    default java.util.Map<UUID, EnterpriseSummary> findAll(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, EnterpriseSummary> out = new java.util.HashMap<>();
        for (UUID id : new java.util.LinkedHashSet<>(ids)) {
            find(id).ifPresent(e -> out.put(id, e));
        }
        return out;
    }

    /** The enterprise with this unified social credit code (GB 32100), whatever the caller's scope; blank or unknown → empty. */
    default Optional<EnterpriseSummary> findByCreditCode(String creditCode) {
        return Optional.empty();
    }

    /**
     * At most {@code limit} enterprises whose name contains {@code text} (names starting with it first),
     * whatever the caller's scope: the public 12350 form lets a citizen pick the enterprise they report.
     */
    default java.util.List<EnterpriseSummary> findByName(String text, int limit) {
        return java.util.List.of();
    }

    /** Whether a user with this data scope may see the enterprise; an unknown id is never in scope. */
    boolean inScope(DataScope scope, UUID enterpriseId);

    /**
     * Every enterprise id a user with this data scope may see, in one read: for analyses that filter thousands of
     * records by enterprise, where {@link #inScope} per enterprise was one query each (issue 19 #12).
     */
    java.util.Set<UUID> idsInScope(DataScope scope);

    /**
     * The enterprises in production matching a pool's filters (any filter may be null), ordered by id,
     * for random draws: the order must not depend on names or on when they were registered.
     */
    java.util.List<EnterpriseSummary> pool(Sector sector, UUID regionId, SupervisionClass supervisionClass);

    /**
     * The inspections a year the classification rule set in force plans for a class (ENF-1 reads
     * it to build the annual plan). The default answers from the starting rules; the registry
     * answers from the district's current version.
     */
    default int inspectionsPerYear(SupervisionClass supervisionClass) {
        return supervisionClass == null ? 0
                : org.anjian.enterprise.domain.RuleSet.defaults().inspectionsPerYear().getOrDefault(supervisionClass, 0);
    }
}
