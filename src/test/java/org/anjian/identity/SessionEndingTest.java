package org.anjian.identity;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.identity.UserManagement.UserChange;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, defect 3: disabling a user, changing their roles or scope, resetting their password or
 * their lockout ends the sessions they have open (kept in the database, so on every node).
 */
@AnjianIntegrationTest
class SessionEndingTest {

    static final String PASSWORD = "Right#Pass1";

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;

    record SignedIn(UUID id, String username, Cookie session) {
    }

    SignedIn signIn() throws Exception {
        String username = "sess" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = users.create(new NewUser(username, "会话测试", PASSWORD, EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null, "渝执 0002")).id();
        var response = mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).doesNotContain("error");
        Cookie session = response.getCookie("SESSION");
        assertThat(session).as("a session kept by Spring Session").isNotNull();
        mvc.perform(get("/hazards").cookie(session)).andExpect(status().isOk());
        return new SignedIn(id, username, session);
    }

    void endsTheSession(Consumer<SignedIn> change) throws Exception {
        SignedIn x = signIn();
        change.accept(x);
        mvc.perform(get("/hazards").cookie(x.session())).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    static UserChange change(Set<Role> roles, boolean enabled) {
        return new UserChange("会话测试", roles, ScopeKind.DISTRICT, null, null, "渝执 0002", enabled);
    }

    @Test
    void disablingAUserEndsTheirSession() throws Exception {
        endsTheSession(x -> users.update(x.id(), change(EnumSet.of(Role.INSPECTOR), false)));
    }

    @Test
    void changingTheirRolesEndsTheirSession() throws Exception {
        endsTheSession(x -> users.update(x.id(), change(EnumSet.of(Role.INSPECTOR, Role.EXPERT), true)));
    }

    @Test
    void resettingTheirPasswordEndsTheirSession() throws Exception {
        endsTheSession(x -> users.resetPassword(x.id(), "Other#Pass2x"));
    }

    @Test
    void lockingTheirAccountEndsTheirSession() throws Exception {
        endsTheSession(x -> {
            try {
                for (int i = 0; i < 5; i++) {
                    mvc.perform(post("/login").param("username", x.username()).param("password", "wrong").with(csrf()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aChangeThatLeavesRolesAndScopeAloneKeepsTheSession() throws Exception {
        SignedIn x = signIn();
        users.update(x.id(), new UserChange("改名了", EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, "13800000000", "渝执 0002", true));
        mvc.perform(get("/hazards").cookie(x.session())).andExpect(status().isOk());
    }
}
