package org.anjian.identity;

import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;

/** What other modules may know about a user. */
public record UserSummary(UUID id, String username, String displayName, Set<Role> roles, DataScope scope,
                          String enforcementCertNo, boolean enabled) {
}
