package org.anjian.hazard;

import java.time.Instant;
import java.util.UUID;
import org.anjian.enterprise.MajorHazardTally;
import org.anjian.inspection.FindingResolved;

/**
 * A hazard was verified and closed (销号): its source (an inspection's order, a report) can close
 * too. {@code openMajorHazards} is the enterprise's count after it, for its supervision class.
 */
public record HazardClosed(UUID hazardId, UUID enterpriseId, HazardGrade grade, HazardSource source, String sourceRef,
                           Instant closedAt, boolean onTime, int openMajorHazards) implements MajorHazardTally, FindingResolved {
}
