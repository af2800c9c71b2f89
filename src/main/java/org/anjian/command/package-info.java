/**
 * The district view (一张图, CMD-1) and the situation analysis (CMD-2): one map of enterprises by supervision class,
 * risk levels, open hazards, live alarms, accidents, permits under way and today's inspections, with counts by town
 * and sector, drill-down district → town → enterprise, live updates, trends, rankings, warnings and a monthly
 * bulletin. It owns no tables: every figure comes from the owning module's public query (SQL aggregates on that
 * module's indexes), and changes arrive over {@code shared.live}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command view",
        allowedDependencies = {"shared", "organization", "enterprise", "risk", "hazard", "inspection", "accident", "permit", "monitoring"})
package org.anjian.command;
