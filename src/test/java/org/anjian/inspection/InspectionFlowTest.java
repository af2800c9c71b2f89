package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENF-3 to DP-3 and back: a finding becomes an unreported major hazard; closing the hazard resolves the finding. */
@AnjianIntegrationTest
class InspectionFlowTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired org.anjian.MutableClock clock;

    AnjianUser inspector() {
        var s = users.create(new NewUser("insp" + UUID.randomUUID().toString().substring(0, 8), "执法员", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 F1"));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    @Test
    void aFindingBecomesAHazardAndItsClosingResolvesTheFinding() throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        UUID enterprise = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆杜市检查%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"BUILDING_MATERIALS",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":["CONFINED_SPACE"]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        AnjianUser outsider = inspector();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String inspection = JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}".formatted(enterprise, a.id(), b.id(), today)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("PLANNED")).andReturn().getResponse().getContentAsString(), "$.id");
        String finding = """
                {"place":"污水池","description":"有限空间作业未审批、无监护人","criterionCode":"GM-2023-C2","category":"HAZARDOUS_WORK_APPROVAL","legalBasis":"《工贸企业有限空间作业安全规定》",
                 "deadline":"%s"}""".formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10));
        mvc.perform(post("/api/v1/inspections/" + inspection + "/findings").with(as(outsider)).contentType(MediaType.APPLICATION_JSON).content(finding))
                .andExpect(status().isForbidden());
        String findingId = JsonPath.read(mvc.perform(post("/api/v1/inspections/" + inspection + "/findings").with(as(b))
                        .contentType(MediaType.APPLICATION_JSON).content(finding))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.major").value(true)).andReturn().getResponse().getContentAsString(), "$.id");

        // the numbered order, twice: consecutive numbers, a real PDF with the Chinese text and an embedded font
        String order = mvc.perform(post("/api/v1/inspections/" + inspection + "/documents/rectification-order").with(as(b)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(order, "$.number");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(number).matches("津应急责改〔" + year + "〕\\d+号");
        String next = JsonPath.read(mvc.perform(post("/api/v1/inspections/" + inspection + "/documents/rectification-order").with(as(a)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");
        int seq = Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1"));
        assertThat(next).isEqualTo("津应急责改〔" + year + "〕" + (seq + 1) + "号");
        byte[] pdf = mvc.perform(get("/api/v1/documents/" + JsonPath.read(order, "$.id") + ".pdf").with(as(a)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("责令限期整改指令书").contains(number).contains("有限空间作业未审批").contains("重庆杜市检查");
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/FontFile");
        mvc.perform(post("/api/v1/inspections/" + inspection + "/documents/rectification-order").with(as(outsider))).andExpect(status().isForbidden());

        // ENF-6: each order waits for its re-inspection 10 days after its deadline; only the re-inspection closes it
        String orderId = JsonPath.read(order, "$.id");
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        mvc.perform(get("/api/v1/orders/" + orderId).with(as(a))).andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.reinspectBy").value(deadline.plusDays(10).toString())).andExpect(jsonPath("$.late").value(false));
        mvc.perform(post("/api/v1/orders/" + orderId + "/reinspection").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rectified\":true,\"opinion\":\" \"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("opinion"));
        mvc.perform(post("/api/v1/orders/" + orderId + "/reinspection").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rectified\":true,\"opinion\":\"已建立有限空间作业审批制度，设专人监护。\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLOSED")).andExpect(jsonPath("$.reinspectionDocumentId").isNotEmpty());
        mvc.perform(post("/api/v1/orders/" + orderId + "/reinspection").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rectified\":true,\"opinion\":\"再次\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.order.notOpen"));
        String secondOrder = mvc.perform(get("/api/v1/orders/overdue").with(as(a))).andReturn().getResponse().getContentAsString();
        assertThat(secondOrder).doesNotContain(orderId);
        clock.advance(java.time.Duration.ofDays(21));
        try {
            String overdue = mvc.perform(get("/api/v1/orders/overdue").with(as(a))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(overdue).contains(next).doesNotContain(number);
        } finally {
            clock.reset();
        }

        String[] hazardId = new String[1];
        eventually(() -> {
            try {
                String list = mvc.perform(get("/api/v1/hazards").param("enterpriseId", enterprise.toString()).with(as(Role.DISTRICT_ADMIN)))
                        .andReturn().getResponse().getContentAsString();
                assertThat((Integer) JsonPath.read(list, "$.total")).isEqualTo(1);
                assertThat((String) JsonPath.read(list, "$.items[0].source")).isEqualTo("INSPECTION");
                assertThat((Boolean) JsonPath.read(list, "$.items[0].unreported")).isTrue();
                assertThat((String) JsonPath.read(list, "$.items[0].grade")).isEqualTo("MAJOR");
                hazardId[0] = JsonPath.read(list, "$.items[0].id");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        AnjianUser owner = org.anjian.TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        for (String[] step : new String[][] {
                {"plan", "{\"plan\":\"建立审批\",\"responsiblePerson\":\"厂长\",\"measures\":\"审批+监护\",\"funds\":1000,\"assuranceDeadline\":\"" + today
                        + "\",\"contingencyPlan\":\"救援预案\",\"reportedToRegulatorOn\":\"" + today + "\",\"reportedToWorkforceOn\":\"" + today + "\"}", "owner"},
                {"start", "{}", "owner"}, {"complete", "{}", "owner"}, {"verify", "{}", "inspector"}, {"close", "{}", "inspector"}}) {
            mvc.perform(post("/api/v1/hazards/" + hazardId[0] + "/" + step[0]).with(as(step[2].equals("owner") ? owner : a))
                    .contentType(MediaType.APPLICATION_JSON).content(step[1])).andExpect(status().isOk());
        }
        eventually(() -> {
            try {
                String detail = mvc.perform(get("/api/v1/inspections/" + inspection).with(as(a))).andReturn().getResponse().getContentAsString();
                assertThat((String) JsonPath.read(detail, "$.findings[0].id")).isEqualTo(findingId);
                assertThat((Object) JsonPath.read(detail, "$.findings[0].resolvedAt")).isNotNull();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        mvc.perform(post("/api/v1/inspections/" + inspection + "/finish").with(as(a))).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"));
        mvc.perform(post("/api/v1/inspections/" + inspection + "/finish").with(as(a))).andExpect(status().isConflict());
    }
}
