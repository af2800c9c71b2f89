/**
 * Penalty cases (行政处罚, ENF-5) from filing to closing, their numbered notices and decisions, the
 * discretion rules that recommend a band, and the public disclosure of decisions (行政执法公示,
 * ENF-7). Files a case when an inspection's rectification order is escalated; publishes
 * {@link org.anjian.penalty.PenaltyDecided} and answers {@link org.anjian.penalty.PenaltyRecords}
 * for the violation–penalty–accident analysis.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Penalty cases",
        allowedDependencies = {"shared", "enterprise", "identity", "organization", "inspection"})
package org.anjian.penalty;
