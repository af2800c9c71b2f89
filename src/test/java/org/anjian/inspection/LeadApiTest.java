package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.identity.UserManagement;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENF-11: 打非治违 leads and 吹哨人 reports, the reporter encrypted at rest and masked for all but the district. */
@AnjianIntegrationTest
class LeadApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    final AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN, DataScope.DISTRICT);
    final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    String receive(String json) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/inspection-leads").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void aWhistleblowerIsEncryptedAtRestShownToTheDistrictAndMaskedForOthers() throws Exception {
        UUID enterprise = InspectionPlanApiTest.register(mvc, organization.towns().get(0), "INDUSTRY_TRADE", "MACHINERY", "");
        String id = receive("""
                {"kind":"WHISTLEBLOWER","enterpriseId":"%s","description":"夜班关闭可燃气体报警","receivedOn":"%s","source":"HOTLINE",
                 "reporterName":"张小三","reporterPhone":"13812345678"}""".formatted(enterprise, today));

        byte[] phone = jdbc.sql("select reporter_phone from inspection_lead where id = ?").param(UUID.fromString(id)).query(byte[].class).single();
        byte[] name = jdbc.sql("select reporter_name from inspection_lead where id = ?").param(UUID.fromString(id)).query(byte[].class).single();
        assertThat(new String(phone, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678").doesNotContain("12345678");
        assertThat(new String(name, StandardCharsets.UTF_8)).doesNotContain("张小三");
        assertThat(phone.length).isEqualTo(1 + 12 + 11 + 16); // SM4-GCM (FieldCipher): version byte, IV, ciphertext, tag
        assertThat(org.anjian.shared.crypto.FieldCipher.isSm4(phone)).isTrue();
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and after_json like '%13812345678%'")
                .param(id).query(Long.class).single()).isZero();

        mvc.perform(get("/api/v1/inspection-leads/" + id).with(as(admin)))
                .andExpect(jsonPath("$.reporterPhone").value("13812345678")).andExpect(jsonPath("$.reporterName").value("张小三"))
                .andExpect(jsonPath("$.reporterMasked").value(false));
        for (Role reader : new Role[] {Role.INSPECTOR, Role.AUDITOR}) {
            mvc.perform(get("/api/v1/inspection-leads/" + id).with(as(reader)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.reporterPhone").value("138****5678"))
                    .andExpect(jsonPath("$.reporterName").value("张**")).andExpect(jsonPath("$.reporterMasked").value(true));
        }
        String list = mvc.perform(get("/api/v1/inspection-leads").param("kind", "WHISTLEBLOWER").param("size", "200").with(as(Role.INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(id).doesNotContain("13812345678");
        for (Role outsider : new Role[] {Role.ENTERPRISE_USER, Role.TOWN_OFFICIAL, Role.EXPERT}) {
            mvc.perform(get("/api/v1/inspection-leads/" + id).with(as(outsider))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aLeadIsAssignedAsAnUnplannedInspectionClosedAndRewarded() throws Exception {
        UUID enterprise = InspectionPlanApiTest.register(mvc, organization.towns().get(1), "FIREWORKS", "FIREWORKS_RETAIL", "");
        AnjianUser a = InspectionPlanApiTest.inspector(users);
        AnjianUser b = InspectionPlanApiTest.inspector(users);
        AnjianUser outsider = InspectionPlanApiTest.inspector(users);
        String id = receive("""
                {"kind":"ILLEGAL_ACTIVITY","enterpriseId":"%s","description":"超量储存烟花爆竹","receivedOn":"%s","source":"ONLINE"}""".formatted(enterprise, today));
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/reward").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountYuan\":500,\"paidOn\":\"%s\"}".formatted(today))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/assign").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"inspectorIds\":[\"%s\"]}".formatted(a.id()))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/assign").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"inspectorIds\":[\"%s\",\"%s\"]}".formatted(a.id(), b.id()))).andExpect(status().isForbidden());
        String assigned = mvc.perform(post("/api/v1/inspection-leads/" + id + "/assign").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectorIds\":[\"%s\",\"%s\"]}".formatted(a.id(), b.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ASSIGNED")).andReturn().getResponse().getContentAsString();
        String inspection = JsonPath.read(assigned, "$.inspectionId");
        mvc.perform(get("/api/v1/inspections/" + inspection).with(as(a))).andExpect(jsonPath("$.enterpriseId").value(enterprise.toString()))
                .andExpect(jsonPath("$.state").value("PLANNED"));
        assertThat(jdbc.sql("select reason from inspection_unplanned where inspection_id = ?").param(UUID.fromString(inspection)).query(String.class).optional())
                .as("recorded only when the year has a published plan").satisfiesAnyOf(r -> assertThat(r).isEmpty(), r -> assertThat(r).contains("LEAD"));
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/assign").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"inspectorIds\":[\"%s\",\"%s\"]}".formatted(a.id(), b.id()))).andExpect(status().isConflict());

        mvc.perform(post("/api/v1/inspection-leads/" + id + "/close").with(as(outsider)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"CONFIRMED\",\"result\":\"查实\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/close").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"MAYBE\",\"result\":\"查实\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/close").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"CONFIRMED\",\"result\":\"现场查获超量储存烟花爆竹 120 箱\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLOSED")).andExpect(jsonPath("$.outcome").value("CONFIRMED"));
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/close").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"CONFIRMED\",\"result\":\"再次\"}")).andExpect(status().isConflict());

        mvc.perform(post("/api/v1/inspection-leads/" + id + "/reward").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountYuan\":0,\"paidOn\":\"%s\"}".formatted(today))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/reward").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountYuan\":500,\"paidOn\":\"%s\"}".formatted(today))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/reward").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountYuan\":500,\"paidOn\":\"%s\"}".formatted(today)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rewardYuan").value(500));
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/reward").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountYuan\":500,\"paidOn\":\"%s\"}".formatted(today))).andExpect(status().isConflict());
    }

    @Test
    void anUnconfirmedLeadEarnsNoRewardAndAnUnregisteredSiteIsVisitedWithoutAnInspectionRecord() throws Exception {
        AnjianUser a = InspectionPlanApiTest.inspector(users);
        AnjianUser b = InspectionPlanApiTest.inspector(users);
        String id = receive("""
                {"kind":"ILLEGAL_ACTIVITY","siteName":"某村民自建仓库","siteAddress":"白沙镇","sector":"HAZCHEM","description":"非法储存危险化学品",
                 "receivedOn":"%s","source":"LETTER"}""".formatted(today));
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/assign").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectorIds\":[\"%s\",\"%s\"]}".formatted(a.id(), b.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inspectionId").doesNotExist()).andExpect(jsonPath("$.inspectorIds.length()").value(2));
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/close").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"NOT_CONFIRMED\",\"result\":\"现场为空置仓库\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/inspection-leads/" + id + "/reward").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountYuan\":500,\"paidOn\":\"%s\"}".formatted(today)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.lead.notConfirmed"));
    }

    @Test
    void receivingValidatesAndOnlyTheDistrictReceives() throws Exception {
        mvc.perform(post("/api/v1/inspection-leads").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"WHISTLEBLOWER","siteName":"x","description":"d","receivedOn":"%s","source":"HOTLINE"}""".formatted(today)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
        mvc.perform(post("/api/v1/inspection-leads").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"ILLEGAL_ACTIVITY","description":"d","receivedOn":"%s","source":"HOTLINE"}""".formatted(today)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("siteName"));
        mvc.perform(post("/api/v1/inspection-leads").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"ILLEGAL_ACTIVITY","siteName":"x","description":"d","receivedOn":"%s","source":"HOTLINE"}"""
                        .formatted(LocalDate.parse(today).plusDays(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        mvc.perform(post("/api/v1/inspection-leads").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"ILLEGAL_ACTIVITY","siteName":"x","description":"d","receivedOn":"%s","source":"HOTLINE"}""".formatted(today)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inspection-leads/" + UUID.randomUUID()).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/leads").with(as(admin))).andExpect(status().isOk());
    }
}
