package org.anjian.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.anjian.identity.UserSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;

/** An account as stored. The password hash never leaves this package. */
public record UserAccount(UUID id, String username, String displayName, String passwordHash, Set<Role> roles, DataScope scope,
                   String phone, String enforcementCertNo, boolean enabled, int failedAttempts, Instant lockedUntil,
                   Instant passwordChangedAt, Instant lastLoginAt, Instant createdAt) {

    public UserAccount {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    AnjianUser principal(Instant now) {
        return new AnjianUser(id, username, displayName, roles, scope, passwordHash, enabled, isLockedAt(now));
    }

    UserSummary summary() {
        return new UserSummary(id, username, displayName, roles, scope, enforcementCertNo, enabled);
    }

    /** The account as the audit trail records it: no password hash. */
    AuditView auditView() {
        return new AuditView(id, username, displayName, roles.stream().map(Enum::name).sorted().toList(), scope.kind().name(),
                scope.id(), phone, enforcementCertNo, enabled);
    }

    record AuditView(UUID id, String username, String displayName, java.util.List<String> roles, String scopeKind, UUID scopeId,
                     String phone, String enforcementCertNo, boolean enabled) {
    }
}
