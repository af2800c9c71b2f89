package org.anjian;

import java.util.EnumSet;
import java.util.UUID;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Principals for MockMvc requests, without going through sign-in. */
public final class TestUsers {

    private TestUsers() {
    }

    public static AnjianUser user(Role role, DataScope scope) {
        return new AnjianUser(UUID.randomUUID(), role.name().toLowerCase() + "-test", role.name(), EnumSet.of(role), scope, null, true, false);
    }

    /** A user of the role with the scope kind the role requires (a random id where one is needed). */
    public static AnjianUser user(Role role) {
        ScopeKind kind = role.requiredScope();
        return user(role, DataScope.of(kind, kind == ScopeKind.DISTRICT ? null : UUID.randomUUID()));
    }

    public static RequestPostProcessor as(AnjianUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static RequestPostProcessor as(Role role) {
        return as(user(role));
    }
}
