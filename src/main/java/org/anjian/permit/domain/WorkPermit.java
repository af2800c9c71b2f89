package org.anjian.permit.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A special work permit (作业票) as an aggregate. Every action asks the {@link PermitStateMachine}
 * whether the state allows it, then the rules of GB 30871-2022 that apply to it; who may act is the
 * service's concern. Times are instants; the days of certificates are counted in {@code zone}.
 */
public class WorkPermit {

    /** What the applicant fills in. */
    public record Draft(UUID enterpriseId, WorkType type, WorkGrade grade, String location, String content, Instant validFrom, Instant validTo,
                        boolean inFireOrExplosionHazardArea, boolean oxygenEnriched, boolean insideConfinedSpace, String linkedPermitNumbers,
                        String applicant, String workLeader, String guardian, List<Worker> workers, List<String> measures,
                        String reasonForLongerPower) {
    }

    /** The permit as stored. */
    public record Snapshot(UUID id, String number, PermitState state, Draft draft, List<SafetyMeasure> measures, List<GasAnalysis> gasAnalyses,
                           String approver, ApprovalLevel approvalLevel, Instant approvedAt, Instant startedAt, Instant suspendedAt,
                           Instant completedAt, Instant closedAt, String handedBackTo, String endReason, Instant createdAt, Instant updatedAt) {
    }

    private final UUID id;
    private final String number;
    private PermitState state;
    private final Draft draft;
    private final List<SafetyMeasure> measures;
    private final List<GasAnalysis> gasAnalyses;
    private String approver;
    private ApprovalLevel approvalLevel;
    private Instant approvedAt;
    private Instant startedAt;
    private Instant suspendedAt;
    private Instant completedAt;
    private Instant closedAt;
    private String handedBackTo;
    private String endReason;
    private final Instant createdAt;
    private Instant updatedAt;

    private WorkPermit(Snapshot s) {
        this.id = s.id();
        this.number = s.number();
        this.state = s.state();
        this.draft = s.draft();
        this.measures = new ArrayList<>(s.measures());
        this.gasAnalyses = new ArrayList<>(s.gasAnalyses());
        this.approver = s.approver();
        this.approvalLevel = s.approvalLevel();
        this.approvedAt = s.approvedAt();
        this.startedAt = s.startedAt();
        this.suspendedAt = s.suspendedAt();
        this.completedAt = s.completedAt();
        this.closedAt = s.closedAt();
        this.handedBackTo = s.handedBackTo();
        this.endReason = s.endReason();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
    }

    public static WorkPermit restore(Snapshot s) {
        return new WorkPermit(s);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, number, state, draft, List.copyOf(measures), List.copyOf(gasAnalyses), approver, approvalLevel, approvedAt, startedAt,
                suspendedAt, completedAt, closedAt, handedBackTo, endReason, createdAt, updatedAt);
    }

    // ---- filling in --------------------------------------------------------------------------------

    /**
     * A new permit in draft: the grade belongs to the type, the period keeps within {@link PermitValidity},
     * the people are named, and every worker holds the certificate the work asks for ({@link WorkerCertificates}).
     */
    public static WorkPermit draft(UUID id, String number, Draft d, Instant linkedWorkEnds, ZoneId zone, Instant now) {
        if (d.type() == null) {
            throw PermitViolation.invalid("permit.type.required", "请选择作业类别");
        }
        if (!d.type().allows(d.grade())) {
            throw PermitViolation.invalid("permit.grade.invalid", "%s作业没有这一级别".formatted(d.type().label()), d.type().label());
        }
        required(d.location(), 200, "permit.location.required", "请填写作业地点（不超过200字）");
        required(d.content(), 1000, "permit.content.required", "请填写作业内容（不超过1000字）");
        required(d.applicant(), 50, "permit.applicant.required", "请填写申请人");
        required(d.workLeader(), 50, "permit.workLeader.required", "请填写作业负责人");
        required(d.guardian(), 50, "permit.guardian.required", "请填写监护人（GB 30871-2022 4.10）");
        PermitValidity.check(d.type(), d.grade(), d.validFrom(), d.validTo(), linkedWorkEnds, d.reasonForLongerPower());
        if (d.workers() == null || d.workers().isEmpty()) {
            throw PermitViolation.invalid("permit.workers.required", "请至少填写一名作业人员");
        }
        LocalDate lastDay = LocalDate.ofInstant(d.validTo(), zone);
        d.workers().forEach(w -> WorkerCertificates.check(w, d.type(), lastDay));
        if (d.measures() == null || d.measures().isEmpty()) {
            throw PermitViolation.invalid("permit.measures.required", "请至少填写一项安全措施");
        }
        if (DualPermits.needsALinkedConfinedSpacePermit(d.type(), d.insideConfinedSpace())
                && (d.linkedPermitNumbers() == null || d.linkedPermitNumbers().isBlank())) {
            throw PermitViolation.invalid("permit.dual.required", DualPermits.MESSAGE);
        }
        Draft clean = new Draft(d.enterpriseId(), d.type(), d.grade(), d.location().strip(), d.content().strip(), d.validFrom(), d.validTo(),
                d.inFireOrExplosionHazardArea(), d.oxygenEnriched(), d.insideConfinedSpace(), blank(d.linkedPermitNumbers()), d.applicant().strip(),
                d.workLeader().strip(), d.guardian().strip(), List.copyOf(d.workers()), List.copyOf(d.measures()), blank(d.reasonForLongerPower()));
        List<SafetyMeasure> list = d.measures().stream().map(m -> new SafetyMeasure(m, false, null)).toList();
        return new WorkPermit(new Snapshot(id, number, PermitState.DRAFT, clean, list, List.of(), null, null, null, null, null, null, null, null,
                null, now, now));
    }

    /** Confirms one measure of the checklist on site, with its photo (before the work starts). */
    public void confirmMeasure(int index, UUID photoId, Instant now) {
        if (state != PermitState.DRAFT && state != PermitState.APPLIED && state != PermitState.APPROVED) {
            throw PermitViolation.refused("permit.measure.state", "作业票当前状态为「%s」，不能再确认安全措施".formatted(state.label()), state.label());
        }
        if (index < 0 || index >= measures.size()) {
            throw PermitViolation.invalid("permit.measure.index", "没有这一项安全措施");
        }
        measures.set(index, measures.get(index).confirm(photoId));
        updatedAt = now;
    }

    /**
     * Records a gas analysis; whether it passed follows from {@link GasAnalysisRules}. Taken while the permit is
     * applied for, approved, under way or suspended, and not in the future.
     */
    public GasAnalysis recordGasAnalysis(UUID analysisId, Instant sampledAt, String place, String analyst, List<GasReading> readings, Instant now) {
        if (state == PermitState.DRAFT || state == PermitState.COMPLETED || state.isFinal()) {
            throw PermitViolation.refused("permit.gas.state", "作业票当前状态为「%s」，不能记录气体分析".formatted(state.label()), state.label());
        }
        if (sampledAt == null || sampledAt.isAfter(now)) {
            throw PermitViolation.invalid("permit.gas.sampledAt", "请填写采样时间（不得晚于现在）");
        }
        required(place, 200, "permit.gas.place", "请填写采样地点");
        required(analyst, 50, "permit.gas.analyst", "请填写分析人");
        if (readings == null || readings.isEmpty()) {
            throw PermitViolation.invalid("permit.gas.readings", "请至少填写一项检测读数");
        }
        boolean passed = GasAnalysisRules.failures(draft.type(), readings, draft.oxygenEnriched()).isEmpty();
        GasAnalysis a = new GasAnalysis(analysisId, sampledAt, place.strip(), analyst.strip(), readings, passed);
        gasAnalyses.add(a);
        updatedAt = now;
        return a;
    }

    // ---- the life cycle ----------------------------------------------------------------------------

    /** 申请: the applicant hands the filled-in permit over for approval. */
    public void apply(Instant now) {
        PermitState to = PermitStateMachine.next(state, PermitAction.APPLY);
        refuseIfPastValidity(now, PermitAction.APPLY);
        state = to;
        updatedAt = now;
    }

    /**
     * 审批 (4.11, Table B.1): the approver's level suffices for the type and grade, and every safety measure
     * was confirmed on site.
     */
    public void approve(String approverName, ApprovalLevel level, Instant now) {
        PermitState to = PermitStateMachine.next(state, PermitAction.APPROVE);
        refuseIfPastValidity(now, PermitAction.APPROVE);
        required(approverName, 50, "permit.approver.required", "请填写审批人");
        ApprovalLevel needed = ApprovalLevel.requiredFor(draft.type(), draft.grade());
        if (level == null || !level.suffices(needed)) {
            throw PermitViolation.refused("permit.approval.level", "%s%s作业票须由%s审批（GB 30871-2022 表B.1）".formatted(
                    draft.grade() == WorkGrade.NONE ? "" : draft.grade().label(draft.type()), draft.type().label(), needed.label()), needed.label());
        }
        if (measures.stream().anyMatch(m -> !m.confirmed())) {
            throw PermitViolation.refused("permit.measures.unconfirmed", "还有安全措施未确认，不能审批");
        }
        approver = approverName.strip();
        approvalLevel = level;
        approvedAt = now;
        state = to;
        updatedAt = now;
    }

    /**
     * 开始作业: only an approved permit within its validity; where a gas analysis is required, the latest one
     * passed and was sampled no more than 30 min before (5.3.1 c, 6.3 a); hot work in a confined space only
     * while its 受限空间 permit is approved or under way (4.6).
     *
     * @param linkedConfinedSpacePermitValid whether the linked 受限空间 permit is approved or under way
     */
    public void start(Instant now, boolean linkedConfinedSpacePermitValid) {
        PermitState to = PermitStateMachine.next(state, PermitAction.START);
        if (now.isBefore(draft.validFrom())) {
            throw PermitViolation.refused("permit.validity.notYet", "未到作业票有效期（自%s起），不能开始作业".formatted(draft.validFrom()), draft.validFrom());
        }
        refuseIfPastValidity(now, PermitAction.START);
        if (DualPermits.needsALinkedConfinedSpacePermit(draft.type(), draft.insideConfinedSpace()) && !linkedConfinedSpacePermitValid) {
            throw PermitViolation.refused("permit.dual.required", DualPermits.MESSAGE);
        }
        requireFreshGasAnalysis(now, null);
        startedAt = now;
        state = to;
        updatedAt = now;
    }

    /** 暂停 (4.10 d/e: the guardian stops the work or leaves and takes the permit back). */
    public void suspend(String reason, Instant now) {
        PermitState to = PermitStateMachine.next(state, PermitAction.SUSPEND);
        suspendedAt = now;
        endReason = blank(reason);
        state = to;
        updatedAt = now;
    }

    /**
     * 恢复作业 within the validity; after a break longer than 5.3.1 d / 6.3 f allows, only with a new passing
     * analysis sampled after the break began and no more than 30 min before resuming; hot work on a new day only after
     * that day's analysis (5.3.1 d, days counted in {@code zone}).
     */
    public void resume(Instant now, ZoneId zone) {
        PermitState to = PermitStateMachine.next(state, PermitAction.RESUME);
        refuseIfPastValidity(now, PermitAction.RESUME);
        if (gasAnalysisRequired() && !GasAnalysisRules.analysedToday(draft.type(), latestGasAnalysis().map(GasAnalysis::sampledAt).orElse(null),
                now, zone)) {
            throw PermitViolation.refused("permit.gas.daily", "今日尚未进行动火分析：每日动火前均应进行气体分析（GB 30871-2022 5.3.1 d）");
        }
        if (gasAnalysisRequired() && GasAnalysisRules.reanalysisAfterBreak(draft.type(), draft.grade(), suspendedAt, now)) {
            requireFreshGasAnalysis(now, suspendedAt);
        }
        suspendedAt = null;
        state = to;
        updatedAt = now;
    }

    /** 完工. */
    public void complete(Instant now) {
        PermitState to = PermitStateMachine.next(state, PermitAction.COMPLETE);
        completedAt = now;
        state = to;
        updatedAt = now;
    }

    /** 验收关闭: the site is checked and handed back to the unit it belongs to. */
    public void close(String handedBackToWhom, Instant now) {
        PermitState to = PermitStateMachine.next(state, PermitAction.CLOSE);
        required(handedBackToWhom, 50, "permit.close.handedBackTo", "请填写现场验收交还的接收人");
        handedBackTo = handedBackToWhom.strip();
        closedAt = now;
        state = to;
        updatedAt = now;
    }

    /** 取消, before the work is completed. */
    public void cancel(String reason, Instant now) {
        PermitState to = PermitStateMachine.next(state, PermitAction.CANCEL);
        required(reason, 500, "permit.cancel.reason", "请填写取消原因");
        endReason = reason.strip();
        state = to;
        updatedAt = now;
    }

    /** 过期失效: the validity ran out before the work was completed (4.16: a new permit is needed). */
    public void expire(Instant now) {
        PermitState to = PermitStateMachine.next(state, PermitAction.EXPIRE);
        if (!isPastValidity(now)) {
            throw PermitViolation.refused("permit.validity.notOver", "作业票仍在有效期内，不能作过期处理");
        }
        state = to;
        updatedAt = now;
    }

    /** 5.3.1 d: hot work under way whose latest analysis was sampled before today (in {@code zone}) may not go on. */
    public boolean needsTodaysGasAnalysis(Instant now, ZoneId zone) {
        return state == PermitState.IN_PROGRESS && gasAnalysisRequired()
                && !GasAnalysisRules.analysedToday(draft.type(), latestGasAnalysis().map(GasAnalysis::sampledAt).orElse(null), now, zone);
    }

    public boolean isPastValidity(Instant now) {
        return now.isAfter(draft.validTo());
    }

    public boolean gasAnalysisRequired() {
        return GasAnalysisRules.required(draft.type(), draft.inFireOrExplosionHazardArea());
    }

    /** The latest analysis by sampling time. */
    public Optional<GasAnalysis> latestGasAnalysis() {
        return gasAnalyses.stream().max(Comparator.comparing(GasAnalysis::sampledAt));
    }

    private void requireFreshGasAnalysis(Instant now, Instant notBefore) {
        if (!gasAnalysisRequired()) {
            return;
        }
        Optional<GasAnalysis> latest = latestGasAnalysis().filter(a -> !a.sampledAt().isAfter(now));
        String clause = draft.type() == WorkType.CONFINED_SPACE ? "6.3" : "5.3.1";
        if (latest.isEmpty() || (notBefore != null && !latest.get().sampledAt().isAfter(notBefore))) {
            throw PermitViolation.refused("permit.gas.missing", notBefore == null
                    ? "没有气体分析记录，不能开始作业（GB 30871-2022 %s）".formatted(clause)
                    : "作业中断超过%d分钟，须重新进行气体分析后才能恢复作业（GB 30871-2022 %s）".formatted(
                            GasAnalysisRules.longestBreakWithoutReanalysis(draft.type(), draft.grade()).toMinutes(),
                            draft.type() == WorkType.CONFINED_SPACE ? "6.3 f" : "5.3.1 d"));
        }
        GasAnalysis a = latest.get();
        if (!a.passed()) {
            throw PermitViolation.refused("permit.gas.failed", "最近一次气体分析不合格，不能作业（GB 30871-2022 %s）".formatted(
                    draft.type() == WorkType.CONFINED_SPACE ? "6.4" : "5.3.2"));
        }
        if (!GasAnalysisRules.freshEnoughToStart(a.sampledAt(), now)) {
            long minutes = Duration.between(a.sampledAt(), now).toMinutes();
            throw PermitViolation.refused("permit.gas.stale", "最近一次气体分析距今已%d分钟，超过%d分钟，须重新取样分析后才能作业（GB 30871-2022 %s）".formatted(
                    minutes, GasAnalysisRules.longestBeforeStart().toMinutes(), draft.type() == WorkType.CONFINED_SPACE ? "6.3 a" : "5.3.1 c"),
                    minutes, GasAnalysisRules.longestBeforeStart().toMinutes());
        }
    }

    private void refuseIfPastValidity(Instant now, PermitAction action) {
        if (isPastValidity(now)) {
            throw PermitViolation.refused("permit.validity.over", "作业票已超过有效期（至%s），不能「%s」，须重新办理作业票（GB 30871-2022 4.16）".formatted(
                    draft.validTo(), action.label()), draft.validTo(), action.label());
        }
    }

    private static void required(String value, int max, String code, String message) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw PermitViolation.invalid(code, message);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- reading -----------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public PermitState state() {
        return state;
    }

    public Draft draft() {
        return draft;
    }

    public List<SafetyMeasure> measures() {
        return List.copyOf(measures);
    }

    public List<GasAnalysis> gasAnalyses() {
        return List.copyOf(gasAnalyses);
    }

    public String approver() {
        return approver;
    }

    public String handedBackTo() {
        return handedBackTo;
    }
}
