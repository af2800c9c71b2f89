package org.anjian.hazard.internal;

import java.time.Instant;
import java.util.UUID;
import org.anjian.hazard.domain.Hazard;

/** A hazard with the descriptive fields the loop's rules do not need. */
public record HazardRecord(Hazard hazard, String enterpriseName, UUID townId, UUID parkId, String sector, String place, String description,
                           String category, String sourceRef, String criterionCode, UUID finderId, String finderName, Double latitude,
                           Double longitude, Instant foundAt, int version) {
}
