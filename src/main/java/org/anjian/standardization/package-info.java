/**
 * Safety production standardization (安全生产标准化, STD-1, STD-2): applications for 一级/二级/三级 with a
 * self-assessment score, the on-site review integrated with an inspection (定级评审与监督检查一体化), the
 * decision of the level that grades it (who grades which level is data: {@code anjian.standardization.reviewing-levels}),
 * the grade with its 3-year validity (应急〔2021〕83号), expiry warnings, revocation proposed when a
 * death accident happens in a graded enterprise ({@link org.anjian.accident.AccidentRecorded}), and the
 * district's rates against the seed's targets. The registry reads the grade from
 * {@link org.anjian.standardization.StandardizationGradesChanged}; nobody types it in any more.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Standardization", allowedDependencies = {"shared", "enterprise", "organization", "accident", "inspection"})
package org.anjian.standardization;
