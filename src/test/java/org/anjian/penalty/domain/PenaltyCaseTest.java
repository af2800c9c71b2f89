package org.anjian.penalty.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.PenaltyDecided;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The penalty case guards its own life cycle and registers what happens to it. */
class PenaltyCaseTest {

    static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");
    static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    static final List<DiscretionRule> TABLE = List.of(new DiscretionRule("DEFAULT", 1000, null, null, null, null, null, null, null, null,
            DiscretionRule.Recommendation.STANDARD, 10_000, 30_000, "一般", null));

    final PenaltyProcedure procedure = PenaltyProcedure.DEFAULTS;
    final UUID zhang = UUID.randomUUID();
    final UUID li = UUID.randomUUID();
    final UUID reviewer = UUID.randomUUID();
    final UUID enterprise = UUID.randomUUID();
    final AtomicInteger numbers = new AtomicInteger();

    PenaltyCase.Filing filing(UUID inspectionId, CaseFacts circumstances) {
        return new PenaltyCase.Filing(inspectionId == null ? CaseSource.REPORT : CaseSource.INSPECTION, inspectionId, null, enterprise,
                EnumSet.of(ViolationCategory.MAINTENANCE), "经查，冲床检修未停机断电挂牌。", "王建国", List.of(zhang, li), circumstances);
    }

    PenaltyCase filed() {
        PenaltyCase c = PenaltyCase.file(UUID.randomUUID(), filing(null, CaseFacts.NONE), true, u -> true, null, "zhang", NOW);
        c.clearEvents();
        return c;
    }

    PenaltyCase.IssuedDocument document(LocalDate on) {
        return new PenaltyCase.IssuedDocument(UUID.randomUUID(), "津应急罚〔2026〕" + numbers.incrementAndGet() + "号", NOW, on);
    }

    /** Filed, investigated and proposed with this fine. */
    PenaltyCase proposed(long fine) {
        PenaltyCase c = filed();
        c.investigate("INQUIRY", "询问笔录", NOW.minusSeconds(60), NOW);
        c.propose(fine, Set.of(Measure.FINE), "《安全生产法》第一百零二条", "情节较重", null, TABLE, zhang, procedure);
        return c;
    }

    @Test
    void aFiledCaseRegistersItsFilingWithItsHandlers() {
        PenaltyCase c = PenaltyCase.file(UUID.randomUUID(), filing(null, CaseFacts.NONE), true, u -> true, null, "zhang", NOW);
        assertThat(c.state()).isEqualTo(CaseState.FILED);
        assertThat(c.events()).singleElement().isInstanceOfSatisfying(CaseEvent.Filed.class, f -> {
            assertThat(f.handlerIds()).containsExactly(zhang, li);
            assertThat(f.source()).isEqualTo(CaseSource.REPORT);
        });
    }

    @Test
    void aCaseIsNotFiledWithOneCertifiedHandler() {
        assertThatThrownBy(() -> PenaltyCase.file(UUID.randomUUID(), filing(null, CaseFacts.NONE), true, u -> u.equals(zhang), null, "zhang", NOW))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.fields())
                        .extracting(ProcedureViolation.FieldProblem::field).containsExactly("handlerIds"));
    }

    @Test
    void aCaseCitingAnInspectionOfAnotherEnterpriseIsNotFiled() {
        UUID inspection = UUID.randomUUID();
        PenaltyCase.CitedInspection ofAnother = new PenaltyCase.CitedInspection(inspection, UUID.randomUUID(), false);
        assertThatThrownBy(() -> PenaltyCase.file(UUID.randomUUID(), filing(inspection, null), true, u -> true, ofAnother, "zhang", NOW))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.fields()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("enterpriseId");
                    assertThat(f.code()).isEqualTo("penalty.new.notTheInspected");
                }));
    }

    @Test
    void aCaseFiledFromAnInspectionThatFoundAMajorHazardTakesTheHiddenMajorHazardCircumstances() {
        UUID inspection = UUID.randomUUID();
        PenaltyCase.CitedInspection foundMajor = new PenaltyCase.CitedInspection(inspection, enterprise, true);
        PenaltyCase.Snapshot s = PenaltyCase.file(UUID.randomUUID(), filing(inspection, null), true, u -> true, foundMajor, "zhang", NOW).snapshot();
        assertThat(s.circumstances().majorHazard()).isTrue();
        assertThat(s.circumstances().hidden()).isTrue();
        // what the officer states is what the case takes
        CaseFacts stated = new CaseFacts(true, true, true, false, false, false, false, false);
        assertThat(PenaltyCase.file(UUID.randomUUID(), filing(inspection, stated), true, u -> true, foundMajor, "zhang", NOW).snapshot().circumstances())
                .isEqualTo(stated);
    }

    @Test
    void aProposalBeforeTheInvestigationIsRefusedAndLeavesTheCaseAsItWas() {
        PenaltyCase c = filed();
        assertThatThrownBy(() -> c.propose(20_000L, Set.of(Measure.FINE), "x", null, null, TABLE, zhang, procedure))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("penalty.transition.refused");
                    assertThat(v.args()).containsExactly(CaseState.FILED, CaseAction.PROPOSE);
                });
        assertThat(c.state()).isEqualTo(CaseState.FILED);
        assertThat(c.events()).isEmpty();
    }

    @Test
    void eachStepRegistersItsMoveWithTheStatesBeforeAndAfter() {
        PenaltyCase c = filed();
        c.investigate("INQUIRY", "询问笔录", NOW.minusSeconds(60), NOW);
        assertThat(c.events()).hasSize(2).last().isInstanceOfSatisfying(CaseEvent.Moved.class, m -> {
            assertThat(m.action()).isEqualTo(CaseAction.INVESTIGATE);
            assertThat(m.from()).isEqualTo(CaseState.FILED);
            assertThat(m.to()).isEqualTo(CaseState.INVESTIGATING);
        });
        assertThat(c.events().get(0)).isInstanceOf(CaseEvent.InvestigationRecorded.class);
        assertThat(c.loadedState()).isEqualTo(CaseState.FILED);
    }

    @Test
    void aFineOf50000IsNotNotifiedBeforeItsLegalReview() {
        PenaltyCase c = proposed(50_000);
        assertThat(c.snapshot().reviewRequired()).isTrue();
        assertThat(c.nextActions()).contains(CaseAction.SUBMIT_REVIEW).doesNotContain(CaseAction.NOTIFY);
        assertThatThrownBy(() -> c.notifyParty(procedure, () -> document(NOV_2)))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.review.required"));
        assertThat(numbers).as("no notice number is used up").hasValue(0);
    }

    @Test
    void aFineOf49999NeedsNoReviewAndGivesNoHearing() {
        PenaltyCase c = proposed(49_999);
        assertThat(c.snapshot().reviewRequired()).isFalse();
        assertThat(c.snapshot().hearingRight()).isFalse();
        assertThat(c.nextActions()).contains(CaseAction.NOTIFY).doesNotContain(CaseAction.SUBMIT_REVIEW);
    }

    @Test
    void aCaseCannotBeReviewedByItsOwnHandler() {
        PenaltyCase c = proposed(50_000);
        c.submitForReview();
        assertThatThrownBy(() -> c.decideReview(li, true, "同意"))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.review.self"));
        c.decideReview(reviewer, true, "同意");
        assertThat(c.state()).isEqualTo(CaseState.REVIEWED);
    }

    @Test
    void aDecisionBeforeTheHearingPeriodEndsIsRefused() {
        PenaltyCase c = proposed(50_000);
        c.submitForReview();
        c.decideReview(reviewer, true, "同意");
        c.notifyParty(procedure, () -> document(NOV_2));
        assertThat(c.snapshot().notifiedOn()).isEqualTo(NOV_2);
        // notified on 2 November with a right to a hearing: five days, the decision from 7 November
        assertThatThrownBy(() -> c.decide(LocalDate.of(2026, 11, 6), procedure, () -> document(LocalDate.of(2026, 11, 6))))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.period.running"));
        assertThat(numbers).as("no decision number is used up").hasValue(1);
        c.decide(LocalDate.of(2026, 11, 7), procedure, () -> document(LocalDate.of(2026, 11, 7)));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
        assertThat(c.events()).last().isInstanceOfSatisfying(PenaltyDecided.class, d -> {
            assertThat(d.fineYuan()).isEqualTo(50_000);
            assertThat(d.decidedOn()).isEqualTo(LocalDate.of(2026, 11, 7));
            assertThat(d.enterpriseId()).isEqualTo(enterprise);
        });
    }

    @Test
    void withoutAHearingRightTheDecisionComesOnTheThirdDay() {
        PenaltyCase c = proposed(20_000);
        c.notifyParty(procedure, () -> document(NOV_2));
        assertThatThrownBy(() -> c.requestHearing(NOV_2, procedure))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.hearing.noRight"));
        assertThatThrownBy(() -> c.decide(LocalDate.of(2026, 11, 4), procedure, () -> document(LocalDate.of(2026, 11, 4))))
                .isInstanceOf(ProcedureViolation.class);
        c.decide(LocalDate.of(2026, 11, 5), procedure, () -> document(LocalDate.of(2026, 11, 5)));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
    }

    @Test
    void aRequestedHearingIsPresidedByAnOfficerWhoDidNotInvestigateAndHeldBeforeTheDecision() {
        PenaltyCase c = proposed(50_000);
        c.submitForReview();
        c.decideReview(reviewer, true, "同意");
        c.notifyParty(procedure, () -> document(NOV_2));
        c.requestHearing(LocalDate.of(2026, 11, 7), procedure);
        assertThatThrownBy(() -> c.decide(LocalDate.of(2026, 11, 20), procedure, () -> document(LocalDate.of(2026, 11, 20))))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.hearing.pending"));
        LocalDate heard = LocalDate.of(2026, 11, 12);
        assertThatThrownBy(() -> c.recordHearing(heard, li, "李执法", "当事人称已整改", heard))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.hearing.presidingHandler"));
        c.recordHearing(heard, reviewer, "赵主持", "当事人称已整改", heard);
        c.decide(heard, procedure, () -> document(heard));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
    }

    @Test
    void aCaseClosesWhenTheFineIsPaidInFull() {
        PenaltyCase c = proposed(20_000);
        c.notifyParty(procedure, () -> document(NOV_2));
        LocalDate decided = LocalDate.of(2026, 11, 5);
        c.decide(decided, procedure, () -> document(decided));
        c.recordPayment(5_000L, decided, "FS-1", decided);
        assertThatThrownBy(() -> c.close(null))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.close.unpaid"));
        assertThatThrownBy(() -> c.recordPayment(15_001L, decided, "FS-2", decided))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.fields().get(0).code()).isEqualTo("penalty.payment.exceeds"));
        c.recordPayment(15_000L, decided, "FS-2", decided);
        c.close(null);
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void aCaseWhoseFineTheCourtWasAskedToEnforceCloses() {
        PenaltyCase c = proposed(20_000);
        c.notifyParty(procedure, () -> document(NOV_2));
        LocalDate decided = LocalDate.of(2026, 11, 5);
        c.decide(decided, procedure, () -> document(decided));
        LocalDate later = LocalDate.of(2026, 12, 1);
        c.applyForEnforcement("江津区人民法院", later, null, later);
        c.close(null);
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    }
}
