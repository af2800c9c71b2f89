package org.anjian.publicreport;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.Eventually;
import org.anjian.enterprise.EnterpriseTestData;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.publicreport.PublicReportApiTest.freshAddress;
import static org.anjian.publicreport.PublicReportApiTest.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14: the public form's enterprise search (name and town only, at most ten, rate limited), the
 * chosen enterprise stored on the report; and verification planning an unplanned inspection through the
 * inspection module's leads, whose outcome becomes the report's result.
 */
@AnjianIntegrationTest
class PublicReportVerificationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationDirectory organization;
    @Autowired UserManagement users;

    UUID register(Region town, String name) throws Exception {
        String code = EnterpriseTestData.newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"creditCode":"%s","name":"%s","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","latitude":29.26,"longitude":106.25,
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, name, town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    AnjianUser inspector() {
        var s = users.create(new NewUser("rptl" + UUID.randomUUID().toString().substring(0, 8), "举报核查执法员", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 R" + UUID.randomUUID().toString().substring(0, 6)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    ResultActions act(RequestPostProcessor who, String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/public-reports/" + id + "/" + action).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    @Test
    void theSearchShowsAtMostTenNamesWithTheirTownAndTheChosenIdIsStored() throws Exception {
        Region town = organization.towns().get(0);
        String stem = "搜索测试" + UUID.randomUUID().toString().substring(0, 6);
        UUID first = register(town, stem + "00五金有限公司");
        for (int i = 1; i < 12; i++) {
            register(town, stem + "%02d五金有限公司".formatted(i));
        }
        String address = freshAddress();
        String json = mvc.perform(get("/api/v1/public/report-enterprises").param("q", stem).with(from(address))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> matches = JsonPath.read(json, "$");
        assertThat(matches).hasSize(10);
        assertThat(matches.get(0)).containsOnlyKeys("id", "name", "town").containsEntry("town", town.name())
                .containsEntry("id", first.toString()).containsEntry("name", stem + "00五金有限公司");
        assertThat(json).doesNotContain("creditCode").doesNotContain("employees").doesNotContain("latitude");
        // one character finds nothing (no listing of the registry letter by letter)
        mvc.perform(get("/api/v1/public/report-enterprises").param("q", "重").with(from(address))).andExpect(jsonPath("$.length()").value(0));

        // the chosen enterprise's id is stored with its registered name; free text stays possible; an unknown id is refused
        String code = JsonPath.read(mvc.perform(post("/api/v1/public/reports").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"category":"MAJOR_HAZARD","description":"粉尘未清扫","location":"车间","enterpriseId":"%s","enterpriseName":"随便写的",
                         "anonymous":true}""".formatted(first))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.queryCode");
        Map<String, Object> row = jdbc.sql("select enterprise_id, enterprise_name from publicreport_report where query_code = ?").param(code)
                .query().singleRow();
        assertThat(row).containsEntry("enterprise_id", first).containsEntry("enterprise_name", stem + "00五金有限公司");
        mvc.perform(post("/api/v1/public/reports").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON).content("""
                        {"category":"MAJOR_HAZARD","description":"x","location":"y","enterpriseName":"某无名小作坊","anonymous":true}"""))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/public/reports").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON).content("""
                        {"category":"MAJOR_HAZARD","description":"x","location":"y","enterpriseId":"%s","anonymous":true}""".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
    }

    @Test
    void theSearchIsRateLimitedPerAddressWithA429Problem() throws Exception {
        String address = freshAddress();
        int ok = 0;
        int throttled = 0;
        for (int i = 0; i < 60; i++) {
            var response = mvc.perform(get("/api/v1/public/report-enterprises").param("q", "有限公司").with(from(address))).andReturn().getResponse();
            if (response.getStatus() == 200) {
                ok++;
            } else {
                assertThat(response.getStatus()).isEqualTo(429);
                assertThat(response.getContentAsString()).contains("publicreport.rateLimited");
                throttled++;
            }
        }
        // 30 at once (the bucket), then about one a second
        assertThat(ok).isBetween(30, 35);
        assertThat(throttled).isGreaterThanOrEqualTo(25);
        // the search does not use up the reports of the same address
        mvc.perform(post("/api/v1/public/reports").with(from(address)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"category":"OTHER_VIOLATION","description":"搜索后举报","location":"某地","anonymous":true}""")).andExpect(status().isCreated());
    }

    @Test
    void theTownPlansAnInspectionWhileVerifyingAndTheLeadsOutcomeBecomesTheResult() throws Exception {
        Region town = organization.towns().get(0);
        UUID enterprise = register(town, "举报核查测试" + UUID.randomUUID().toString().substring(0, 6) + "机械厂");
        String code = JsonPath.read(mvc.perform(post("/api/v1/public/reports").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"category":"MAJOR_HAZARD","description":"冲床光电保护拆除","location":"车间","enterpriseId":"%s","anonymous":false,
                         "name":"孙举报","phone":"13700001234"}""".formatted(enterprise)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.queryCode");
        String id = jdbc.sql("select id from publicreport_report where query_code = ?").param(code).query(UUID.class).single().toString();
        var official = as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id())));
        act(as(Role.DISTRICT_ADMIN), id, "accept", null).andExpect(status().isOk());
        act(as(Role.DISTRICT_ADMIN), id, "assign", "{\"assigneeKind\":\"TOWN\",\"assigneeId\":\"" + town.id() + "\"}").andExpect(status().isOk());
        // not before verification starts
        act(official, id, "plan-lead", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("publicreport.state.refused"));
        act(official, id, "verify", null).andExpect(status().isOk());
        // another town may not
        Region other = organization.towns().get(1);
        act(as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, other.id()))), id, "plan-lead", null).andExpect(status().isNotFound());
        String lead = JsonPath.read(act(official, id, "plan-lead", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.lead.state").value("NEW")).andReturn().getResponse().getContentAsString(), "$.report.leadId");
        act(official, id, "plan-lead", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("publicreport.lead.exists"));

        // the lead carries no reporter: the identity stays with the report
        Map<String, Object> row = jdbc.sql("select source, enterprise_id, reporter_name, reporter_phone from inspection_lead where id = ?::uuid")
                .param(lead).query().singleRow();
        assertThat(row).containsEntry("source", "ONLINE").containsEntry("enterprise_id", enterprise);
        assertThat(row.get("reporter_name")).isNull();
        assertThat(row.get("reporter_phone")).isNull();

        // the district assigns it: an unplanned inspection (reason LEAD)
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        String inspection = JsonPath.read(mvc.perform(post("/api/v1/inspection-leads/" + lead + "/assign").with(as(Role.DISTRICT_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inspectorIds\":[\"%s\",\"%s\"]}".formatted(a.id(), b.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.inspectionId");
        // (the reason LEAD is kept against the year's approved plan when there is one; here the inspection itself is checked)
        assertThat(jdbc.sql("select enterprise_id from inspection_inspection where id = ?::uuid").param(inspection).query(UUID.class).single())
                .isEqualTo(enterprise);
        mvc.perform(get("/api/v1/public-reports/" + id).with(official)).andExpect(jsonPath("$.lead.inspectionId").value(inspection))
                .andExpect(jsonPath("$.lead.state").value("ASSIGNED"));

        // closing the lead feeds the report's result
        mvc.perform(post("/api/v1/inspection-leads/" + lead + "/close").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"CONFIRMED\",\"result\":\"冲床光电保护装置被拆除，已责令停用\"}")).andExpect(status().isOk());
        Eventually.eventually(() -> mvc.perform(get("/api/v1/public-reports/" + id).with(official))
                .andExpect(jsonPath("$.report.state").value("VERIFIED")).andExpect(jsonPath("$.report.substantiated").value(true))
                .andExpect(jsonPath("$.report.result").value(org.hamcrest.Matchers.containsString("冲床光电保护装置被拆除")))
                .andExpect(jsonPath("$.lead.outcome").value("CONFIRMED")));
        // the fine is given with the reward decision when the inspection's result knew none: 15 % of 40,000 = 6,000
        act(as(Role.DISTRICT_ADMIN), id, "decide-reward", "{\"fineYuan\":40000}").andExpect(status().isOk())
                .andExpect(jsonPath("$.reward.amountYuan").value(6000));
    }
}
