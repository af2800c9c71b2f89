package org.anjian.hazard;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 18, defect 2: evidence comes from someone who may act on the hazard, in scope, while it is open. */
@AnjianIntegrationTest
class HazardEvidenceTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    TwoScopes scopes;
    String hazard;

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @BeforeEach
    void hazardOfA() throws Exception {
        scopes = new TwoScopes(mvc, organization);
        String body = mvc.perform(post("/api/v1/hazards").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"仓库","description":"消防通道堵塞","grade":"GENERAL","deadline":"%s"}"""
                        .formatted(scopes.a.enterpriseId(), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        hazard = JsonPath.read(body, "$.id");
    }

    ResultActions photo(AnjianUser who, String stage) throws Exception {
        return mvc.perform(multipart("/api/v1/hazards/" + hazard + "/photos").file(new MockMultipartFile("file", "p.png", "image/png", png()))
                .param("stage", stage).with(as(who)));
    }

    ResultActions step(AnjianUser who, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/hazards/" + hazard + "/" + action).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    @Test
    void theAuditorAddsNoPhoto() throws Exception {
        photo(scopes.a.user(Role.AUDITOR), "FOUND").andExpect(status().isForbidden());
    }

    @Test
    void anotherTownsOfficialCannotAddAPhoto() throws Exception {
        photo(scopes.b.user(Role.TOWN_OFFICIAL), "FOUND").andExpect(status().isNotFound());
        photo(scopes.b.user(Role.ENTERPRISE_USER), "FOUND").andExpect(status().isNotFound());
        photo(scopes.a.user(Role.ENTERPRISE_USER), "FOUND").andExpect(status().isCreated());
    }

    @Test
    void aClosedHazardTakesNoNewEvidence() throws Exception {
        AnjianUser owner = scopes.a.user(Role.ENTERPRISE_USER);
        step(owner, "plan", "{\"plan\":\"清理通道\"}").andExpect(status().isOk());
        step(owner, "start", null).andExpect(status().isOk());
        step(owner, "complete", null).andExpect(status().isOk());
        photo(owner, "RECTIFIED").andExpect(status().isCreated());
        step(scopes.a.user(Role.TOWN_OFFICIAL), "verify", null).andExpect(status().isOk());
        step(owner, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLOSED"));
        photo(owner, "RECTIFIED").andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.photo.closed"));
        photo(scopes.a.user(Role.DISTRICT_ADMIN), "FOUND").andExpect(status().isConflict());
    }
}
