package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The violations inspections found, by category, for the violation–penalty–accident analysis (ENF-9). */
public interface ViolationRecords {

    record ViolationFact(UUID findingId, UUID inspectionId, UUID enterpriseId, ViolationCategory category, boolean major, LocalDate foundOn) {
    }

    /** Findings recorded from {@code from} to {@code to}, both included (Asia/Shanghai dates). */
    List<ViolationFact> found(LocalDate from, LocalDate to);
}
