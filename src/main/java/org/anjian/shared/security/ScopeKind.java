package org.anjian.shared.security;

/** What part of the district a user's data scope covers. */
public enum ScopeKind {
    /** The whole district. */
    DISTRICT,
    /** One town/street or park and everything below it in the region tree. */
    REGION,
    /** The sectors one industry department regulates. */
    DEPARTMENT,
    /** One enterprise. */
    ENTERPRISE,
    /** The enterprises a service agency serves under trusteeship. */
    AGENCY
}
