/**
 * Penalty cases (行政处罚, ENF-5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Penalty cases", allowedDependencies = {"shared", "enterprise", "identity", "organization", "inspection"})
package org.anjian.penalty;
