package org.anjian.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.shared.security.Role;

/** Read access to users for other modules (e.g. the inspectors a random draw picks from). */
public interface UserDirectory {

    Optional<UserSummary> user(UUID id);

    List<UserSummary> usersWithRole(Role role);
}
