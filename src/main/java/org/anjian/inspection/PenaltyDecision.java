package org.anjian.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A penalty decision as the enforcement indicators need it (ENF-8, 三个强度): implemented by the
 * penalty module's event, so that this module counts penalties without depending on that one.
 * Carries the whole decision, not a change, so a second delivery changes nothing.
 */
public interface PenaltyDecision {

    UUID caseId();

    UUID enterpriseId();

    /** The inspection the case came from, or null (a report, a lead). */
    UUID inspectionId();

    /** The inspectors handling the case (承办人). */
    List<UUID> handlerIds();

    long fineYuan();

    Instant decidedAt();
}
