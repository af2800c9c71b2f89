package org.anjian.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in this thread, for modules that must check scope or record the actor. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AnjianUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AnjianUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The acting user; a request without one never reaches a module's facade. */
    public static AnjianUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no signed-in user"));
    }
}
