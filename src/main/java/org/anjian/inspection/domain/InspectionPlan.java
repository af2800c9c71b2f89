package org.anjian.inspection.domain;

import java.time.Instant;
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
