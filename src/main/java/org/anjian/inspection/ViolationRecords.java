package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The violations inspectors found, by category, for the violation–penalty–accident analysis
 * (ENF-9): one fact per finding, dated by the day (district time zone) it was recorded.
 */
public interface ViolationRecords {

    record ViolationFact(UUID findingId, UUID inspectionId, UUID enterpriseId, ViolationCategory category, boolean major, LocalDate foundOn) {
    }

    /** The findings recorded from {@code from} to {@code to}, both included, oldest first. */
    List<ViolationFact> found(LocalDate from, LocalDate to);
}
