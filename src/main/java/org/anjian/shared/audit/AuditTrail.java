package org.anjian.shared.audit;

/**
 * The append-only record of every change to a business record and every sign-in (ORG-3). Every
 * module writes through this port inside its own transaction, so an entry exists exactly when the
 * change it describes was committed. The identity module keeps the chain.
 */
public interface AuditTrail {

    /**
     * Appends an entry for the current actor (the signed-in user, or the system).
     *
     * @param action     what happened, e.g. {@code USER_CREATED}, {@code HAZARD_CLOSED}
     * @param entityType the record's type, e.g. {@code user}, {@code hazard}
     * @param entityId   the record's id
     * @param before     the record before the change, or {@code null} on creation
     * @param after      the record after the change, or {@code null} on deletion
     */
    void record(String action, String entityType, Object entityId, Object before, Object after);

    /** Appends an entry for a named actor, for events with no signed-in user (sign-in attempts). */
    void recordAs(String actor, java.util.UUID actorId, String action, String entityType, Object entityId, Object before, Object after);
}
