/**
 * Public reports (举报投诉 12350, RPT-1..3): the anonymous or named intake at {@code /public/report} with
 * a query code, the reporter's identity encrypted at rest, handling by the district, towns and
 * departments within the time limits, and the rewards of 《安全生产领域举报奖励办法》.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public reports",
        allowedDependencies = {"shared", "organization", "enterprise", "identity", "inspection"})
package org.anjian.publicreport;
