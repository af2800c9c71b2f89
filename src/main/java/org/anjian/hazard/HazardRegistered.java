package org.anjian.hazard;

import java.time.Instant;
import java.util.UUID;
import org.anjian.enterprise.MajorHazardTally;

/**
 * A hazard entered the register; {@code sourceRef} is the finding, report or alarm it came from, if
 * any. {@code openMajorHazards} is the enterprise's count after it, for its supervision class.
 */
public record HazardRegistered(UUID hazardId, UUID enterpriseId, HazardGrade grade, HazardSource source, String sourceRef,
                               boolean selfReported, boolean unreported, Instant deadline, int openMajorHazards) implements MajorHazardTally {
}
