package org.anjian.hazard;

import java.time.Instant;
import java.util.UUID;

/** A hazard was verified and closed (销号): its source (an inspection's order, a report) can close too. */
public record HazardClosed(UUID hazardId, UUID enterpriseId, HazardGrade grade, HazardSource source, String sourceRef,
                           Instant closedAt, boolean onTime) {
}
