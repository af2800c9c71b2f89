/**
 * Governance (GOV-1 … GOV-4): the district's 目标考核 of towns and departments — annual targets and an
 * assessment scheme kept as data (indicators, weights, deductions, 一票否决), scores computed from the
 * facts the other modules publish ({@link org.anjian.accident.AccidentRecorded}, the hazard, penalty and
 * standardization events) with every point traceable to its facts, and the 五色图 whose colours and
 * criteria are data too; beside it the 八张问题清单, 挂图作战 and accountability records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance",
        allowedDependencies = {"shared", "organization", "enterprise", "accident", "hazard", "penalty", "standardization", "inspection"})
package org.anjian.governance;
