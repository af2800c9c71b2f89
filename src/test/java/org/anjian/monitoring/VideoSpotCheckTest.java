package org.anjian.monitoring;

import java.time.Duration;
import java.time.Instant;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * MON-5 video spot checks (视频巡查抽查, 应急管理部 2021 分级巡查抽查管理办法 as REFERENCE-RULES §2 names it): a town official
 * records a check of an enterprise of the town's against a camera reference; a problem needs its description; another
 * town's enterprise is a 404; the enterprise itself reads its checks and cannot record one.
 */
@AnjianIntegrationTest
class VideoSpotCheckTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    @Test
    void aTownOfficialRecordsSpotChecksOfItsEnterprisesOnly() throws Exception {
        TwoScopes scopes = new TwoScopes(mvc, organization);
        var official = scopes.a.user(Role.TOWN_OFFICIAL);
        Instant at = Instant.now().minus(Duration.ofHours(1));
        String id = com.jayway.jsonpath.JsonPath.read(check(official, scopes.a.enterpriseId(), "CAM-罐区-03", at, "PROBLEM", "罐区现场无人巡检")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.result").value("PROBLEM"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        check(official, scopes.a.enterpriseId(), "CAM-罐区-03", at, "PROBLEM", " ")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("problems"));
        check(official, scopes.a.enterpriseId(), "CAM-罐区-03", Instant.now().plus(Duration.ofHours(1)), "NORMAL", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("checkedAt"));
        check(official, scopes.b.enterpriseId(), "CAM-1", at, "NORMAL", null).andExpect(status().isNotFound());
        check(scopes.a.user(Role.ENTERPRISE_USER), scopes.a.enterpriseId(), "CAM-1", at, "NORMAL", null).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/video-spot-checks").with(as(scopes.a.user(Role.ENTERPRISE_USER)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].cameraRef").value("CAM-罐区-03"))
                .andExpect(jsonPath("$[0].problems").value("罐区现场无人巡检"));
        mvc.perform(get("/api/v1/video-spot-checks").param("result", "PROBLEM").with(as(scopes.b.user(Role.TOWN_OFFICIAL))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").isEmpty());
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_type = 'monitoring-spot-check' and entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    private ResultActions check(org.anjian.shared.security.AnjianUser user, java.util.UUID enterprise, String camera, Instant at, String result,
                                String problems) throws Exception {
        String body = """
                {"enterpriseId":"%s","cameraRef":"%s","checkedAt":"%s","result":"%s","problems":%s}"""
                .formatted(enterprise, camera, at, result, problems == null ? "null" : "\"" + problems + "\"");
        return mvc.perform(post("/api/v1/video-spot-checks").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
