package org.anjian.inspection.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A 年度执法计划 (ENF-1) as a life cycle: a DRAFT is adjusted (items moved, removed, added), then
 * APPROVED, then PUBLISHED — one published plan per year. An approved or published plan is no
 * longer changed.
 */
public final class InspectionPlan {

    private final UUID id;
    private final int year;
    private PlanState state;
    private String approvedBy;
    private Instant approvedAt;
    private String publishedBy;
    private Instant publishedAt;

    public InspectionPlan(UUID id, int year, PlanState state) {
        this(id, year, state, null, null, null, null);
    }

    public InspectionPlan(UUID id, int year, PlanState state, String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt) {
        this.id = id;
        this.year = year;
        this.state = state;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    /** A 专项行动 as asked for: its name, the sector it targets and how many extra inspections of each enterprise. */
    public record CampaignRequest(String name, String sector, Integer extraInspections) {
    }

    /**
     * What a plan is generated from: a year 2000–2999, 1–200 inspections per inspector and month,
     * priority sectors that exist, and campaigns each with a name (at most 100 characters), an
     * existing sector and 1–12 extra inspections. Every wrong field is named at once.
     */
    public static void checkGeneration(Integer year, int capacityPerInspectorMonth, List<String> prioritySectors, List<CampaignRequest> campaigns,
                                       Set<String> sectors) {
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (year == null || year < 2000 || year > 2999) {
            errors.add(new InspectionRuleViolation.Field("year", "inspection.plan.yearInvalid", "年度无效"));
        }
        if (capacityPerInspectorMonth < 1 || capacityPerInspectorMonth > 200) {
            errors.add(new InspectionRuleViolation.Field("capacityPerInspectorMonth", "inspection.plan.capacityInvalid", "每人每月检查次数为 1–200"));
        }
        if (!sectors.containsAll(prioritySectors)) {
            errors.add(new InspectionRuleViolation.Field("priorities.sectors", "inspection.plan.sectorInvalid", "行业无效"));
        }
        for (CampaignRequest c : campaigns) {
            if (c == null || c.name() == null || c.name().isBlank() || c.name().length() > 100 || c.sector() == null || !sectors.contains(c.sector())
                    || c.extraInspections() == null || c.extraInspections() < 1 || c.extraInspections() > 12) {
                errors.add(new InspectionRuleViolation.Field("priorities.campaigns", "inspection.plan.campaignInvalid", "专项行动须有名称、行业和 1–12 次加密检查"));
                break;
            }
        }
        InspectionRuleViolation.throwIfAny(errors);
    }

    /** Only a draft is edited. */
    public void requireDraft() {
        if (state != PlanState.DRAFT) {
            throw InspectionRuleViolation.refused("inspection.plan.notDraft", "an approved or published plan is no longer changed");
        }
    }

    /** Moves an item of this draft to another month (see {@link PlanItem#moveTo}). */
    public void moveItem(PlanItem item, Integer month, String note) {
        requireDraft();
        item.moveTo(month, note);
    }

    /** Removes an item of this draft, with a reason (see {@link PlanItem#remove}). */
    public void removeItem(PlanItem item, String reason) {
        requireDraft();
        item.remove(reason);
    }

    /** Adds a visit of an enterprise ({@code enterpriseFound} false when there is none) in a month of this draft. */
    public PlanItem addItem(UUID itemId, boolean enterpriseFound, Integer month, boolean priority, String note) {
        requireDraft();
        return PlanItem.added(itemId, id, enterpriseFound, month, priority, note);
    }

    public void approve(String by, Instant at) {
        requireDraft();
        state = PlanState.APPROVED;
        approvedBy = by;
        approvedAt = at;
    }

    /** Publishes the approved plan as the year's plan: a year has one published plan. */
    public void publish(String by, Instant at, boolean yearHasPublishedPlan) {
        if (state != PlanState.APPROVED) {
            throw InspectionRuleViolation.refused("inspection.plan.notApproved", "only an approved plan is published");
        }
        if (yearHasPublishedPlan) {
            throw alreadyPublished();
        }
        state = PlanState.PUBLISHED;
        publishedBy = by;
        publishedAt = at;
    }

    /** The refusal when the year has a published plan already (also when another one was published at the same moment). */
    public static InspectionRuleViolation alreadyPublished() {
        return InspectionRuleViolation.refused("inspection.plan.alreadyPublished", "a plan of this year is already published");
    }

    public UUID id() {
        return id;
    }

    public int year() {
        return year;
    }

    public PlanState state() {
        return state;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
