package org.anjian.penalty.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The procedural rules of a penalty case, one test per rule, with the numbers at their boundaries. */
class PenaltyProcedureTest {

    final PenaltyProcedure procedure = PenaltyProcedure.DEFAULTS;
    final UUID zhang = UUID.randomUUID();
    final UUID li = UUID.randomUUID();
    final UUID wang = UUID.randomUUID();
    final List<UUID> handlers = List.of(zhang, li);

    @Test
    void aCaseIsHandledByTwoCertifiedInspectors() {
        assertThat(PenaltyProcedure.handledByTwoCertifiedInspectors(List.of(zhang, li), u -> true)).isTrue();
        assertThat(PenaltyProcedure.handledByTwoCertifiedInspectors(List.of(zhang), u -> true)).isFalse();
        assertThat(PenaltyProcedure.handledByTwoCertifiedInspectors(List.of(zhang, zhang), u -> true)).as("the same inspector twice").isFalse();
        assertThat(PenaltyProcedure.handledByTwoCertifiedInspectors(List.of(zhang, li), u -> !u.equals(li))).as("one without a certificate").isFalse();
        assertThat(PenaltyProcedure.handledByTwoCertifiedInspectors(null, u -> true)).isFalse();
    }

    @Test
    void aCertifiedInspectorIsAnEnabledInspectorWithAnEnforcementCertificate() {
        assertThat(PenaltyProcedure.holdsAnEnforcementCertificate(true, Set.of(Role.INSPECTOR), "渝执 001")).isTrue();
        assertThat(PenaltyProcedure.holdsAnEnforcementCertificate(true, Set.of(Role.INSPECTOR), " ")).isFalse();
        assertThat(PenaltyProcedure.holdsAnEnforcementCertificate(false, Set.of(Role.INSPECTOR), "渝执 001")).isFalse();
        assertThat(PenaltyProcedure.holdsAnEnforcementCertificate(true, Set.of(Role.DISTRICT_ADMIN), "渝执 001")).isFalse();
    }

    @Test
    void aCaseCannotBeReviewedByItsOwnHandler() {
        assertThatThrownBy(() -> PenaltyProcedure.requireAReviewerWhoDoesNotHandleTheCase(handlers, null, li))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("penalty.review.self");
                    assertThat(v.getMessage()).isEqualTo("不得审核本人承办的案件");
                    assertThat(v.isInvalidInput()).isFalse();
                });
        assertThatCode(() -> PenaltyProcedure.requireAReviewerWhoDoesNotHandleTheCase(handlers, zhang, wang)).doesNotThrowAnyException();
    }

    @Test
    void aCaseCannotBeReviewedByWhoProposedItsPenalty() {
        assertThatThrownBy(() -> PenaltyProcedure.requireAReviewerWhoDoesNotHandleTheCase(handlers, wang, wang))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.review.self"));
    }

    @Test
    void theHearingIsPresidedByAnOfficerWhoDidNotInvestigateTheCase() {
        assertThatThrownBy(() -> PenaltyProcedure.requireAPresidingOfficerWhoDidNotInvestigate(handlers, li))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("penalty.hearing.presidingHandler");
                    assertThat(v.getMessage()).isEqualTo("听证由非本案调查人员主持");
                });
        assertThatCode(() -> PenaltyProcedure.requireAPresidingOfficerWhoDidNotInvestigate(handlers, wang)).doesNotThrowAnyException();
        assertThat(PenaltyProcedure.mayPresideTheHearing(handlers, zhang)).isFalse();
        assertThat(PenaltyProcedure.mayPresideTheHearing(handlers, wang)).isTrue();
    }

    @Test
    void aCaseClosesOnlyWhenTheFineIsPaidInFullOrTheCourtWasAskedToEnforceIt() {
        assertThatThrownBy(() -> PenaltyProcedure.requireFullPaymentOrCourtEnforcementToClose(50_000, 49_999, false, null))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("penalty.close.unpaid");
                    assertThat(v.args()).containsExactly("49,999", "50,000");
                });
        assertThatCode(() -> PenaltyProcedure.requireFullPaymentOrCourtEnforcementToClose(50_000, 50_000, false, null)).doesNotThrowAnyException();
        assertThatCode(() -> PenaltyProcedure.requireFullPaymentOrCourtEnforcementToClose(50_000, 0, true, null)).doesNotThrowAnyException();
    }

    @Test
    void aDecisionWithoutAFineClosesWithTheExecutionOfItsMeasuresRecorded() {
        assertThatThrownBy(() -> PenaltyProcedure.requireFullPaymentOrCourtEnforcementToClose(0, 0, false, " "))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> {
                    assertThat(v.isInvalidInput()).isTrue();
                    assertThat(v.fields()).extracting(ProcedureViolation.FieldProblem::field).containsExactly("measuresDone");
                });
        assertThatCode(() -> PenaltyProcedure.requireFullPaymentOrCourtEnforcementToClose(0, 0, false, "警告已送达")).doesNotThrowAnyException();
    }

    @Test
    void withAHearingRightTheDecisionWaitsFiveDaysAndMayBeIssuedOnTheFifth() {
        LocalDate notified = LocalDate.of(2026, 11, 2);
        assertThat(procedure.periodEnds(notified, true)).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThatThrownBy(() -> procedure.requireTheStatementPeriodOver(notified, true, LocalDate.of(2026, 11, 6)))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("penalty.period.running");
                    assertThat(v.getMessage()).isEqualTo("陈述申辩（听证申请）期限未届满");
                    assertThat(v.args()).containsExactly(LocalDate.of(2026, 11, 7));
                });
        assertThatCode(() -> procedure.requireTheStatementPeriodOver(notified, true, LocalDate.of(2026, 11, 7))).doesNotThrowAnyException();
    }

    @Test
    void withoutAHearingRightTheStatementPeriodIsThreeDays() {
        LocalDate notified = LocalDate.of(2026, 11, 2);
        assertThat(procedure.periodEnds(notified, false)).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThatThrownBy(() -> procedure.requireTheStatementPeriodOver(notified, false, LocalDate.of(2026, 11, 4)))
                .isInstanceOf(ProcedureViolation.class);
        assertThatCode(() -> procedure.requireTheStatementPeriodOver(notified, false, LocalDate.of(2026, 11, 5))).doesNotThrowAnyException();
    }

    @Test
    void aHearingIsRequestedByTheFifthDayAndOnlyWhenThePenaltyGivesTheRight() {
        LocalDate notified = LocalDate.of(2026, 11, 2);
        assertThatCode(() -> procedure.requireAHearingRequestInTime(notified, true, LocalDate.of(2026, 11, 7))).doesNotThrowAnyException();
        assertThatThrownBy(() -> procedure.requireAHearingRequestInTime(notified, true, LocalDate.of(2026, 11, 8)))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.hearing.late"));
        assertThatThrownBy(() -> procedure.requireAHearingRequestInTime(notified, false, LocalDate.of(2026, 11, 3)))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.hearing.noRight"));
    }

    @Test
    void aFineOf50000OrASevereMeasureNeedsLegalReviewAndGivesAHearingRight() {
        assertThat(procedure.legalReviewRequired(50_000, Set.of(Measure.FINE))).isTrue();
        assertThat(procedure.legalReviewRequired(49_999, Set.of(Measure.FINE))).isFalse();
        assertThat(procedure.legalReviewRequired(0, Set.of(Measure.SUSPENSION))).isTrue();
        assertThat(procedure.hearingRight(50_000, Set.of(Measure.FINE))).isTrue();
        assertThat(procedure.hearingRight(49_999, EnumSet.of(Measure.FINE, Measure.WARNING))).isFalse();
        assertThat(procedure.hearingRight(1_000, EnumSet.of(Measure.FINE, Measure.CLOSURE))).isTrue();
    }

    @Test
    void aMajorDecisionIsNotNotifiedBeforeItsLegalReview() {
        assertThatThrownBy(() -> procedure.requireLegalReviewOfAMajorDecision(CaseState.PROPOSED, true))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("penalty.review.required");
                    assertThat(v.args()).containsExactly("50,000");
                });
        assertThatCode(() -> procedure.requireLegalReviewOfAMajorDecision(CaseState.REVIEWED, true)).doesNotThrowAnyException();
        assertThatCode(() -> procedure.requireLegalReviewOfAMajorDecision(CaseState.PROPOSED, false)).doesNotThrowAnyException();
    }

    @Test
    void aFineOutsideTheDiscretionBandNeedsAWrittenReason() {
        Optional<DiscretionRule> standard = Optional.of(new DiscretionRule("DEFAULT", 1000, null, null, null, null, null, null, null, null,
                DiscretionRule.Recommendation.STANDARD, 10_000, 30_000, "一般", null));
        assertThat(PenaltyProcedure.aFineOutsideTheBandIsExplained(standard, 30_000, null)).isTrue();
        assertThat(PenaltyProcedure.aFineOutsideTheBandIsExplained(standard, 30_001, null)).isFalse();
        assertThat(PenaltyProcedure.aFineOutsideTheBandIsExplained(standard, 9_999, " ")).isFalse();
        assertThat(PenaltyProcedure.aFineOutsideTheBandIsExplained(standard, 30_001, "一年内两次同类违法")).isTrue();
        assertThat(PenaltyProcedure.aFineOutsideTheBandIsExplained(Optional.empty(), 1_000_000, null)).as("no rule, no band").isTrue();
    }

    @Test
    void paymentsTogetherMayNotExceedTheFineAndOnlyAFineIsPaid() {
        assertThat(PenaltyProcedure.paymentsWithinTheFine(20_000, 30_000, 50_000)).isTrue();
        assertThat(PenaltyProcedure.paymentsWithinTheFine(20_000, 30_001, 50_000)).isFalse();
        assertThatThrownBy(() -> PenaltyProcedure.requireAFineToPay(0))
                .isInstanceOfSatisfying(ProcedureViolation.class, v -> assertThat(v.reason()).isEqualTo("penalty.payment.noFine"));
    }

    @Test
    void aPaymentIsDatedFromTheDecisionToToday() {
        LocalDate decided = LocalDate.of(2026, 11, 9);
        LocalDate today = LocalDate.of(2026, 11, 12);
        assertThat(PenaltyProcedure.betweenTheDecisionAndToday(decided, decided, today)).isTrue();
        assertThat(PenaltyProcedure.betweenTheDecisionAndToday(today, decided, today)).isTrue();
        assertThat(PenaltyProcedure.betweenTheDecisionAndToday(decided.minusDays(1), decided, today)).isFalse();
        assertThat(PenaltyProcedure.betweenTheDecisionAndToday(today.plusDays(1), decided, today)).isFalse();
    }

    @Test
    void aCaseCitingAnInspectionIsAgainstTheEnterpriseInspected() {
        UUID inspected = UUID.randomUUID();
        assertThat(PenaltyProcedure.citesAnInspectionOfTheSameEnterprise(inspected, inspected)).isTrue();
        assertThat(PenaltyProcedure.citesAnInspectionOfTheSameEnterprise(inspected, UUID.randomUUID())).isFalse();
    }

    @Test
    void aMajorHazardTheInspectionFoundIsAMajorHazardNotReported() {
        CaseFacts found = PenaltyProcedure.circumstancesOfAnInspection(true);
        assertThat(found.majorHazard()).isTrue();
        assertThat(found.hidden()).isTrue();
        assertThat(found.selfReported()).isFalse();
        assertThat(PenaltyProcedure.circumstancesOfAnInspection(false)).isEqualTo(CaseFacts.NONE);
    }
}
