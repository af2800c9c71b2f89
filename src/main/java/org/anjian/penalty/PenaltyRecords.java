package org.anjian.penalty;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;

/** Penalty decisions by violation category, for the violation–penalty–accident analysis (ENF-9). */
public interface PenaltyRecords {

    record PenaltyFact(UUID caseId, UUID enterpriseId, Set<ViolationCategory> categories, LocalDate decidedOn, long fineYuan) {
    }

    /** Cases decided from {@code from} to {@code to}, both included. */
    List<PenaltyFact> decided(LocalDate from, LocalDate to);
}
