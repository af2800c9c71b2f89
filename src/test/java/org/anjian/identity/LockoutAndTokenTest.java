package org.anjian.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ORG-2: five wrong passwords lock an account for fifteen minutes; tokens open the API until revoked or expired. */
@AnjianIntegrationTest
class LockoutAndTokenTest {

    static final String PASSWORD = "Right#Pass1";

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    String username;
    UUID userId;

    @BeforeEach
    void createUser() {
        username = "lock" + UUID.randomUUID().toString().substring(0, 8);
        userId = users.create(new NewUser(username, "测试用户", PASSWORD, EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null,
                null, "渝执 0001")).id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions token(String user, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"));
    }

    String tokenFor(String user, String password) throws Exception {
        String body = token(user, password).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    List<String> actions() {
        return jdbc.sql("select action from identity_audit_entry where actor = ? order by seq").param(username).query(String.class).list();
    }

    @Test
    void theSixthWrongPasswordAnswersLocked() throws Exception {
        for (int i = 1; i <= 5; i++) {
            token(username, "wrong" + i).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.reason").value("identity.badCredentials"));
        }
        token(username, "wrong6").andExpect(status().isLocked()).andExpect(jsonPath("$.reason").value("identity.locked"))
                .andExpect(jsonPath("$.detail", containsString("锁定")));
        assertThat(actions()).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "ACCOUNT_LOCKED",
                "LOGIN_REJECTED_LOCKED");
    }

    @Test
    void fourFailuresDoNotLockAndASuccessResetsTheCount() throws Exception {
        for (int i = 1; i <= 4; i++) {
            token(username, "wrong").andExpect(status().isUnauthorized());
        }
        token(username, PASSWORD).andExpect(status().isOk());
        for (int i = 1; i <= 4; i++) {
            token(username, "wrong").andExpect(status().isUnauthorized());
        }
        token(username, PASSWORD).andExpect(status().isOk());
    }

    @Test
    void theRightPasswordIsRefusedWhileLockedAndAcceptedFifteenMinutesLater() throws Exception {
        for (int i = 1; i <= 4; i++) {
            token(username, "wrong").andExpect(status().isUnauthorized());
        }
        // the lock starts with the fifth failure, somewhere between these two readings; the clock keeps
        // ticking with real time, so each check is set from a reading instead of advanced after slow requests
        Instant beforeFifth = clock.instant();
        token(username, "wrong").andExpect(status().isUnauthorized());
        Instant afterFifth = clock.instant();
        token(username, PASSWORD).andExpect(status().isLocked());
        clock.set(beforeFifth.plus(Duration.ofMinutes(14).plusSeconds(59)));
        token(username, PASSWORD).andExpect(status().isLocked());
        clock.set(afterFifth.plus(Duration.ofMinutes(15)));
        token(username, PASSWORD).andExpect(status().isOk());
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
        String unknown = token("nobody-" + UUID.randomUUID().toString().substring(0, 6), "whatever").andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();
        String wrong = token(username, "whatever").andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).isEqualTo(wrong);
    }

    @Test
    void aTokenOpensTheApiAndIsStoredOnlyAsAHash() throws Exception {
        String token = tokenFor(username, PASSWORD);
        assertThat(token).startsWith("aj_");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("INSPECTOR"));
        assertThat(jdbc.sql("select count(*) from identity_api_token where token_hash = ?").param(token).query(Long.class).single()).isZero();
        assertThat(actions()).contains("LOGIN_SUCCEEDED", "TOKEN_ISSUED");
    }

    /** The last use is kept to the minute: a device posting readings many times a second no longer writes (and commits) on each request. */
    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() throws Exception {
        String token = tokenFor(username, PASSWORD);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        Instant first = lastUsed();
        assertThat(first).isNotNull();
        clock.advance(Duration.ofSeconds(59)); // (the test clock runs on from where it is moved) less than a minute old: kept
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(2)); // more than a minute old: written
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed()).isAfter(first.plusSeconds(60));
    }

    Instant lastUsed() {
        java.time.OffsetDateTime at = jdbc.sql("select last_used_at from identity_api_token where user_id = ?").param(userId)
                .query(java.time.OffsetDateTime.class).single();
        return at == null ? null : at.toInstant();
    }

    @Test
    void aRevokedTokenNoLongerOpensTheApi() throws Exception {
        String token = tokenFor(username, PASSWORD);
        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        assertThat(actions()).contains("TOKEN_REVOKED");
    }

    @Test
    void aTokenExpiresAfterTwelveHours() throws Exception {
        String token = tokenFor(username, PASSWORD);
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(1));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void disablingAUserRevokesItsTokens() throws Exception {
        String token = tokenFor(username, PASSWORD);
        users.update(userId, new UserManagement.UserChange("测试用户", EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null,
                "渝执 0001", false));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        token(username, PASSWORD).andExpect(status().isUnauthorized());
    }

    @Autowired org.anjian.identity.internal.ApiTokenService tokens;

    @Test
    void tokensDeadForThirtyDaysArePurgedAndLiveOnesKept() throws Exception {
        String dead = tokenFor(username, PASSWORD);
        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + dead)).andExpect(status().isNoContent());
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        String live = tokenFor(username, PASSWORD);
        tokens.purgeDeadTokens();
        long left = jdbc.sql("select count(*) from identity_api_token t join identity_user_account u on u.id = t.user_id where u.username = ?")
                .param(username).query(Long.class).single();
        assertThat(left).isEqualTo(1);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + live)).andExpect(status().isOk());
    }

    @Test
    void aGarbageTokenIsUnauthorizedAsProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer aj_nonsense"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.reason").value("identity.unauthenticated"));
    }
}
