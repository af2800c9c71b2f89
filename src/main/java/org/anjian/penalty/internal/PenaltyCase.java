package org.anjian.penalty.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.CaseSource;
import org.anjian.penalty.domain.CaseState;
import org.anjian.penalty.domain.Measure;

/** A penalty case as stored, with the enterprise's name for display. */
public record PenaltyCase(UUID id, CaseState state, CaseSource source, UUID sourceRef, UUID inspectionId, UUID enterpriseId,
                          String enterpriseName, Set<ViolationCategory> categories, String facts, String responsiblePerson,
                          List<UUID> handlerIds, CaseFacts circumstances, Long fineYuan, Set<Measure> measures, String legalBasis,
                          String discretionRule, String discretionReason, UUID proposedBy, Boolean reviewRequired, Boolean hearingRight,
                          UUID noticeDocumentId, LocalDate notifiedOn, LocalDate periodEndsOn, UUID decisionDocumentId, String decisionNumber,
                          Instant decidedAt, LocalDate decidedOn, String measuresDone, String outcomeReason, String filedBy, Instant filedAt,
                          Instant updatedAt) {

    public long fine() {
        return fineYuan == null ? 0 : fineYuan;
    }

    public boolean handledBy(UUID userId) {
        return handlerIds.contains(userId);
    }
}
