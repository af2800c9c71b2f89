/**
 * Safety trusteeship (安全生产托管服务, SVC-1): service agencies and their qualifications, contracts with
 * small enterprises (period, scope, price, bought by the government or not), service visits whose
 * findings become hazards of the ENTERPRISE (托管不卸责: the enterprise stays the owner and closes them),
 * monthly service reports and the district's yearly evaluation of agencies. The contracts in force
 * decide the AGENCY data scope for every module, through {@link org.anjian.organization.AgencyServedEnterprises}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trusteeship", allowedDependencies = {"shared", "enterprise", "organization", "hazard"})
package org.anjian.trusteeship;
