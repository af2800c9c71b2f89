/**
 * Who may do what (ORG-2) and the record of everything done (ORG-3): accounts, roles and data
 * scopes, form sign-in with lockout, API tokens for machines, and the SM3-chained audit trail that
 * every module writes through {@link org.anjian.shared.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and audit", allowedDependencies = {"shared", "organization"})
package org.anjian.identity;
