package org.anjian.identity;

import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 18, defect 9: a made-up user name locks like a real one, so the lockout does not tell which names exist. */
@AnjianIntegrationTest
class UnknownNameLockoutTest {

    @Autowired MockMvc mvc;

    ResultActions token(String user) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"wrong\"}"));
    }

    @Test
    void theSixthAttemptOnAMadeUpNameAnswersLockedAsForARealOne() throws Exception {
        String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            token(nobody).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.reason").value("identity.badCredentials"));
        }
        token(nobody).andExpect(status().isLocked()).andExpect(jsonPath("$.reason").value("identity.locked"))
                .andExpect(jsonPath("$.detail", containsString("锁定")));
        // the same name in another case is the same name
        token(nobody.toUpperCase()).andExpect(status().isLocked());
    }

    @Test
    void theSignInPageSaysLockedForAMadeUpNameToo() throws Exception {
        String nobody = "ghost" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/login").param("username", nobody).param("password", "wrong").with(csrf()))
                    .andExpect(header().string("Location", containsString("/login?error")));
        }
        mvc.perform(post("/login").param("username", nobody).param("password", "wrong").with(csrf()))
                .andExpect(header().string("Location", startsWith("/login?locked=")));
    }
}
