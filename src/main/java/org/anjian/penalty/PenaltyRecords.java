package org.anjian.penalty;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;

/** The decided penalties, for the violation–penalty–accident analysis (ENF-9). */
public interface PenaltyRecords {

    /**
     * Cases decided between {@code from} and {@code to} (both inclusive, dates in the district time zone):
     * only those with a 行政处罚决定书, never 不予处罚 or cases moved to the public security organs.
     */
    List<PenaltyFact> decided(LocalDate from, LocalDate to);

    record PenaltyFact(UUID caseId, UUID enterpriseId, Set<ViolationCategory> categories, LocalDate decidedOn, long fineYuan) {
    }
}
