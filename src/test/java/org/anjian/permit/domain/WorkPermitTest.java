package org.anjian.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The permit's life cycle guarded by GB 30871-2022. */
class WorkPermitTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = Instant.parse("2026-12-02T01:00:00Z");
    private static final Worker WELDER = new Worker("张焊", CertificateCategory.WELDING_AND_THERMAL_CUTTING, "T1", LocalDate.of(2027, 1, 1));

    private static WorkPermit.Draft hotWork(WorkGrade grade, Duration validity, boolean insideConfinedSpace, String linked) {
        return new WorkPermit.Draft(UUID.randomUUID(), WorkType.HOT_WORK, grade, "罐区T-101", "更换法兰", FROM, FROM.plus(validity), true, false,
                insideConfinedSpace, linked, "申请人", "负责人", "监护人", List.of(WELDER), List.of("切断物料并加盲板", "配备灭火器"), null);
    }

    private static WorkPermit approvedHotWork(WorkGrade grade) {
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-1", hotWork(grade, Duration.ofHours(8), false, null), null, ZONE, FROM.minusSeconds(3600));
        p.apply(FROM.minusSeconds(3000));
        p.confirmMeasure(0, UUID.randomUUID(), FROM.minusSeconds(2900));
        p.confirmMeasure(1, null, FROM.minusSeconds(2900));
        p.approve("安全部", ApprovalLevel.SAFETY_DEPARTMENT, FROM.minusSeconds(2800));
        return p;
    }

    private static void analyse(WorkPermit p, Instant at, String combustible) {
        p.recordGasAnalysis(UUID.randomUUID(), at, "动火点5m内", "分析员", List.of(GasReading.combustible("甲烷", combustible, "5.0"),
                GasReading.oxygen("20.9")), at.plusSeconds(1));
    }

    @Test
    void aPermitGoesThroughEveryStateToClosedWithTheSiteHandedBack() {
        WorkPermit p = approvedHotWork(WorkGrade.FIRST);
        assertThat(p.state()).isEqualTo(PermitState.APPROVED);
        analyse(p, FROM.plusSeconds(60), "0.1");
        p.start(FROM.plusSeconds(600), false);
        assertThat(p.state()).isEqualTo(PermitState.IN_PROGRESS);
        p.suspend("监护人离开", FROM.plusSeconds(1200));
        assertThat(p.state()).isEqualTo(PermitState.SUSPENDED);
        p.resume(FROM.plusSeconds(1200 + 30 * 60), ZONE);
        assertThat(p.state()).isEqualTo(PermitState.IN_PROGRESS);
        p.complete(FROM.plusSeconds(7200));
        assertThat(p.state()).isEqualTo(PermitState.COMPLETED);
        p.close("车间主任", FROM.plusSeconds(7300));
        assertThat(p.state()).isEqualTo(PermitState.CLOSED);
        assertThat(p.handedBackTo()).isEqualTo("车间主任");
    }

    @Test
    void anIllegalTransitionNamesTheStateAndTheActionInChinese() {
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-2", hotWork(WorkGrade.SECOND, Duration.ofHours(8), false, null), null, ZONE, FROM);
        assertThatThrownBy(() -> p.start(FROM, false)).isInstanceOf(PermitViolation.class).hasMessage("作业票当前状态为「草稿」，不能「开始作业」");
        assertThatThrownBy(() -> p.complete(FROM)).hasMessage("作业票当前状态为「草稿」，不能「完工」");
    }

    @Test
    void anUnapprovedPermitCannotBeStarted() {
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-3", hotWork(WorkGrade.SECOND, Duration.ofHours(8), false, null), null, ZONE, FROM);
        p.apply(FROM);
        assertThatThrownBy(() -> p.start(FROM.plusSeconds(60), false)).hasMessageContaining("待审批").hasMessageContaining("开始作业");
    }

    @Test
    void anExpiredPermitCannotBeStarted_4_16() {
        WorkPermit p = approvedHotWork(WorkGrade.FIRST);
        Instant after = FROM.plus(Duration.ofHours(8)).plusSeconds(1);
        assertThatThrownBy(() -> p.start(after, false)).isInstanceOf(PermitViolation.class).hasMessageContaining("超过有效期");
        p.expire(after);
        assertThat(p.state()).isEqualTo(PermitState.EXPIRED);
    }

    @Test
    void aDraftWhoseValidityRanOutExpiresToo_4_16() {
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-9", hotWork(WorkGrade.SECOND, Duration.ofHours(8), false, null), null, ZONE, FROM);
        p.expire(FROM.plus(Duration.ofHours(8)).plusSeconds(1));
        assertThat(p.state()).isEqualTo(PermitState.EXPIRED);
    }

    @Test
    void aPermitStillValidCannotBeExpired() {
        WorkPermit p = approvedHotWork(WorkGrade.FIRST);
        assertThatThrownBy(() -> p.expire(FROM.plus(Duration.ofHours(8)))).hasMessageContaining("有效期内");
    }

    @Test
    void hotWorkStartsWithAnAnalysisSampledThirtyMinutesBeforeButNotThirtyOne_5_3_1c() {
        WorkPermit ok = approvedHotWork(WorkGrade.FIRST);
        analyse(ok, FROM.plusSeconds(60), "0.1");
        ok.start(FROM.plusSeconds(60 + 30 * 60), false);
        assertThat(ok.state()).isEqualTo(PermitState.IN_PROGRESS);

        WorkPermit stale = approvedHotWork(WorkGrade.FIRST);
        analyse(stale, FROM.plusSeconds(60), "0.1");
        assertThatThrownBy(() -> stale.start(FROM.plusSeconds(60 + 31 * 60), false)).isInstanceOf(PermitViolation.class)
                .hasMessage("最近一次气体分析距今已31分钟，超过30分钟，须重新取样分析后才能作业（GB 30871-2022 5.3.1 c）");
    }

    @Test
    void hotWorkWithoutAnAnalysisOrWithAFailedOneCannotStart_5_3_2() {
        WorkPermit none = approvedHotWork(WorkGrade.SECOND);
        assertThatThrownBy(() -> none.start(FROM.plusSeconds(60), false)).hasMessageContaining("没有气体分析记录");
        WorkPermit failed = approvedHotWork(WorkGrade.SECOND);
        analyse(failed, FROM.plusSeconds(60), "0.6");
        assertThat(failed.latestGasAnalysis().orElseThrow().passed()).isFalse();
        assertThatThrownBy(() -> failed.start(FROM.plusSeconds(120), false)).hasMessageContaining("不合格");
    }

    /** 5.3.1 d: 每日动火前均应进行气体分析 — a two-minute break across midnight (Chongqing time) still needs that day's analysis. */
    @Test
    void hotWorkGoesOnOnANewDayOnlyAfterThatDaysAnalysis_5_3_1d() {
        Instant evening = Instant.parse("2026-12-02T15:50:00Z"); // 23:50 in Chongqing
        WorkPermit.Draft d = new WorkPermit.Draft(UUID.randomUUID(), WorkType.HOT_WORK, WorkGrade.FIRST, "罐区T-101", "更换法兰", evening,
                evening.plus(Duration.ofHours(8)), true, false, false, null, "申请人", "负责人", "监护人", List.of(WELDER),
                List.of("配备灭火器"), null);
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-9", d, null, ZONE, evening.minusSeconds(600));
        p.apply(evening.minusSeconds(500));
        p.confirmMeasure(0, null, evening.minusSeconds(400));
        p.approve("主管厂长", ApprovalLevel.PLANT_DIRECTOR, evening.minusSeconds(300));
        Instant lastBeforeMidnight = Instant.parse("2026-12-02T15:59:00Z"); // 23:59
        analyse(p, lastBeforeMidnight, "0.1");
        p.start(lastBeforeMidnight.plusSeconds(30), false);
        assertThat(p.needsTodaysGasAnalysis(Instant.parse("2026-12-02T15:59:59Z"), ZONE)).isFalse();
        Instant midnight = Instant.parse("2026-12-02T16:00:00Z"); // 00:00 the next day
        assertThat(p.needsTodaysGasAnalysis(midnight, ZONE)).isTrue();
        p.suspend("每日动火前须重新分析", midnight);
        Instant resume = midnight.plusSeconds(120); // two minutes: shorter than the 30-minute break rule
        assertThatThrownBy(() -> p.resume(resume, ZONE)).hasMessage("今日尚未进行动火分析：每日动火前均应进行气体分析（GB 30871-2022 5.3.1 d）");
        analyse(p, midnight, "0.1");
        p.resume(resume, ZONE);
        assertThat(p.state()).isEqualTo(PermitState.IN_PROGRESS);
        assertThat(p.needsTodaysGasAnalysis(resume, ZONE)).isFalse();
    }

    @Test
    void gradeOneHotWorkResumedAfterMoreThanThirtyMinutesNeedsANewAnalysis_5_3_1d() {
        WorkPermit p = approvedHotWork(WorkGrade.FIRST);
        analyse(p, FROM.plusSeconds(60), "0.1");
        p.start(FROM.plusSeconds(120), false);
        Instant stopped = FROM.plusSeconds(600);
        p.suspend(null, stopped);
        Instant resume = stopped.plusSeconds(30 * 60 + 1);
        assertThatThrownBy(() -> p.resume(resume, ZONE)).hasMessageContaining("中断超过30分钟").hasMessageContaining("5.3.1 d");
        analyse(p, resume.minusSeconds(60), "0.1");
        p.resume(resume, ZONE);
        assertThat(p.state()).isEqualTo(PermitState.IN_PROGRESS);
    }

    @Test
    void hotWorkInAConfinedSpaceNeedsBothPermits_4_6() {
        assertThatThrownBy(() -> WorkPermit.draft(UUID.randomUUID(), "DH-4", hotWork(WorkGrade.FIRST, Duration.ofHours(8), true, null), null, ZONE,
                FROM)).hasMessageContaining("受限空间作业票");
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-5", hotWork(WorkGrade.FIRST, Duration.ofHours(8), true, "SX-1"), null, ZONE,
                FROM.minusSeconds(3600));
        p.apply(FROM.minusSeconds(3000));
        p.confirmMeasure(0, null, FROM.minusSeconds(2900));
        p.confirmMeasure(1, null, FROM.minusSeconds(2900));
        p.approve("安全部", ApprovalLevel.SAFETY_DEPARTMENT, FROM.minusSeconds(2800));
        analyse(p, FROM.plusSeconds(60), "0.1");
        assertThatThrownBy(() -> p.start(FROM.plusSeconds(120), false)).hasMessageContaining("4.6");
        p.start(FROM.plusSeconds(120), true);
        assertThat(p.state()).isEqualTo(PermitState.IN_PROGRESS);
    }

    @Test
    void aGradeOneHotWorkPermitIsApprovedByTheSafetyDepartmentNotTheBaseUnit_TableB1() {
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-6", hotWork(WorkGrade.FIRST, Duration.ofHours(8), false, null), null, ZONE, FROM);
        p.apply(FROM);
        p.confirmMeasure(0, null, FROM);
        p.confirmMeasure(1, null, FROM);
        assertThatThrownBy(() -> p.approve("班长", ApprovalLevel.BASE_UNIT, FROM)).hasMessageContaining("安全管理部门");
    }

    @Test
    void aPermitWithAnUnconfirmedMeasureCannotBeApproved() {
        WorkPermit p = WorkPermit.draft(UUID.randomUUID(), "DH-7", hotWork(WorkGrade.SECOND, Duration.ofHours(8), false, null), null, ZONE, FROM);
        p.apply(FROM);
        p.confirmMeasure(0, null, FROM);
        assertThatThrownBy(() -> p.approve("班长", ApprovalLevel.BASE_UNIT, FROM)).hasMessageContaining("安全措施未确认");
    }

    @Test
    void aWorkerWithoutAValidCertificateCannotBePutOnThePermit() {
        WorkPermit.Draft d = hotWork(WorkGrade.SECOND, Duration.ofHours(8), false, null);
        WorkPermit.Draft withLapsed = new WorkPermit.Draft(d.enterpriseId(), d.type(), d.grade(), d.location(), d.content(), d.validFrom(), d.validTo(),
                true, false, false, null, "a", "b", "c", List.of(new Worker("过期", CertificateCategory.WELDING_AND_THERMAL_CUTTING, "T9",
                LocalDate.of(2026, 12, 1))), d.measures(), null);
        assertThatThrownBy(() -> WorkPermit.draft(UUID.randomUUID(), "DH-8", withLapsed, null, ZONE, FROM)).hasMessageContaining("过期");
    }

    @Test
    void aCancelledPermitCanDoNothingMore() {
        WorkPermit p = approvedHotWork(WorkGrade.SECOND);
        p.cancel("计划变更", FROM);
        assertThat(p.state()).isEqualTo(PermitState.CANCELLED);
        assertThatThrownBy(() -> p.start(FROM, false)).hasMessage("作业票当前状态为「已取消」，不能「开始作业」");
    }

    @Test
    void workUnderWayCannotBeCancelledOnlySuspendedFirst() {
        WorkPermit p = approvedHotWork(WorkGrade.SECOND);
        analyse(p, FROM.plusSeconds(60), "0.1");
        p.start(FROM.plusSeconds(120), false);
        assertThatThrownBy(() -> p.cancel("x", FROM.plusSeconds(180))).hasMessage("作业票当前状态为「作业中」，不能「取消」");
    }

    @Test
    void aSnapshotRestoresTheSamePermit() {
        WorkPermit p = approvedHotWork(WorkGrade.FIRST);
        assertThat(WorkPermit.restore(p.snapshot()).snapshot()).isEqualTo(p.snapshot());
    }
}
