package org.anjian.inspection.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One planned visit of an enterprise in a month of the plan. A priority visit (class A, a priority
 * sector or a campaign) stays in its quarter; an item is removed only with a reason, and a removed
 * item is not changed again.
 */
public final class PlanItem {

    static final int LONGEST_REASON = 500;

    private final UUID id;
    private final UUID planId;
    private final boolean priority;
    private int month;
    private boolean removed;
    private String note;

    public PlanItem(UUID id, UUID planId, int month, boolean priority, boolean removed, String note) {
        this.id = id;
        this.planId = planId;
        this.month = month;
        this.priority = priority;
        this.removed = removed;
        this.note = note;
    }

    static PlanItem added(UUID id, UUID planId, boolean enterpriseFound, Integer month, boolean priority, String note) {
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (!enterpriseFound) {
            errors.add(new InspectionRuleViolation.Field("enterpriseId", "inspection.conflict.enterprise", "企业不存在"));
        }
        if (!isMonth(month)) {
            errors.add(new InspectionRuleViolation.Field("month", "inspection.plan.monthInvalid", "月份为 1–12"));
        }
        InspectionRuleViolation.throwIfAny(errors);
        return new PlanItem(id, planId, month, priority, false, note == null || note.isBlank() ? null : note.trim());
    }

    /** Moves the visit to another month; a priority visit only within its quarter. A note given replaces the item's note. */
    void moveTo(Integer newMonth, String newNote) {
        requireNotRemoved();
        if (!isMonth(newMonth)) {
            throw InspectionRuleViolation.invalid("month", "inspection.plan.monthInvalid", "月份为 1–12");
        }
        if (priority && quarter(newMonth) != quarter(month)) {
            throw InspectionRuleViolation.invalid("month", "inspection.plan.quarter", "重点企业的检查不能移出本季度");
        }
        month = newMonth;
        if (newNote != null && !newNote.isBlank()) {
            note = newNote.trim();
        }
    }

    void remove(String reason) {
        requireNotRemoved();
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > LONGEST_REASON) {
            throw InspectionRuleViolation.invalid("reason", "inspection.plan.reasonRequired", "删除计划项须说明理由");
        }
        removed = true;
        note = why;
    }

    private void requireNotRemoved() {
        if (removed) {
            throw InspectionRuleViolation.refused("inspection.plan.itemRemoved", "the item was removed");
        }
    }

    static int quarter(int month) {
        return (month - 1) / 3;
    }

    private static boolean isMonth(Integer m) {
        return m != null && m >= 1 && m <= 12;
    }

    public UUID id() {
        return id;
    }

    public UUID planId() {
        return planId;
    }

    public int month() {
        return month;
    }

    public boolean priority() {
        return priority;
    }

    public boolean removed() {
        return removed;
    }

    public String note() {
        return note;
    }
}
