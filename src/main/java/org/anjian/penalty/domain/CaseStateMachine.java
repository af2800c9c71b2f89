package org.anjian.penalty.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life cycle of a penalty case as a table: for each action, the states it may start from and
 * the state it leads to. Anything not in the table is refused ({@link ProcedureViolation}, 409) with a reason; the rules
 * that also depend on dates, amounts and people (legal review, the statement period, who reviews
 * or presides) are in {@link PenaltyProcedure}.
 */
public final class CaseStateMachine {

    private record Edge(Set<CaseState> from, CaseState to) {
    }

    private static final Set<CaseState> BEFORE_DECISION = EnumSet.of(CaseState.FILED, CaseState.INVESTIGATING, CaseState.PROPOSED,
            CaseState.LEGAL_REVIEW, CaseState.REVIEWED, CaseState.NOTIFIED, CaseState.HEARING_REQUESTED, CaseState.HEARD);

    private static final Map<CaseAction, Edge> EDGES = new EnumMap<>(CaseAction.class);

    static {
        EDGES.put(CaseAction.INVESTIGATE, new Edge(EnumSet.of(CaseState.FILED, CaseState.INVESTIGATING), CaseState.INVESTIGATING));
        EDGES.put(CaseAction.PROPOSE, new Edge(EnumSet.of(CaseState.INVESTIGATING, CaseState.PROPOSED), CaseState.PROPOSED));
        EDGES.put(CaseAction.SUBMIT_REVIEW, new Edge(EnumSet.of(CaseState.PROPOSED), CaseState.LEGAL_REVIEW));
        EDGES.put(CaseAction.APPROVE_REVIEW, new Edge(EnumSet.of(CaseState.LEGAL_REVIEW), CaseState.REVIEWED));
        EDGES.put(CaseAction.RETURN_REVIEW, new Edge(EnumSet.of(CaseState.LEGAL_REVIEW), CaseState.INVESTIGATING));
        EDGES.put(CaseAction.NOTIFY, new Edge(EnumSet.of(CaseState.PROPOSED, CaseState.REVIEWED), CaseState.NOTIFIED));
        EDGES.put(CaseAction.REQUEST_HEARING, new Edge(EnumSet.of(CaseState.NOTIFIED), CaseState.HEARING_REQUESTED));
        EDGES.put(CaseAction.RECORD_HEARING, new Edge(EnumSet.of(CaseState.HEARING_REQUESTED), CaseState.HEARD));
        EDGES.put(CaseAction.DECIDE, new Edge(EnumSet.of(CaseState.NOTIFIED, CaseState.HEARD), CaseState.DECIDED));
        EDGES.put(CaseAction.RECORD_PAYMENT, new Edge(EnumSet.of(CaseState.DECIDED, CaseState.EXECUTING), CaseState.EXECUTING));
        EDGES.put(CaseAction.APPLY_ENFORCEMENT, new Edge(EnumSet.of(CaseState.DECIDED, CaseState.EXECUTING), CaseState.EXECUTING));
        EDGES.put(CaseAction.CLOSE, new Edge(EnumSet.of(CaseState.DECIDED, CaseState.EXECUTING), CaseState.CLOSED));
        // 不予处罚 can follow the investigation, the review, or the party's statement or hearing (行政处罚法 第五十七条)
        EDGES.put(CaseAction.NO_PENALTY, new Edge(EnumSet.of(CaseState.INVESTIGATING, CaseState.PROPOSED, CaseState.LEGAL_REVIEW,
                CaseState.REVIEWED, CaseState.NOTIFIED, CaseState.HEARD), CaseState.NO_PENALTY));
        // a suspected crime goes to the public security organs whenever it shows, but not after a decision was made
        EDGES.put(CaseAction.TRANSFER, new Edge(BEFORE_DECISION, CaseState.TRANSFERRED));
    }

    private CaseStateMachine() {
    }

    public static boolean allows(CaseState from, CaseAction action) {
        return EDGES.get(action).from().contains(from);
    }

    /** The state the action leads to, or a refusal saying why it is not possible here. */
    public static CaseState next(CaseState from, CaseAction action) {
        if (allows(from, action)) {
            return EDGES.get(action).to();
        }
        // the state and action are the message's arguments, named in the reader's language where the refusal is shown
        if (from.isFinal()) {
            throw ProcedureViolation.refused("penalty.transition.final", "the case is " + from + ": nothing more can be done", from, action);
        }
        if (action == CaseAction.DECIDE && from == CaseState.HEARING_REQUESTED) {
            throw ProcedureViolation.refused("penalty.hearing.pending", "a hearing was requested and has not been held", from, action);
        }
        if (action == CaseAction.NOTIFY && from == CaseState.LEGAL_REVIEW) {
            throw ProcedureViolation.refused("penalty.review.pending", "the legal review has not approved the proposal", from, action);
        }
        throw ProcedureViolation.refused("penalty.transition.refused", action + " is not possible while the case is " + from, from, action);
    }

    /** The actions possible from a state, for the page's forms. */
    public static Set<CaseAction> actionsFrom(CaseState state) {
        Set<CaseAction> out = EnumSet.noneOf(CaseAction.class);
        for (CaseAction a : CaseAction.values()) {
            if (allows(state, a)) {
                out.add(a);
            }
        }
        return out;
    }
}
