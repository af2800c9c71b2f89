package org.anjian.permit.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life cycle of a permit as a table: for each action, the states it may start from and the state
 * it leads to. draft → applied → approved → in progress ⇄ suspended → completed → closed (site handed
 * back); cancelled before the work is completed; expired (a draft too) when the validity ran out before completion
 * (4.16: a new permit is needed).
 * Anything else is refused (409) naming the state and the action.
 */
public final class PermitStateMachine {

    private record Edge(Set<PermitState> from, PermitState to) {
    }

    private static final Map<PermitAction, Edge> EDGES = new EnumMap<>(PermitAction.class);

    static {
        EDGES.put(PermitAction.APPLY, new Edge(EnumSet.of(PermitState.DRAFT), PermitState.APPLIED));
        EDGES.put(PermitAction.APPROVE, new Edge(EnumSet.of(PermitState.APPLIED), PermitState.APPROVED));
        EDGES.put(PermitAction.START, new Edge(EnumSet.of(PermitState.APPROVED), PermitState.IN_PROGRESS));
        EDGES.put(PermitAction.SUSPEND, new Edge(EnumSet.of(PermitState.IN_PROGRESS), PermitState.SUSPENDED));
        EDGES.put(PermitAction.RESUME, new Edge(EnumSet.of(PermitState.SUSPENDED), PermitState.IN_PROGRESS));
        EDGES.put(PermitAction.COMPLETE, new Edge(EnumSet.of(PermitState.IN_PROGRESS), PermitState.COMPLETED));
        EDGES.put(PermitAction.CLOSE, new Edge(EnumSet.of(PermitState.COMPLETED), PermitState.CLOSED));
        EDGES.put(PermitAction.CANCEL, new Edge(EnumSet.of(PermitState.DRAFT, PermitState.APPLIED, PermitState.APPROVED, PermitState.SUSPENDED),
                PermitState.CANCELLED));
        EDGES.put(PermitAction.EXPIRE, new Edge(EnumSet.of(PermitState.DRAFT, PermitState.APPLIED, PermitState.APPROVED, PermitState.IN_PROGRESS, PermitState.SUSPENDED),
                PermitState.EXPIRED));
    }

    private PermitStateMachine() {
    }

    public static boolean allows(PermitState from, PermitAction action) {
        return EDGES.get(action).from().contains(from);
    }

    /** The state the action leads to, or a refusal naming the state and the action in Chinese. */
    public static PermitState next(PermitState from, PermitAction action) {
        if (allows(from, action)) {
            return EDGES.get(action).to();
        }
        throw PermitViolation.refused("permit.transition", "作业票当前状态为「%s」，不能「%s」".formatted(from.label(), action.label()), from.label(),
                action.label());
    }
}
