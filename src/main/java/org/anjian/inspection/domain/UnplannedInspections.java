package org.anjian.inspection.domain;

import java.util.Set;

/**
 * 压减临时性、计划外检查执法: when a year has a published plan, an inspection of an enterprise with no
 * open item left in it is unplanned (计划外). It needs a reason once the year's unplanned share
 * (unplanned ÷ (plan items + unplanned), counting inspections already scheduled) would exceed the
 * district's limit; an inspection from a random draw carries RANDOM_DRAW as its reason.
 */
public record UnplannedInspections(double shareLimit) {

    public static final Set<String> REASONS = Set.of("LEAD", "COMPLAINT", "ACCIDENT", "CAMPAIGN", "RANDOM_DRAW");

    /** The reason to record: the one given, else RANDOM_DRAW for a drawn inspection, else none (null). */
    public static String reasonOf(String given, boolean fromRandomDraw) {
        String why = given == null || given.isBlank() ? (fromRandomDraw ? "RANDOM_DRAW" : null) : given.trim();
        if (why != null && !REASONS.contains(why)) {
            throw InspectionRuleViolation.invalid("reason", "inspection.plan.unplannedReason", "计划外检查的原因无效");
        }
        return why;
    }

    /** More inspections of the enterprise scheduled in the year than the plan has items for it. */
    public static boolean isUnplanned(long planItemsOfEnterprise, long inspectionsOfEnterprise) {
        return inspectionsOfEnterprise > planItemsOfEnterprise;
    }

    /** Refuses an unplanned inspection without a reason once the year's unplanned share is over the limit. */
    public void admitWithoutReason(long planItems, long unplanned) {
        Double share = PlanProgress.share(unplanned, planItems);
        if (share != null && share > shareLimit) {
            throw InspectionRuleViolation.refused("inspection.plan.unplannedLimit",
                    "unplanned share %d/%d over the limit %.2f: give a reason (LEAD, COMPLAINT, ACCIDENT, CAMPAIGN)"
                            .formatted(unplanned, planItems + unplanned, shareLimit));
        }
    }
}
