package org.anjian.publicreport.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A public report (举报, 12350) as an aggregate: received → accepted or rejected → assigned to a town
 * or department → verifying → verified (substantiated or not) → feedback given → closed. Each action
 * first asks whether the state allows it (else {@link ReportRuleViolation#refused} naming the state
 * and action), then its own rules. Time limits: acceptance within the configured working days of
 * receipt; verification within 60 days of acceptance, extendable once by at most 30 days with a
 * reason (举报奖励办法 2012 text; kept in 2018 as far as known). A report past its limit escalates.
 * The reporter's identity is not here: it is stored encrypted beside the report.
 */
public class PublicReport {

    /** Which kind of unit the report is assigned to. */
    public enum AssigneeKind { TOWN, DEPARTMENT }

    /** The time limits that apply to a report, from configuration. */
    public record TimeLimits(int acceptWorkingDays, int verifyDays, int maxExtensionDays) {
        public static final TimeLimits DEFAULT = new TimeLimits(5, 60, 30);
    }

    /** The report as stored. */
    public record Snapshot(UUID id, String queryCode, ReportState state, ReportCategory category, String description, String location,
                           UUID enterpriseId, String enterpriseName, boolean anonymous, Instant receivedAt, LocalDate receivedOn,
                           LocalDate acceptDueOn, LocalDate acceptedOn, String rejectReason, AssigneeKind assigneeKind, UUID assigneeId,
                           LocalDate verifyDueOn, boolean extended, String extensionReason, Boolean substantiated, String result,
                           Long fineYuan, String feedback, LocalDate feedbackOn, LocalDate closedOn, LocalDate escalatedOn, UUID leadId) {
    }

    private final UUID id;
    private final String queryCode;
    private ReportState state;
    private final ReportCategory category;
    private final String description;
    private final String location;
    private final UUID enterpriseId;
    private final String enterpriseName;
    private final boolean anonymous;
    private final Instant receivedAt;
    private final LocalDate receivedOn;
    private final LocalDate acceptDueOn;
    private LocalDate acceptedOn;
    private String rejectReason;
    private AssigneeKind assigneeKind;
    private UUID assigneeId;
    private LocalDate verifyDueOn;
    private boolean extended;
    private String extensionReason;
    private Boolean substantiated;
    private String result;
    private Long fineYuan;
    private String feedback;
    private LocalDate feedbackOn;
    private LocalDate closedOn;
    private LocalDate escalatedOn;
    private UUID leadId;

    private PublicReport(Snapshot s) {
        this.id = s.id();
        this.queryCode = s.queryCode();
        this.state = s.state();
        this.category = s.category();
        this.description = s.description();
        this.location = s.location();
        this.enterpriseId = s.enterpriseId();
        this.enterpriseName = s.enterpriseName();
        this.anonymous = s.anonymous();
        this.receivedAt = s.receivedAt();
        this.receivedOn = s.receivedOn();
        this.acceptDueOn = s.acceptDueOn();
        this.acceptedOn = s.acceptedOn();
        this.rejectReason = s.rejectReason();
        this.assigneeKind = s.assigneeKind();
        this.assigneeId = s.assigneeId();
        this.verifyDueOn = s.verifyDueOn();
        this.extended = s.extended();
        this.extensionReason = s.extensionReason();
        this.substantiated = s.substantiated();
        this.result = s.result();
        this.fineYuan = s.fineYuan();
        this.feedback = s.feedback();
        this.feedbackOn = s.feedbackOn();
        this.closedOn = s.closedOn();
        this.escalatedOn = s.escalatedOn();
        this.leadId = s.leadId();
    }

    /** A citizen's report as received (the acceptance limit counts from the local day of receipt). */
    public static PublicReport receive(UUID id, String queryCode, ReportCategory category, String description, String location,
                                       UUID enterpriseId, String enterpriseName, boolean anonymous, Instant at, LocalDate today,
                                       WorkingDayCalendar calendar, TimeLimits limits) {
        if (category == null) {
            throw ReportRuleViolation.invalid("category", "publicreport.category.required", "请选择举报类别");
        }
        if (description == null || description.isBlank() || description.length() > 2000) {
            throw ReportRuleViolation.invalid("description", "publicreport.description.required", "请描述举报事项（2000 字以内）");
        }
        if (location == null || location.isBlank() || location.length() > 200) {
            throw ReportRuleViolation.invalid("location", "publicreport.location.required", "请填写地点（200 字以内）");
        }
        LocalDate due = calendar.plusWorkingDays(today, limits.acceptWorkingDays());
        return new PublicReport(new Snapshot(id, queryCode, ReportState.RECEIVED, category, description.strip(), location.strip(),
                enterpriseId, enterpriseName, anonymous, at, today, due, null, null, null, null, null, false, null, null, null, null,
                null, null, null, null, null));
    }

    public static PublicReport restore(Snapshot s) {
        return new PublicReport(s);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, queryCode, state, category, description, location, enterpriseId, enterpriseName, anonymous, receivedAt,
                receivedOn, acceptDueOn, acceptedOn, rejectReason, assigneeKind, assigneeId, verifyDueOn, extended, extensionReason,
                substantiated, result, fineYuan, feedback, feedbackOn, closedOn, escalatedOn, leadId);
    }

    private static final java.util.Map<ReportAction, Set<ReportState>> ALLOWED = new java.util.EnumMap<>(java.util.Map.of(
            ReportAction.ACCEPT, EnumSet.of(ReportState.RECEIVED),
            ReportAction.REJECT, EnumSet.of(ReportState.RECEIVED),
            ReportAction.ASSIGN, EnumSet.of(ReportState.ACCEPTED, ReportState.ASSIGNED),
            ReportAction.VERIFY, EnumSet.of(ReportState.ASSIGNED),
            ReportAction.EXTEND, EnumSet.of(ReportState.ACCEPTED, ReportState.ASSIGNED, ReportState.VERIFYING),
            ReportAction.RESULT, EnumSet.of(ReportState.VERIFYING),
            ReportAction.FEEDBACK, EnumSet.of(ReportState.VERIFIED),
            ReportAction.CLOSE, EnumSet.of(ReportState.FEEDBACK_GIVEN, ReportState.REJECTED)));

    /** Whether the report's state allows the action. */
    public boolean allows(ReportAction action) {
        return ALLOWED.get(action).contains(state);
    }

    private void require(ReportAction action) {
        if (!allows(action)) {
            throw ReportRuleViolation.refused("publicreport.state.refused", "举报处于“" + state + "”状态，不能执行“" + action + "”",
                    state.name(), action.name());
        }
    }

    /** 受理: the verification limit starts on the day of acceptance. */
    public void accept(LocalDate today, TimeLimits limits) {
        require(ReportAction.ACCEPT);
        state = ReportState.ACCEPTED;
        acceptedOn = today;
        verifyDueOn = today.plusDays(limits.verifyDays());
    }

    /** 不予受理, with the reason the reporter will read under the query code. */
    public void reject(String reason, LocalDate today) {
        require(ReportAction.REJECT);
        String r = text(reason, 500, "reason", "publicreport.reason.required", "请说明不予受理的理由");
        state = ReportState.REJECTED;
        rejectReason = r;
        feedback = r;
        feedbackOn = today;
    }

    /** 交办 to a town or department (again, to hand it to another one). */
    public void assign(AssigneeKind kind, UUID unitId) {
        require(ReportAction.ASSIGN);
        if (kind == null || unitId == null) {
            throw ReportRuleViolation.invalid("assigneeId", "publicreport.assignee.required", "请选择承办的镇街或部门");
        }
        state = ReportState.ASSIGNED;
        assigneeKind = kind;
        assigneeId = unitId;
    }

    /** 开始核查; may name the inspection lead it planned. */
    public void startVerifying(UUID lead) {
        require(ReportAction.VERIFY);
        state = ReportState.VERIFYING;
        leadId = lead;
    }

    /**
     * 核查中计划执法检查: while verifying, the handler may hand the inspection module one lead (an
     * unplanned inspection follows when the district assigns it); the lead's outcome later feeds the result.
     */
    public void linkLead(UUID lead) {
        requireMayLinkLead();
        if (lead == null) {
            throw new IllegalArgumentException("lead");
        }
        leadId = lead;
    }

    /** Refuses (409) unless the report is being verified and has no lead yet. */
    public void requireMayLinkLead() {
        if (state != ReportState.VERIFYING) {
            throw ReportRuleViolation.refused("publicreport.state.refused", "举报处于“" + state + "”状态，不能执行“PLAN_LEAD”",
                    state.name(), "PLAN_LEAD");
        }
        if (leadId != null) {
            throw ReportRuleViolation.refused("publicreport.lead.exists", "该举报已计划执法检查");
        }
    }

    /** The lead's outcome, when the report is still being verified: CONFIRMED is substantiated; no fine is known yet. */
    public boolean resultFromLead(UUID lead, boolean confirmed, String text) {
        if (state != ReportState.VERIFYING || lead == null || !lead.equals(leadId)) {
            return false;
        }
        recordResult(confirmed, text == null || text.isBlank() ? "执法检查已办结" : (text.length() > 1900 ? text.substring(0, 1900) : text), null);
        return true;
    }

    public UUID leadId() {
        return leadId;
    }

    /** 延期: once, by at most the configured days, with the reason the reporter is told. */
    public void extend(int days, String reason, TimeLimits limits) {
        require(ReportAction.EXTEND);
        if (extended) {
            throw ReportRuleViolation.refused("publicreport.extend.once", "核查期限只能延长一次");
        }
        if (days < 1 || days > limits.maxExtensionDays()) {
            throw ReportRuleViolation.invalid("days", "publicreport.extend.days", "延长天数 1 至 " + limits.maxExtensionDays() + " 天");
        }
        extensionReason = text(reason, 500, "reason", "publicreport.reason.required", "请说明延期的理由");
        extended = true;
        verifyDueOn = verifyDueOn.plusDays(days);
    }

    /** 核查结果: substantiated or not; the fine imposed (if any) is what a reward is counted from. */
    public void recordResult(boolean isSubstantiated, String text, Long fine) {
        require(ReportAction.RESULT);
        String r = text(text, 2000, "result", "publicreport.result.required", "请填写核查结果");
        if (fine != null && fine < 0) {
            throw ReportRuleViolation.invalid("fineYuan", "publicreport.reward.fine", "罚款金额不能为负");
        }
        state = ReportState.VERIFIED;
        substantiated = isSubstantiated;
        result = r;
        fineYuan = isSubstantiated ? fine : null;
    }

    /** 反馈: what the reporter reads under the query code. */
    public void giveFeedback(String text, LocalDate today) {
        require(ReportAction.FEEDBACK);
        feedback = text(text, 2000, "feedback", "publicreport.feedback.required", "请填写反馈内容");
        feedbackOn = today;
        state = ReportState.FEEDBACK_GIVEN;
    }

    /** 办结. */
    public void close(LocalDate today) {
        require(ReportAction.CLOSE);
        state = ReportState.CLOSED;
        closedOn = today;
    }

    /** The limit the report is now counted against, or null when no limit runs (verified, rejected, closed). */
    public LocalDate dueOn() {
        return switch (state) {
            case RECEIVED -> acceptDueOn;
            case ACCEPTED, ASSIGNED, VERIFYING -> verifyDueOn;
            default -> null;
        };
    }

    /** Whether the running limit has passed (the last day itself is still in time). */
    public boolean isOverdue(LocalDate today) {
        LocalDate due = dueOn();
        return due != null && today.isAfter(due);
    }

    /** 逾期升级: marks an overdue report as escalated once; true when it escalated now. */
    public boolean escalateIfOverdue(LocalDate today) {
        if (escalatedOn != null || !isOverdue(today)) {
            return false;
        }
        escalatedOn = today;
        return true;
    }

    private static String text(String value, int max, String field, String reason, String message) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw ReportRuleViolation.invalid(field, reason, message);
        }
        return value.strip();
    }

    public UUID id() {
        return id;
    }

    public ReportState state() {
        return state;
    }

    public String queryCode() {
        return queryCode;
    }

    public Boolean substantiated() {
        return substantiated;
    }

    public Long fineYuan() {
        return fineYuan;
    }

    public AssigneeKind assigneeKind() {
        return assigneeKind;
    }

    public UUID assigneeId() {
        return assigneeId;
    }

    public LocalDate escalatedOn() {
        return escalatedOn;
    }
}
