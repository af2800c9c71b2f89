package org.anjian.standardization.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application for a standardization grade and, once granted, the grade itself (应急〔2021〕83号).
 * Guards its transitions: an illegal step names the state and the step.
 */
public class GradeApplication {

    /** 83号: a grade is valid for 3 years. */
    public static final int VALIDITY_YEARS = 3;
    /** 83号: a new application at least 1 year after a refusal or a revocation. */
    public static final int WAIT_YEARS_AFTER_REFUSAL = 1;

    private final UUID id;
    private final UUID enterpriseId;
    private final GradeLevel level;
    private final ReviewingLevel reviewingLevel;
    private final BigDecimal selfScore;
    private final LocalDate submittedOn;
    private ApplicationState state;
    private UUID onsiteInspectionId;
    private BigDecimal onsiteScore;
    private LocalDate onsiteOn;
    private String onsiteNote;
    private LocalDate decidedOn;
    private String authority;
    private String documentNo;
    private String decisionNote;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String revocationReason;
    private String revocationSource;
    private LocalDate revocationProposedOn;
    private LocalDate revokedOn;

    public GradeApplication(UUID id, UUID enterpriseId, GradeLevel level, ReviewingLevel reviewingLevel, BigDecimal selfScore, LocalDate submittedOn,
                            ApplicationState state, UUID onsiteInspectionId, BigDecimal onsiteScore, LocalDate onsiteOn, String onsiteNote,
                            LocalDate decidedOn, String authority, String documentNo, String decisionNote, LocalDate validFrom, LocalDate validUntil,
                            String revocationReason, String revocationSource, LocalDate revocationProposedOn, LocalDate revokedOn) {
        this.id = id;
        this.enterpriseId = enterpriseId;
        this.level = level;
        this.reviewingLevel = reviewingLevel;
        this.selfScore = selfScore;
        this.submittedOn = submittedOn;
        this.state = state;
        this.onsiteInspectionId = onsiteInspectionId;
        this.onsiteScore = onsiteScore;
        this.onsiteOn = onsiteOn;
        this.onsiteNote = onsiteNote;
        this.decidedOn = decidedOn;
        this.authority = authority;
        this.documentNo = documentNo;
        this.decisionNote = decisionNote;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.revocationReason = revocationReason;
        this.revocationSource = revocationSource;
        this.revocationProposedOn = revocationProposedOn;
        this.revokedOn = revokedOn;
    }

    /** A new application: the self-assessment must reach the level's minimum score. */
    public static GradeApplication submit(UUID id, UUID enterpriseId, GradeLevel level, ReviewingLevel reviewer, BigDecimal selfScore,
                                          int minScore, LocalDate on) {
        if (selfScore.compareTo(BigDecimal.valueOf(minScore)) < 0) {
            throw new StandardizationViolation("standardization.selfScore.belowMinimum", "self-assessment below the minimum", level, minScore);
        }
        return new GradeApplication(id, enterpriseId, level, reviewer, selfScore, on, ApplicationState.SUBMITTED, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** The last day of a grade granted on {@code decidedOn}: 3 years, the day before the anniversary. */
    public static LocalDate validUntil(LocalDate decidedOn) {
        return decidedOn.plusYears(VALIDITY_YEARS).minusDays(1);
    }

    /** The on-site review (现场评审), done within an inspection; may be recorded again before the decision. */
    public void recordOnsite(UUID inspectionId, BigDecimal score, LocalDate on, String note) {
        require(state.isOpen(), "onsite");
        if (on.isBefore(submittedOn)) {
            throw new StandardizationViolation("standardization.onsite.beforeSubmission", "on-site review before the application");
        }
        this.onsiteInspectionId = inspectionId;
        this.onsiteScore = score;
        this.onsiteOn = on;
        this.onsiteNote = note;
        this.state = ApplicationState.ONSITE_REVIEWED;
    }

    /** The decision of the reviewing level: a grant needs an on-site score at the level's minimum. */
    public void decide(boolean granted, LocalDate on, String authority, String documentNo, String note, int minScore) {
        require(state == ApplicationState.ONSITE_REVIEWED, granted ? "grant" : "refuse");
        if (on.isBefore(onsiteOn)) {
            throw new StandardizationViolation("standardization.decision.beforeOnsite", "decision before the on-site review");
        }
        if (granted && onsiteScore.compareTo(BigDecimal.valueOf(minScore)) < 0) {
            throw new StandardizationViolation("standardization.decision.belowMinimum", "on-site score below the minimum", onsiteScore, minScore);
        }
        this.decidedOn = on;
        this.authority = authority;
        this.documentNo = documentNo;
        this.decisionNote = note;
        if (granted) {
            this.state = ApplicationState.GRADED;
            this.validFrom = on;
            this.validUntil = validUntil(on);
        } else {
            this.state = ApplicationState.REJECTED;
        }
    }

    public void withdraw() {
        require(state.isOpen(), "withdraw");
        state = ApplicationState.WITHDRAWN;
    }

    /** A newer grade of the same enterprise replaces this one. */
    public void supersede() {
        require(state == ApplicationState.GRADED, "supersede");
        state = ApplicationState.SUPERSEDED;
    }

    public void expire(LocalDate today) {
        require(state == ApplicationState.GRADED && today.isAfter(validUntil), "expire");
        state = ApplicationState.EXPIRED;
    }

    /**
     * Proposes revocation (83号: a fatal accident, concealment, 失信, …). An event that happened outside
     * the grade's validity does not touch it: false. A second proposal keeps the first.
     */
    public boolean proposeRevocation(String reason, String source, LocalDate eventOn, LocalDate today) {
        require(state == ApplicationState.GRADED, "propose-revocation");
        if (eventOn.isBefore(validFrom) || eventOn.isAfter(validUntil)) {
            return false;
        }
        if (revocationProposedOn != null) {
            return false;
        }
        revocationReason = reason;
        revocationSource = source;
        revocationProposedOn = today;
        return true;
    }

    public void revoke(LocalDate on, String reason) {
        require(state == ApplicationState.GRADED, "revoke");
        revokedOn = on;
        if (reason != null) {
            revocationReason = reason;
        }
        if (revocationProposedOn == null) {
            revocationProposedOn = on;
        }
        state = ApplicationState.REVOKED;
    }

    public void dismissRevocation() {
        require(state == ApplicationState.GRADED && revocationProposedOn != null, "dismiss-revocation");
        revocationProposedOn = null;
        revocationReason = null;
        revocationSource = null;
    }

    /** 83号: refused or revoked, the enterprise waits a year before applying again; the first day it may. */
    public LocalDate nextApplicationFrom() {
        return switch (state) {
            case REJECTED -> decidedOn.plusYears(WAIT_YEARS_AFTER_REFUSAL);
            case REVOKED -> revokedOn.plusYears(WAIT_YEARS_AFTER_REFUSAL);
            default -> null;
        };
    }

    /** The state people see: a grade past its last day reads as expired before the nightly job records it. */
    public String displayState(LocalDate today) {
        return state == ApplicationState.GRADED && today.isAfter(validUntil) ? ApplicationState.EXPIRED.name() : state.name();
    }

    /** A grade in force whose last day is within {@code days}. */
    public boolean expiresWithin(LocalDate today, int days) {
        return state == ApplicationState.GRADED && !today.isAfter(validUntil) && !validUntil.isAfter(today.plusDays(days));
    }

    public boolean inForce(LocalDate today) {
        return state == ApplicationState.GRADED && !today.isAfter(validUntil);
    }

    private void require(boolean ok, String action) {
        if (!ok) {
            throw new StandardizationViolation("standardization.transition.refused", "state " + state + " does not allow " + action, state, action);
        }
    }

    public UUID id() { return id; }
    public UUID enterpriseId() { return enterpriseId; }
    public GradeLevel level() { return level; }
    public ReviewingLevel reviewingLevel() { return reviewingLevel; }
    public BigDecimal selfScore() { return selfScore; }
    public LocalDate submittedOn() { return submittedOn; }
    public ApplicationState state() { return state; }
    public UUID onsiteInspectionId() { return onsiteInspectionId; }
    public BigDecimal onsiteScore() { return onsiteScore; }
    public LocalDate onsiteOn() { return onsiteOn; }
    public String onsiteNote() { return onsiteNote; }
    public LocalDate decidedOn() { return decidedOn; }
    public String authority() { return authority; }
    public String documentNo() { return documentNo; }
    public String decisionNote() { return decisionNote; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public String revocationReason() { return revocationReason; }
    public String revocationSource() { return revocationSource; }
    public LocalDate revocationProposedOn() { return revocationProposedOn; }
    public LocalDate revokedOn() { return revokedOn; }
}
