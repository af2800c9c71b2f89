package org.anjian.hazard;

import java.time.Instant;
import java.util.UUID;

/** A hazard entered the register; {@code sourceRef} is the finding, report or alarm it came from, if any. */
public record HazardRegistered(UUID hazardId, UUID enterpriseId, HazardGrade grade, HazardSource source, String sourceRef,
                               boolean selfReported, boolean unreported, Instant deadline) {
}
