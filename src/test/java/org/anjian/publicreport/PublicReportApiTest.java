package org.anjian.publicreport;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RPT-1..3: the public hands in a report without signing in and follows it by its query code; the
 * reporter's identity is SM4-encrypted at rest and revealed only with an audited reason; the district
 * accepts and assigns, the town verifies, the feedback shows under the query code; rewards per
 * 安监总财〔2018〕19号; the intake is rate limited per address.
 */
@AnjianIntegrationTest
class PublicReportApiTest {

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationDirectory organization;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String freshAddress() {
        return "10.14." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
    }

    ResultActions submit(String address, String json) throws Exception {
        return mvc.perform(post("/api/v1/public/reports").with(from(address)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String submitNamed() throws Exception {
        String body = submit(freshAddress(), """
                {"category":"MAJOR_HAZARD","description":"仓库内违规存放液化气钢瓶","location":"几江街道某路 8 号",
                 "enterpriseName":"某某物流有限公司","anonymous":false,"name":"王小明","phone":"13912345678","idNumber":"500381199001011234"}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.queryCode");
    }

    String idOf(String code) {
        return jdbc.sql("select id from publicreport_report where query_code = ?").param(code).query(UUID.class).single().toString();
    }

    ResultActions act(RequestPostProcessor who, String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/public-reports/" + id + "/" + action).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    @Test
    void theTableHoldsNoPlaintextNameOrPhone() throws Exception {
        String code = submitNamed();
        String row = jdbc.sql("select t::text from publicreport_report t where query_code = ?").param(code).query(String.class).single();
        byte[] name = jdbc.sql("select reporter_name from publicreport_report where query_code = ?").param(code).query(byte[].class).single();
        byte[] phone = jdbc.sql("select reporter_phone from publicreport_report where query_code = ?").param(code).query(byte[].class).single();
        assertThat(row).doesNotContain("王小明").doesNotContain("13912345678").doesNotContain("500381199001011234");
        assertThat(new String(name, StandardCharsets.UTF_8)).doesNotContain("王小明");
        assertThat(new String(phone, StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
        String audit = jdbc.sql("select string_agg(coalesce(after_json, ''), ' ') from identity_audit_entry where entity_id = ?")
                .param(idOf(code)).query(String.class).optional().orElse("");
        assertThat(audit).doesNotContain("王小明").doesNotContain("13912345678");
    }

    @Test
    void handlersSeeTheIdentityMaskedAndARevealIsAuditedWithItsReason() throws Exception {
        String id = idOf(submitNamed());
        mvc.perform(get("/api/v1/public-reports/" + id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reporterName").value("王**")).andExpect(jsonPath("$.reporterPhone").value("139****5678"));
        mvc.perform(post("/api/v1/public-reports/" + id + "/reveal").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"核实\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/public-reports/" + id + "/reveal").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/public-reports/" + id + "/reveal").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"发放举报奖励需核对身份\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("王小明")).andExpect(jsonPath("$.phone").value("13912345678"));
        mvc.perform(get("/api/v1/audit").param("action", "PUBLIC_REPORT_REPORTER_REVEALED").param("entityId", id).with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].after").value(org.hamcrest.Matchers.containsString("发放举报奖励需核对身份")));
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR))).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void theDistrictAssignsTheTownVerifiesAndTheFeedbackShowsUnderTheQueryCode() throws Exception {
        String code = JsonPath.read(submit(freshAddress(), """
                {"category":"UNLICENSED","description":"无证经营瓶装液化气","location":"双福街道","anonymous":true}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.queryCode");
        String id = idOf(code);
        List<Region> towns = organization.towns();
        Region town = towns.get(0);
        Region otherTown = towns.get(1);
        var official = as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id())));
        var otherOfficial = as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, otherTown.id())));

        mvc.perform(get("/api/v1/public/reports/" + code)).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RECEIVED"))
                .andExpect(jsonPath("$.reporterName").doesNotExist());
        // assigning before accepting is refused, naming the state and the action
        act(as(Role.DISTRICT_ADMIN), id, "assign", "{\"assigneeKind\":\"TOWN\",\"assigneeId\":\"" + town.id() + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("publicreport.state.refused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("RECEIVED")));
        act(official, id, "accept", null).andExpect(status().isNotFound());
        act(as(Role.DISTRICT_ADMIN), id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.report.state").value("ACCEPTED"));
        act(as(Role.DISTRICT_ADMIN), id, "assign", "{\"assigneeKind\":\"TOWN\",\"assigneeId\":\"" + town.id() + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.report.state").value("ASSIGNED"));
        // another town neither sees nor acts on it
        mvc.perform(get("/api/v1/public-reports/" + id).with(otherOfficial)).andExpect(status().isNotFound());
        act(otherOfficial, id, "verify", null).andExpect(status().isNotFound());
        String listed = mvc.perform(get("/api/v1/public-reports").param("size", "200").with(otherOfficial)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(id);
        // the town verifies
        act(official, id, "accept", null).andExpect(status().isForbidden());
        act(official, id, "verify", null).andExpect(status().isOk()).andExpect(jsonPath("$.report.state").value("VERIFYING"));
        act(official, id, "result", "{\"substantiated\":true,\"text\":\"现场查实无证经营\",\"fineYuan\":100000}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.report.state").value("VERIFIED"));
        act(as(Role.DISTRICT_ADMIN), id, "feedback", "{\"text\":\"经核查属实，已依法查处\"}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/public/reports/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FEEDBACK_GIVEN")).andExpect(jsonPath("$.feedback").value("经核查属实，已依法查处"));

        // reward: 15 % of 100,000 = 15,000 yuan; decided, approved, paid; then listed anonymously
        act(as(Role.DISTRICT_ADMIN), id, "pay-reward", "{\"paymentRef\":\"P-1\"}").andExpect(status().isConflict());
        act(as(Role.DISTRICT_ADMIN), id, "decide-reward", null).andExpect(status().isOk()).andExpect(jsonPath("$.reward.amountYuan").value(15000));
        act(as(Role.DISTRICT_ADMIN), id, "approve-reward", null).andExpect(status().isOk());
        act(as(Role.DISTRICT_ADMIN), id, "pay-reward", "{\"paymentRef\":\"JJ-2026-001\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.reward.state").value("PAID"));
        String rewards = mvc.perform(get("/api/v1/public/report-rewards")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rewards).contains("15000").doesNotContain(code).doesNotContain("JJ-2026-001");
        mvc.perform(get("/api/v1/public/reports/" + code)).andExpect(jsonPath("$.rewardPaid").value(true));
        act(as(Role.DISTRICT_ADMIN), id, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.report.state").value("CLOSED"));
    }

    @Test
    void twoHundredReportsFromOneAddressInAMinuteAreThrottledAndNoneAcceptedIsLost() throws Exception {
        String address = freshAddress();
        List<String> codes = new ArrayList<>();
        int throttled = 0;
        for (int i = 0; i < 200; i++) {
            var response = submit(address, """
                    {"category":"OTHER_VIOLATION","description":"批量 %d","location":"某地","anonymous":true}""".formatted(i))
                    .andReturn().getResponse();
            if (response.getStatus() == 201) {
                codes.add(JsonPath.read(response.getContentAsString(), "$.queryCode"));
            } else {
                assertThat(response.getStatus()).isEqualTo(429);
                assertThat(response.getContentType()).contains("application/problem+json");
                assertThat(response.getContentAsString()).contains("publicreport.rateLimited");
                throttled++;
            }
        }
        assertThat(throttled).isGreaterThanOrEqualTo(150);
        assertThat(codes).isNotEmpty();
        long stored = jdbc.sql("select count(*) from publicreport_report where query_code in (:codes)").param("codes", codes).query(Long.class).single();
        assertThat(stored).isEqualTo(codes.size());
        // another address is not affected
        submit(freshAddress(), """
                {"category":"OTHER_VIOLATION","description":"另一个地址","location":"某地","anonymous":true}""").andExpect(status().isCreated());
    }

    @Test
    void aBotFillingTheHoneypotIsRefusedAndANamedReportNeedsAPhone() throws Exception {
        submit(freshAddress(), """
                {"category":"OTHER_VIOLATION","description":"x","location":"y","anonymous":true,"website":"http://spam"}""")
                .andExpect(status().isBadRequest());
        submit(freshAddress(), """
                {"category":"OTHER_VIOLATION","description":"x","location":"y","anonymous":false,"name":"李四"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("phone"));
    }
}
