/**
 * Experts (ENF-10, ENF-3 执法+专家): the district's expert pool with qualifications and fields of
 * expertise, each expert's service record (专家履职记录档案) rated after every service, the annual
 * evaluation (考核) by configurable rules with suspension of the unqualified, and the seeded,
 * conflict-free selection of experts that other modules (inspection) call through
 * {@link org.anjian.expert.ExpertPool}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experts", allowedDependencies = {"shared", "identity", "enterprise", "organization"})
package org.anjian.expert;
