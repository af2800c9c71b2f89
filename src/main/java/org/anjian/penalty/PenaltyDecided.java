package org.anjian.penalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.PenaltyDecision;
import org.anjian.inspection.ViolationCategory;

/**
 * A 行政处罚决定书 was issued. Carries the whole decision, so a listener that sees it twice changes
 * nothing the second time.
 */
public record PenaltyDecided(UUID caseId, UUID enterpriseId, UUID inspectionId, List<UUID> handlerIds, long fineYuan, Instant decidedAt,
                             LocalDate decidedOn, String decisionNumber, UUID decisionDocumentId, Set<ViolationCategory> categories)
        implements PenaltyDecision {
}
