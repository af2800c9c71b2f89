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
import org.anjian.penalty.domain.PenaltyCase;

/** A penalty case as pages, the API and documents show it: with the enterprise's name and the day its statement period ends. */
public record PenaltyCaseView(UUID id, CaseState state, CaseSource source, UUID sourceRef, UUID inspectionId, UUID enterpriseId,
                              String enterpriseName, Set<ViolationCategory> categories, String facts, String responsiblePerson,
                              List<UUID> handlerIds, CaseFacts circumstances, Long fineYuan, Set<Measure> measures, String legalBasis,
                              String discretionRule, String discretionReason, UUID proposedBy, Boolean reviewRequired, Boolean hearingRight,
                              UUID noticeDocumentId, LocalDate notifiedOn, LocalDate periodEndsOn, UUID decisionDocumentId, String decisionNumber,
                              Instant decidedAt, LocalDate decidedOn, String measuresDone, String outcomeReason, String filedBy, Instant filedAt,
                              Instant updatedAt) {

    static PenaltyCaseView of(PenaltyCase.Snapshot s, String enterpriseName, LocalDate periodEndsOn) {
        return new PenaltyCaseView(s.id(), s.state(), s.source(), s.sourceRef(), s.inspectionId(), s.enterpriseId(), enterpriseName, s.categories(),
                s.facts(), s.responsiblePerson(), s.handlerIds(), s.circumstances(), s.fineYuan(), s.measures(), s.legalBasis(), s.discretionRule(),
                s.discretionReason(), s.proposedBy(), s.reviewRequired(), s.hearingRight(), s.noticeDocumentId(), s.notifiedOn(), periodEndsOn,
                s.decisionDocumentId(), s.decisionNumber(), s.decidedAt(), s.decidedOn(), s.measuresDone(), s.outcomeReason(), s.filedBy(),
                s.filedAt(), s.updatedAt());
    }

    public long fine() {
        return fineYuan == null ? 0 : fineYuan;
    }

    public boolean handledBy(UUID userId) {
        return handlerIds.contains(userId);
    }
}
