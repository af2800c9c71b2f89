package org.anjian.publicreport.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.anjian.publicreport.domain.PublicReport.AssigneeKind;
import org.anjian.publicreport.domain.PublicReport.TimeLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RPT-2: accept → assign → verify → result → feedback → close, within the limits; overdue reports escalate. */
class PublicReportTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    static final TimeLimits LIMITS = TimeLimits.DEFAULT;

    static PublicReport received() {
        return PublicReport.receive(UUID.randomUUID(), "ABCD2345", ReportCategory.MAJOR_HAZARD, "仓库堆放大量液化气钢瓶", "某镇某路 1 号",
                null, null, true, Instant.parse("2026-11-27T02:00:00Z"), FRIDAY, WorkingDayCalendar.weekdaysOnly(), LIMITS);
    }

    @Test
    void aReportReceivedOnFridayMustBeAcceptedWithinFiveWorkingDays() {
        PublicReport report = received();
        assertThat(report.dueOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(report.isOverdue(LocalDate.of(2026, 12, 4))).isFalse();
        assertThat(report.isOverdue(LocalDate.of(2026, 12, 5))).isTrue();
    }

    @Test
    void theWholeLifeCycleEndsWithFeedbackUnderTheQueryCode() {
        PublicReport report = received();
        report.accept(FRIDAY.plusDays(3), LIMITS);
        assertThat(report.dueOn()).isEqualTo(FRIDAY.plusDays(63));
        UUID town = UUID.randomUUID();
        report.assign(AssigneeKind.TOWN, town);
        report.startVerifying(null);
        report.recordResult(true, "现场核实存在违规储存", 50_000L);
        report.giveFeedback("经核查属实，已责令整改并罚款", FRIDAY.plusDays(20));
        report.close(FRIDAY.plusDays(21));
        PublicReport.Snapshot s = report.snapshot();
        assertThat(s.state()).isEqualTo(ReportState.CLOSED);
        assertThat(s.assigneeId()).isEqualTo(town);
        assertThat(s.feedback()).contains("属实");
        assertThat(s.fineYuan()).isEqualTo(50_000L);
    }

    @Test
    void aReportCannotBeAssignedBeforeItIsAccepted() {
        PublicReport report = received();
        assertThatThrownBy(() -> report.assign(AssigneeKind.TOWN, UUID.randomUUID()))
                .isInstanceOf(ReportRuleViolation.class)
                .hasFieldOrPropertyWithValue("reason", "publicreport.state.refused")
                .satisfies(e -> assertThat(((ReportRuleViolation) e).args()).containsExactly("RECEIVED", "ASSIGN"));
    }

    @Test
    void aRejectedReportCannotBeVerifiedAndTellsTheReporterWhy() {
        PublicReport report = received();
        report.reject("不属于安全生产监管范围", FRIDAY);
        assertThat(report.snapshot().feedback()).isEqualTo("不属于安全生产监管范围");
        assertThatThrownBy(() -> report.startVerifying(null)).isInstanceOf(ReportRuleViolation.class);
        report.close(FRIDAY);
        assertThat(report.state()).isEqualTo(ReportState.CLOSED);
    }

    @Test
    void verificationMayBeExtendedOnceByAtMostThirtyDays() {
        PublicReport report = received();
        report.accept(FRIDAY, LIMITS);
        assertThatThrownBy(() -> report.extend(31, "涉及多个部门", LIMITS)).isInstanceOf(ReportRuleViolation.class)
                .hasFieldOrPropertyWithValue("reason", "publicreport.extend.days");
        report.extend(30, "涉及多个部门", LIMITS);
        assertThat(report.dueOn()).isEqualTo(FRIDAY.plusDays(90));
        assertThatThrownBy(() -> report.extend(1, "再次", LIMITS)).hasFieldOrPropertyWithValue("reason", "publicreport.extend.once");
    }

    @Test
    void anOverdueReportEscalatesOnceAndOnlyAfterItsLastDay() {
        PublicReport report = received();
        assertThat(report.escalateIfOverdue(LocalDate.of(2026, 12, 4))).isFalse();
        assertThat(report.escalateIfOverdue(LocalDate.of(2026, 12, 5))).isTrue();
        assertThat(report.escalateIfOverdue(LocalDate.of(2026, 12, 6))).isFalse();
        assertThat(report.escalatedOn()).isEqualTo(LocalDate.of(2026, 12, 5));
    }

    @Test
    void anUnsubstantiatedReportEarnsNoReward() {
        PublicReport report = received();
        report.accept(FRIDAY, LIMITS);
        report.assign(AssigneeKind.DEPARTMENT, UUID.randomUUID());
        report.startVerifying(null);
        report.recordResult(false, "现场未发现所述问题", null);
        assertThatThrownBy(() -> Reward.decide(UUID.randomUUID(), report, 3_000, "", FRIDAY))
                .hasFieldOrPropertyWithValue("reason", "publicreport.reward.notSubstantiated");
    }

    @Test
    void aRewardIsDecidedApprovedThenPaid() {
        PublicReport report = received();
        report.accept(FRIDAY, LIMITS);
        report.assign(AssigneeKind.TOWN, UUID.randomUUID());
        report.startVerifying(null);
        report.recordResult(true, "属实", 100_000L);
        Reward reward = Reward.decide(UUID.randomUUID(), report, 15_000, "罚款 100000 元的 15%", FRIDAY);
        assertThatThrownBy(() -> reward.pay("X-1", FRIDAY)).hasFieldOrPropertyWithValue("reason", "publicreport.reward.state");
        reward.approve(FRIDAY);
        reward.pay("X-1", FRIDAY);
        assertThat(reward.state()).isEqualTo(Reward.State.PAID);
    }
}
