package org.anjian.governance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.anjian.governance.ProblemEscalation;
import org.anjian.governance.ProblemOwnerKind;
import org.anjian.governance.ProblemState;

/**
 * A problem on one of the 八张问题清单 and its closed loop (GOV-3, "问题发现、清单生成、闭环整改、责任落实"),
 * free of any framework:
 * <ul>
 *   <li>登记 REGISTERED → 整改中 RECTIFYING ({@link #start}) → 待核查 PENDING_VERIFICATION ({@link #submit}, with the
 *       measures taken and at least one piece of evidence) → 已销号 CLOSED ({@link #verify}, by the district);
 *       a failed verification ({@link #reject}, 退回, with the reason) sends it back to 整改中.</li>
 *   <li>Overdue: the day of the deadline is still in time; from the next day a problem not yet reported
 *       rectified is overdue. Overdue up to {@link #DAYS_AT_TOWN} days it is supervised by the town (for an
 *       enterprise's problem), after that, or at once for a town's or a department's own problem, by the district.</li>
 * </ul>
 */
public class Problem {

    /** How many days past its deadline an enterprise's problem stays under the town's supervision. */
    public static final int DAYS_AT_TOWN = 7;

    private final UUID id;
    private final ProblemOwnerKind ownerKind;
    private final LocalDate deadline;
    private ProblemState state;
    private String measures;
    private ProblemEscalation escalation;
    private UUID rectifiedBy;
    private Instant rectifiedAt;
    private UUID verifiedBy;
    private Instant closedAt;
    private int rejections;

    @SuppressWarnings("java:S107") // rebuilt from its stored columns
    public Problem(UUID id, ProblemOwnerKind ownerKind, LocalDate deadline, ProblemState state, String measures, ProblemEscalation escalation,
                   UUID rectifiedBy, Instant rectifiedAt, UUID verifiedBy, Instant closedAt, int rejections) {
        this.id = Objects.requireNonNull(id);
        this.ownerKind = Objects.requireNonNull(ownerKind);
        this.deadline = Objects.requireNonNull(deadline);
        this.state = Objects.requireNonNull(state);
        this.measures = measures;
        this.escalation = escalation == null ? ProblemEscalation.NONE : escalation;
        this.rectifiedBy = rectifiedBy;
        this.rectifiedAt = rectifiedAt;
        this.verifiedBy = verifiedBy;
        this.closedAt = closedAt;
        this.rejections = rejections;
    }

    public static Problem registered(UUID id, ProblemOwnerKind ownerKind, LocalDate deadline) {
        return new Problem(id, ownerKind, deadline, ProblemState.REGISTERED, null, ProblemEscalation.NONE, null, null, null, null, 0);
    }

    /** The owner takes the problem up. */
    public void start() {
        require(state == ProblemState.REGISTERED, "开始整改");
        state = ProblemState.RECTIFYING;
    }

    /** The owner reports it rectified: what was done, with evidence. */
    public void submit(String measuresTaken, int evidenceCount, UUID by, Instant now) {
        require(state == ProblemState.RECTIFYING, "提交核查");
        if (measuresTaken == null || measuresTaken.isBlank()) {
            throw new ProblemRuleViolation("governance.problem.measures.required", "the measures taken are required");
        }
        if (evidenceCount < 1) {
            throw new ProblemRuleViolation("governance.problem.evidence.required", "at least one piece of evidence is required");
        }
        measures = measuresTaken.trim();
        rectifiedBy = by;
        rectifiedAt = now;
        state = ProblemState.PENDING_VERIFICATION;
    }

    /** The district verifies the rectification on the spot or from the evidence, and closes the problem (销号). */
    public void verify(UUID by, boolean district, Instant now) {
        require(state == ProblemState.PENDING_VERIFICATION, "核查销号");
        checkVerifier(by, district);
        verifiedBy = by;
        closedAt = now;
        state = ProblemState.CLOSED;
    }

    /** 退回: the rectification does not hold; the owner rectifies again. */
    public void reject(UUID by, boolean district, String reason) {
        require(state == ProblemState.PENDING_VERIFICATION, "退回");
        checkVerifier(by, district);
        if (reason == null || reason.isBlank()) {
            throw new ProblemRuleViolation("governance.problem.reject.reason", "the reason for sending it back is required");
        }
        rejections++;
        rectifiedBy = null;
        rectifiedAt = null;
        state = ProblemState.RECTIFYING;
    }

    /** Evidence joins an open problem; a closed one stays as it was closed. */
    public void acceptEvidence() {
        if (state == ProblemState.CLOSED) {
            throw new ProblemRuleViolation("governance.problem.transition.illegal", "cannot add evidence to a closed problem",
                    state.label(), "上传佐证");
        }
    }

    /** Past its deadline (the deadline day itself is in time) and not yet reported rectified. */
    public boolean isOverdue(LocalDate today) {
        return today.isAfter(deadline) && (state == ProblemState.REGISTERED || state == ProblemState.RECTIFYING);
    }

    /** Where an overdue problem belongs today; {@link ProblemEscalation#NONE} when it is not overdue. */
    public ProblemEscalation escalationDue(LocalDate today) {
        if (!isOverdue(today)) {
            return ProblemEscalation.NONE;
        }
        if (ownerKind != ProblemOwnerKind.ENTERPRISE || today.isAfter(deadline.plusDays(DAYS_AT_TOWN))) {
            return ProblemEscalation.DISTRICT;
        }
        return ProblemEscalation.TOWN;
    }

    /** Moves the problem up to where it belongs today; never down. Answers whether it moved. */
    public boolean escalate(LocalDate today) {
        ProblemEscalation due = escalationDue(today);
        if (due.ordinal() > escalation.ordinal()) {
            escalation = due;
            return true;
        }
        return false;
    }

    private void checkVerifier(UUID by, boolean district) {
        if (!district) {
            throw new ProblemRuleViolation("governance.problem.verify.district", "the district verifies and closes problems");
        }
        if (by != null && by.equals(rectifiedBy)) {
            throw new ProblemRuleViolation("governance.problem.verify.self", "nobody verifies their own rectification");
        }
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new ProblemRuleViolation("governance.problem.transition.illegal", "cannot " + action + " a problem that is " + state,
                    state.label(), action);
        }
    }

    public UUID id() { return id; }
    public ProblemOwnerKind ownerKind() { return ownerKind; }
    public LocalDate deadline() { return deadline; }
    public ProblemState state() { return state; }
    public String measures() { return measures; }
    public ProblemEscalation escalation() { return escalation; }
    public UUID rectifiedBy() { return rectifiedBy; }
    public Instant rectifiedAt() { return rectifiedAt; }
    public UUID verifiedBy() { return verifiedBy; }
    public Instant closedAt() { return closedAt; }
    public int rejections() { return rejections; }
}
