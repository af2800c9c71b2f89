package org.anjian.hazard;

import java.time.Instant;
import java.util.UUID;

/**
 * Registering hazards from other modules (an inspection's finding, a public report, an alarm).
 * Idempotent on {@code (source, sourceRef)}: a redelivered event does not make a second hazard.
 */
public interface HazardManagement {

    UUID registerFrom(HazardSource source, String sourceRef, UUID enterpriseId, HazardGrade grade, String place, String description,
                      String criterionCode, String finderName, Instant deadline);
}
