/**
 * The district as data (ORG-1): the region tree (district → towns/streets → parks), the safety
 * committee's member departments and its special offices. Loaded from a reference file at first
 * start and edited by the district administrator; other modules read it through
 * {@link org.anjian.organization.OrganizationDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = "shared")
package org.anjian.organization;
