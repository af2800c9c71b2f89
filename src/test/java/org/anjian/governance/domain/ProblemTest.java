package org.anjian.governance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.anjian.governance.ProblemEscalation;
import org.anjian.governance.ProblemOwnerKind;
import org.anjian.governance.ProblemState;
import org.junit.jupiter.api.Test;

/** The closed loop of a listed problem and its overdue rule, as the rule book reads. */
class ProblemTest {

    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 10);
    final UUID owner = UUID.randomUUID();
    final UUID district = UUID.randomUUID();
    final Instant now = Instant.parse("2026-12-05T02:00:00Z");

    Problem registered(ProblemOwnerKind kind) {
        return Problem.registered(UUID.randomUUID(), kind, DEADLINE);
    }

    @Test
    void aProblemGoesFromRegisteredThroughRectificationAndVerificationToClosed() {
        Problem p = registered(ProblemOwnerKind.ENTERPRISE);
        p.start();
        p.submit("已更换防爆灯具", 1, owner, now);
        assertThat(p.state()).isEqualTo(ProblemState.PENDING_VERIFICATION);
        p.verify(district, true, now);
        assertThat(p.state()).isEqualTo(ProblemState.CLOSED);
        assertThat(p.closedAt()).isEqualTo(now);
    }

    @Test
    void aRejectedRectificationGoesBackToRectifyingAndCountsTheRejection() {
        Problem p = registered(ProblemOwnerKind.TOWN);
        p.start();
        p.submit("已整改", 2, owner, now);
        p.reject(district, true, "照片不能反映整改效果");
        assertThat(p.state()).isEqualTo(ProblemState.RECTIFYING);
        assertThat(p.rejections()).isEqualTo(1);
        assertThat(p.rectifiedBy()).isNull();
    }

    @Test
    void noSubmissionWithoutEvidenceAndNoVerificationBeforeSubmission() {
        Problem p = registered(ProblemOwnerKind.ENTERPRISE);
        p.start();
        assertThatThrownBy(() -> p.submit("已整改", 0, owner, now)).isInstanceOf(ProblemRuleViolation.class)
                .extracting(e -> ((ProblemRuleViolation) e).reason()).isEqualTo("governance.problem.evidence.required");
        ProblemRuleViolation v = (ProblemRuleViolation) org.assertj.core.api.Assertions.catchThrowable(() -> p.verify(district, true, now));
        assertThat(v.reason()).isEqualTo("governance.problem.transition.illegal");
        assertThat(v.args()).containsExactly("整改中", "核查销号");
    }

    @Test
    void onlyTheDistrictVerifiesAndNeverItsOwnRectification() {
        Problem p = registered(ProblemOwnerKind.ENTERPRISE);
        p.start();
        p.submit("已整改", 1, owner, now);
        assertThatThrownBy(() -> p.verify(UUID.randomUUID(), false, now)).isInstanceOf(ProblemRuleViolation.class);
        assertThatThrownBy(() -> p.verify(owner, true, now)).isInstanceOf(ProblemRuleViolation.class);
        assertThat(p.state()).isEqualTo(ProblemState.PENDING_VERIFICATION);
    }

    @Test
    void theDeadlineDayIsInTimeTheNextDayIsOverdue() {
        Problem p = registered(ProblemOwnerKind.ENTERPRISE);
        assertThat(p.isOverdue(DEADLINE)).isFalse();
        assertThat(p.isOverdue(DEADLINE.plusDays(1))).isTrue();
    }

    @Test
    void anEnterpriseProblemIsSupervisedByTheTownForSevenDaysThenByTheDistrict() {
        Problem p = registered(ProblemOwnerKind.ENTERPRISE);
        assertThat(p.escalate(DEADLINE)).isFalse();
        assertThat(p.escalate(DEADLINE.plusDays(1))).isTrue();
        assertThat(p.escalation()).isEqualTo(ProblemEscalation.TOWN);
        assertThat(p.escalate(DEADLINE.plusDays(7))).isFalse();
        assertThat(p.escalate(DEADLINE.plusDays(8))).isTrue();
        assertThat(p.escalation()).isEqualTo(ProblemEscalation.DISTRICT);
    }

    @Test
    void aTownsOwnProblemGoesToTheDistrictAtOnceAndAReportedOneIsNotOverdue() {
        Problem town = registered(ProblemOwnerKind.TOWN);
        assertThat(town.escalationDue(DEADLINE.plusDays(1))).isEqualTo(ProblemEscalation.DISTRICT);
        Problem reported = registered(ProblemOwnerKind.ENTERPRISE);
        reported.start();
        reported.submit("已整改", 1, owner, now);
        assertThat(reported.isOverdue(DEADLINE.plusDays(30))).isFalse();
    }
}
