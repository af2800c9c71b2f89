package org.anjian.identity;

import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, defect 8 (等保 level 3): refused requests (403, and 404 for an object id), downloads of
 * files, exports and imports leave an entry in the audit trail, and the chain still verifies.
 */
@AnjianIntegrationTest
class AccessAuditTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    static AnjianUser unique(Role role) {
        AnjianUser u = TestUsers.user(role);
        return new AnjianUser(u.id(), "aud" + UUID.randomUUID().toString().substring(0, 8), u.displayName(), u.roles(), u.scope(), null, true,
                false);
    }

    List<String> entries(AnjianUser who) {
        return jdbc.sql("select action || ' ' || coalesce(after_json, '') from identity_audit_entry where actor = ? order by seq")
                .param(who.getUsername()).query(String.class).list();
    }

    @Test
    void aForbiddenRequestIsAudited() throws Exception {
        AnjianUser owner = unique(Role.ENTERPRISE_USER);
        mvc.perform(post("/api/v1/credit-records").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        assertThat(entries(owner)).singleElement().asString().startsWith("ACCESS_DENIED").contains("/api/v1/credit-records", "403");
    }

    @Test
    void anObjectThatIsNotThereOrNotInScopeIsAudited() throws Exception {
        AnjianUser town = unique(Role.TOWN_OFFICIAL);
        UUID id = UUID.randomUUID();
        mvc.perform(get("/api/v1/hazards/" + id).with(as(town))).andExpect(status().isNotFound());
        assertThat(entries(town)).singleElement().asString().startsWith("ACCESS_NOT_FOUND").contains(id.toString(), "404");
    }

    @Test
    void aDownloadAndAnExportAreAudited() throws Exception {
        AnjianUser admin = unique(Role.DISTRICT_ADMIN);
        mvc.perform(get("/api/v1/experts/export").with(as(admin))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/experts/import/template").with(as(admin))).andExpect(status().isOk());
        assertThat(entries(admin)).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("DOWNLOAD"))
                .anySatisfy(e -> assertThat(e).contains("/api/v1/experts/export", "spreadsheetml"));
    }

    @Test
    void anImportIsAuditedEvenWhenItsFileIsRefused() throws Exception {
        AnjianUser admin = unique(Role.DISTRICT_ADMIN);
        mvc.perform(multipart("/api/v1/experts/import").file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[]{1, 2}))
                .with(as(admin)));
        assertThat(entries(admin)).anySatisfy(e -> assertThat(e).startsWith("IMPORT").contains("/api/v1/experts/import"));
    }

    @Test
    void theChainStillVerifies() throws Exception {
        mvc.perform(get("/api/v1/hazards/" + UUID.randomUUID()).with(as(Role.TOWN_OFFICIAL))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR))).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
    }
}
