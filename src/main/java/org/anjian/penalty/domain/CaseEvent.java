package org.anjian.penalty.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;

/**
 * What a {@link PenaltyCase} registers as it changes: its filing and each move of its life cycle
 * (one timeline row and one audit entry each), and the records a move adds to the case file.
 */
public sealed interface CaseEvent {

    UUID caseId();

    /** 立案. */
    record Filed(UUID caseId, CaseSource source, UUID enterpriseId, List<UUID> handlerIds, Set<ViolationCategory> categories) implements CaseEvent {
    }

    /** One step of the life cycle, with a note for the timeline and the details for the audit trail. */
    record Moved(UUID caseId, CaseAction action, CaseState from, CaseState to, String note, Map<String, Object> details) implements CaseEvent {
    }

    record InvestigationRecorded(UUID caseId, UUID recordId, String kind, String content, Instant takenAt) implements CaseEvent {
    }

    record ReviewSubmitted(UUID caseId, UUID reviewId) implements CaseEvent {
    }

    record ReviewDecided(UUID caseId, UUID reviewerId, String outcome, String opinion) implements CaseEvent {
    }

    record HearingRequested(UUID caseId) implements CaseEvent {
    }

    record HearingHeld(UUID caseId, LocalDate heldOn, UUID presidingOfficerId, String presidingOfficer, String summary) implements CaseEvent {
    }

    record PaymentRecorded(UUID caseId, UUID paymentId, long amountYuan, LocalDate paidOn, String receiptNo) implements CaseEvent {
    }

    record EnforcementApplied(UUID caseId, UUID applicationId, String court, LocalDate appliedOn, String note) implements CaseEvent {
    }

    record Transferred(UUID caseId, String organ, LocalDate transferredOn, String reason) implements CaseEvent {
    }
}
