/**
 * Hazards and their closed loop (隐患排查治理, DP-3, DP-4): found → planned → rectifying →
 * rectified → verified → closed, with the five assurances and the dual report before a major
 * hazard's rectification starts, verification by someone other than the rectifier, deadlines and
 * listed supervision (挂牌督办). Hazards arrive from the enterprise's own checks and, by events,
 * from inspections, public reports and alarms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hazards", allowedDependencies = {"shared", "enterprise", "organization", "risk", "inspection"})
package org.anjian.hazard;
