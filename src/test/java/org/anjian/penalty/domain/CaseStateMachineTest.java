package org.anjian.penalty.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anjian.penalty.internal.ProcedureProblems;
import org.anjian.shared.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

import static org.anjian.penalty.domain.CaseAction.*;
import static org.anjian.penalty.domain.CaseState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every state × every action: the expected table is written out here, apart from the one in the code. */
class CaseStateMachineTest {

    static final Map<CaseState, Map<CaseAction, CaseState>> EXPECTED = new EnumMap<>(CaseState.class);

    static void allow(CaseState from, CaseAction action, CaseState to) {
        EXPECTED.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

    static {
        allow(FILED, INVESTIGATE, INVESTIGATING);
        allow(FILED, TRANSFER, TRANSFERRED);
        allow(INVESTIGATING, INVESTIGATE, INVESTIGATING);
        allow(INVESTIGATING, PROPOSE, PROPOSED);
        allow(INVESTIGATING, CaseAction.NO_PENALTY, CaseState.NO_PENALTY);
        allow(INVESTIGATING, TRANSFER, TRANSFERRED);
        allow(PROPOSED, PROPOSE, PROPOSED);
        allow(PROPOSED, SUBMIT_REVIEW, LEGAL_REVIEW);
        allow(PROPOSED, NOTIFY, NOTIFIED);
        allow(PROPOSED, CaseAction.NO_PENALTY, CaseState.NO_PENALTY);
        allow(PROPOSED, TRANSFER, TRANSFERRED);
        allow(LEGAL_REVIEW, APPROVE_REVIEW, REVIEWED);
        allow(LEGAL_REVIEW, RETURN_REVIEW, INVESTIGATING);
        allow(LEGAL_REVIEW, CaseAction.NO_PENALTY, CaseState.NO_PENALTY);
        allow(LEGAL_REVIEW, TRANSFER, TRANSFERRED);
        allow(REVIEWED, NOTIFY, NOTIFIED);
        allow(REVIEWED, CaseAction.NO_PENALTY, CaseState.NO_PENALTY);
        allow(REVIEWED, TRANSFER, TRANSFERRED);
        allow(NOTIFIED, REQUEST_HEARING, HEARING_REQUESTED);
        allow(NOTIFIED, DECIDE, DECIDED);
        allow(NOTIFIED, CaseAction.NO_PENALTY, CaseState.NO_PENALTY);
        allow(NOTIFIED, TRANSFER, TRANSFERRED);
        allow(HEARING_REQUESTED, RECORD_HEARING, HEARD);
        allow(HEARING_REQUESTED, TRANSFER, TRANSFERRED);
        allow(HEARD, DECIDE, DECIDED);
        allow(HEARD, CaseAction.NO_PENALTY, CaseState.NO_PENALTY);
        allow(HEARD, TRANSFER, TRANSFERRED);
        allow(DECIDED, RECORD_PAYMENT, EXECUTING);
        allow(DECIDED, APPLY_ENFORCEMENT, EXECUTING);
        allow(DECIDED, CLOSE, CLOSED);
        allow(EXECUTING, RECORD_PAYMENT, EXECUTING);
        allow(EXECUTING, APPLY_ENFORCEMENT, EXECUTING);
        allow(EXECUTING, CLOSE, CLOSED);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseState s : CaseState.values()) {
            for (CaseAction a : CaseAction.values()) {
                pairs.add(Arguments.of(s, a));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyPair")
    void eachPairIsAllowedOrRefusedWith409AndAReason(CaseState from, CaseAction action) {
        CaseState expected = EXPECTED.getOrDefault(from, Map.of()).get(action);
        if (expected != null) {
            assertThat(CaseStateMachine.next(from, action)).isEqualTo(expected);
            assertThat(CaseStateMachine.actionsFrom(from)).contains(action);
        } else {
            assertThatThrownBy(() -> asProblem(() -> CaseStateMachine.next(from, action))).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(e.reason()).startsWith("penalty.");
            });
            assertThat(CaseStateMachine.actionsFrom(from)).doesNotContain(action);
        }
    }

    @Test
    void theRefusalsSayWhy() {
        assertThatThrownBy(() -> asProblem(() -> CaseStateMachine.next(HEARING_REQUESTED, DECIDE)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("penalty.hearing.pending"));
        assertThatThrownBy(() -> asProblem(() -> CaseStateMachine.next(CLOSED, INVESTIGATE)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("penalty.transition.final"));
        assertThatThrownBy(() -> asProblem(() -> CaseStateMachine.next(FILED, DECIDE)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("penalty.transition.refused"));
        for (CaseState s : CaseState.values()) {
            assertThat(CaseStateMachine.actionsFrom(s).isEmpty()).as(s.name()).isEqualTo(s.isFinal());
        }
    }

    /** The refusal as the module maps it for the API and the pages (the domain's own exception knows no HTTP). */
    static void asProblem(Runnable call) {
        try {
            call.run();
        } catch (ProcedureViolation v) {
            throw ProcedureProblems.of(v);
        }
    }
}
