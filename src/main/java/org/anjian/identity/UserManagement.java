package org.anjian.identity;

import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;

/** Account administration (district administrator, security administrator). Every change is audited. */
public interface UserManagement {

    UserSummary create(NewUser user);

    UserSummary update(UUID id, UserChange change);

    void resetPassword(UUID id, String newPassword);

    void changeOwnPassword(UUID id, String currentPassword, String newPassword);

    void unlock(UUID id);

    /** Creates the user unless the username exists; for reference and demo data. */
    UserSummary ensure(NewUser user);

    record NewUser(String username, String displayName, String password, Set<Role> roles, ScopeKind scopeKind, UUID scopeId,
                   String phone, String enforcementCertNo) {
    }

    record UserChange(String displayName, Set<Role> roles, ScopeKind scopeKind, UUID scopeId, String phone,
                      String enforcementCertNo, boolean enabled) {
    }
}
