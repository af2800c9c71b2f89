package org.anjian.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A 举报线索 (ENF-8) as a life cycle: received (NEW), assigned to inspectors (ASSIGNED), closed with
 * what was found (CLOSED), and a reward (举报奖励) recorded once for a confirmed one. A lead about a
 * registered enterprise is inspected as an inspection outside the plan with the reason LEAD; an
 * unregistered site is visited by a lawful {@link EnforcementTeam} without an inspection record.
 * A whistleblower (吹哨人) always names the enterprise they work in.
 */
public final class Lead {

    public static final Set<String> KINDS = Set.of("ILLEGAL_ACTIVITY", "WHISTLEBLOWER");
    public static final Set<String> SOURCES = Set.of("HOTLINE", "ONLINE", "LETTER", "VISIT", "REFERRAL");
    public static final Set<String> OUTCOMES = Set.of("CONFIRMED", "NOT_CONFIRMED");
    /** The reason an inspection planned for a lead carries (see {@link UnplannedInspections}). */
    public static final String UNPLANNED_REASON = "LEAD";
    static final long LARGEST_REWARD_YUAN = 100_000_000L;

    /** What was reported, as received. {@code townId} and {@code sector} are the enterprise's when it is registered. */
    public record Report(String kind, UUID enterpriseId, String siteName, String siteAddress, UUID townId, String sector, String description,
                         LocalDate receivedOn, String source, String reporterName, String reporterPhone) {
    }

    /** Plans the inspection of a registered enterprise for a lead, and returns its id. */
    @FunctionalInterface
    public interface InspectionPlanner {
        UUID plan(UUID enterpriseId, List<UUID> inspectorIds, LocalDate plannedOn, String reason);
    }

    private final UUID id;
    private final Report report;
    private LeadState state;
    private UUID inspectionId;
    private List<UUID> inspectorIds;
    private String outcome;
    private String result;
    private String closedBy;
    private Instant closedAt;
    private Long rewardYuan;
    private LocalDate rewardPaidOn;

    public Lead(UUID id, Report report, LeadState state, UUID inspectionId, List<UUID> inspectorIds, String outcome, String result, String closedBy,
                Instant closedAt, Long rewardYuan, LocalDate rewardPaidOn) {
        this.id = id;
        this.report = report;
        this.state = state;
        this.inspectionId = inspectionId;
        this.inspectorIds = inspectorIds == null ? List.of() : List.copyOf(inspectorIds);
        this.outcome = outcome;
        this.result = result;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.rewardYuan = rewardYuan;
        this.rewardPaidOn = rewardPaidOn;
    }

    /**
     * Receives a lead. {@code enterpriseFound}: whether {@code r.enterpriseId()}, when given, is a
     * registered enterprise. Every wrong field is named at once.
     */
    public static Lead receive(UUID id, Report r, boolean enterpriseFound, Set<String> sectors, LocalDate today) {
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (r == null || r.kind() == null || !KINDS.contains(r.kind())) {
            errors.add(new InspectionRuleViolation.Field("kind", "inspection.lead.kindRequired", "请选择线索类型"));
            throw InspectionRuleViolation.invalid(errors);
        }
        if (r.enterpriseId() != null && !enterpriseFound) {
            errors.add(new InspectionRuleViolation.Field("enterpriseId", "inspection.conflict.enterprise", "企业不存在"));
        }
        String site = Inspection.blank(r.siteName());
        if ("WHISTLEBLOWER".equals(r.kind()) && r.enterpriseId() == null) {
            errors.add(new InspectionRuleViolation.Field("enterpriseId", "inspection.lead.whistleblowerEnterprise", "吹哨人举报须指明其所在企业"));
        } else if (r.enterpriseId() == null && site == null) {
            errors.add(new InspectionRuleViolation.Field("siteName", "inspection.lead.site", "请选择企业或填写未登记场所名称"));
        }
        if ((site != null && site.length() > 200) || (r.siteAddress() != null && r.siteAddress().length() > 300)) {
            errors.add(new InspectionRuleViolation.Field("siteName", "shared.validation.tooLong", "内容过长"));
        }
        if (r.sector() != null && !sectors.contains(r.sector())) {
            errors.add(new InspectionRuleViolation.Field("sector", "inspection.plan.sectorInvalid", "行业无效"));
        }
        if (r.description() == null || r.description().isBlank() || r.description().length() > 4000) {
            errors.add(new InspectionRuleViolation.Field("description", "shared.validation.required", "必填"));
        }
        if (r.receivedOn() == null || r.receivedOn().isAfter(today)) {
            errors.add(new InspectionRuleViolation.Field("receivedOn", "inspection.lead.receivedOnInvalid", "受理日期不能晚于今天"));
        }
        if (r.source() == null || !SOURCES.contains(r.source())) {
            errors.add(new InspectionRuleViolation.Field("source", "inspection.lead.sourceRequired", "请选择线索来源"));
        }
        if (r.reporterName() != null && r.reporterName().length() > 50) {
            errors.add(new InspectionRuleViolation.Field("reporterName", "shared.validation.tooLong", "内容过长"));
        }
        if (r.reporterPhone() != null && !r.reporterPhone().isBlank() && !r.reporterPhone().trim().matches("[0-9+\\- ]{5,20}")) {
            errors.add(new InspectionRuleViolation.Field("reporterPhone", "inspection.lead.phone", "电话号码格式不正确"));
        }
        InspectionRuleViolation.throwIfAny(errors);
        Report kept = new Report(r.kind(), r.enterpriseId(), site, Inspection.blank(r.siteAddress()), r.townId(), r.sector(), r.description().trim(),
                r.receivedOn(), r.source(), r.reporterName(), r.reporterPhone());
        return new Lead(id, kept, LeadState.NEW, null, List.of(), null, null, null, null, null, null);
    }

    /** The lead is about a registered enterprise, which is then inspected. */
    public boolean isAboutRegisteredEnterprise() {
        return report.enterpriseId() != null;
    }

    /**
     * Assigns a new lead to inspectors: a registered enterprise gets an unplanned inspection (reason
     * LEAD) planned by {@code planner}, which checks the team; an unregistered site needs a lawful team here.
     */
    public void assign(List<EnforcementTeam.Member> team, LocalDate plannedOn, InspectionPlanner planner) {
        if (state != LeadState.NEW) {
            throw InspectionRuleViolation.refused("inspection.lead.notNew", "the lead is already assigned or closed");
        }
        List<UUID> ids = team.stream().map(EnforcementTeam.Member::id).distinct().toList();
        UUID inspection = null;
        if (isAboutRegisteredEnterprise()) {
            inspection = planner.plan(report.enterpriseId(), ids, plannedOn, UNPLANNED_REASON);
        } else {
            EnforcementTeam.require(team);
        }
        state = LeadState.ASSIGNED;
        inspectionId = inspection;
        inspectorIds = ids;
    }

    /** The district or an inspector assigned to the lead closes it. */
    public boolean isAssignedTo(UUID userId) {
        return inspectorIds.contains(userId);
    }

    /** Closes an assigned lead with what was found: CONFIRMED or NOT_CONFIRMED, and how. */
    public void close(String outcomeGiven, String resultGiven, String by, Instant at) {
        if (state != LeadState.ASSIGNED) {
            throw InspectionRuleViolation.refused("inspection.lead.notAssigned", "only an assigned lead is closed");
        }
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (outcomeGiven == null || !OUTCOMES.contains(outcomeGiven)) {
            errors.add(new InspectionRuleViolation.Field("outcome", "inspection.lead.outcomeRequired", "请选择核查结果"));
        }
        if (resultGiven == null || resultGiven.isBlank() || resultGiven.length() > 4000) {
            errors.add(new InspectionRuleViolation.Field("result", "shared.validation.required", "必填"));
        }
        InspectionRuleViolation.throwIfAny(errors);
        state = LeadState.CLOSED;
        outcome = outcomeGiven;
        result = resultGiven.trim();
        closedBy = by;
        closedAt = at;
    }

    /** 举报奖励: for a confirmed lead only, recorded once, paid between the day the lead was received and today. */
    public void reward(Long amountYuan, LocalDate paidOn, LocalDate today) {
        if (state != LeadState.CLOSED || !"CONFIRMED".equals(outcome)) {
            throw InspectionRuleViolation.refused("inspection.lead.notConfirmed", "rewards are paid for confirmed leads only");
        }
        if (rewardYuan != null) {
            throw InspectionRuleViolation.refused("inspection.lead.rewarded", "the reward is already recorded");
        }
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (amountYuan == null || amountYuan <= 0 || amountYuan > LARGEST_REWARD_YUAN) {
            errors.add(new InspectionRuleViolation.Field("amountYuan", "inspection.lead.amountInvalid", "奖励金额须大于 0"));
        }
        if (paidOn == null || paidOn.isAfter(today) || paidOn.isBefore(report.receivedOn())) {
            errors.add(new InspectionRuleViolation.Field("paidOn", "inspection.lead.paidOnInvalid", "兑现日期须在受理日期到今天之间"));
        }
        InspectionRuleViolation.throwIfAny(errors);
        rewardYuan = amountYuan;
        rewardPaidOn = paidOn;
    }

    public UUID id() {
        return id;
    }

    public Report report() {
        return report;
    }

    public LeadState state() {
        return state;
    }

    public UUID inspectionId() {
        return inspectionId;
    }

    public List<UUID> inspectorIds() {
        return inspectorIds;
    }

    public String outcome() {
        return outcome;
    }

    public String result() {
        return result;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Long rewardYuan() {
        return rewardYuan;
    }

    public LocalDate rewardPaidOn() {
        return rewardPaidOn;
    }
}
