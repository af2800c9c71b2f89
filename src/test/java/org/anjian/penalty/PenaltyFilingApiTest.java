package org.anjian.penalty;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 立案 over the API follows the same rules as the page: the cited inspection's enterprise, and the circumstances its findings make. */
@AnjianIntegrationTest
class PenaltyFilingApiTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired MutableClock clock;

    AnjianUser a;
    AnjianUser b;

    @BeforeEach
    void inspectors() {
        a = inspector();
        b = inspector();
    }

    AnjianUser inspector() {
        var s = users.create(new NewUser("pfa" + UUID.randomUUID().toString().substring(0, 8), "立案接口" + UUID.randomUUID().toString().substring(0, 4),
                "Anjian@2023", EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null, "渝执 F" + UUID.randomUUID().toString().substring(0, 6)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    UUID enterprise() throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆立案接口%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY",
                         "scale":"ABOVE_SIZE","employees":40,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    /** An inspection of the enterprise by a and b, with one finding, major or not. */
    String inspection(UUID enterprise, boolean major) throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String id = JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}".formatted(enterprise, a.id(), b.id(), today)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/inspections/" + id + "/findings").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                {"place":"冲压车间","description":"冲床检修未停机断电挂牌","major":%s,"category":"MAINTENANCE","deadline":"%s"}"""
                .formatted(major, today.plusDays(10)))).andExpect(status().isCreated());
        return id;
    }

    String filing(UUID enterprise, String inspection, String circumstances) {
        return """
                {"source":"INSPECTION","inspectionId":"%s","enterpriseId":"%s","categories":["MAINTENANCE"],"facts":"经查，冲床检修未停机断电挂牌。",
                 "handlerIds":["%s","%s"]%s}""".formatted(inspection, enterprise, a.id(), b.id(),
                circumstances == null ? "" : ",\"circumstances\":" + circumstances);
    }

    @Test
    void aCaseCitingAnInspectionOfAnotherEnterpriseIsRefusedNamingTheEnterprise() throws Exception {
        String inspection = inspection(enterprise(), false);
        UUID another = enterprise();
        mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(filing(another, inspection, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"))
                .andExpect(jsonPath("$.errors[0].message").value("当事人与检查记录中的企业不一致"));
        mvc.perform(get("/api/v1/penalty-cases").param("enterpriseId", another.toString()).with(as(a))).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aCaseFiledFromAnInspectionThatFoundAMajorHazardTakesTheHiddenMajorHazardBandLikeThePage() throws Exception {
        UUID enterprise = enterprise();
        String inspection = inspection(enterprise, true);
        mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content(filing(enterprise, inspection, null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.penaltyCase.inspectionId").value(inspection))
                .andExpect(jsonPath("$.penaltyCase.circumstances.majorHazard").value(true))
                .andExpect(jsonPath("$.penaltyCase.circumstances.hidden").value(true))
                .andExpect(jsonPath("$.recommendation.recommendation").value("HEAVIER"));
        // the page's form offers the same circumstances for the same inspection
        String form = mvc.perform(get("/penalty-cases/new").param("inspectionId", inspection).with(as(a))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).containsPattern("value=\"majorHazard\"[^>]*checked").containsPattern("value=\"hidden\"[^>]*checked");

        // an inspection without a major finding makes no circumstance; what the officer states is what the case takes
        String plain = inspection(enterprise, false);
        mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(filing(enterprise, plain, null)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.penaltyCase.circumstances.majorHazard").value(false))
                .andExpect(jsonPath("$.penaltyCase.circumstances.hidden").value(false));
        mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(filing(enterprise, inspection,
                        "{\"majorHazard\":true,\"selfReported\":true,\"rectifying\":true,\"hidden\":false,\"firstOffence\":false,"
                                + "\"minor\":false,\"correctedPromptly\":false,\"refusedToRectify\":false}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.penaltyCase.circumstances.hidden").value(false))
                .andExpect(jsonPath("$.recommendation.recommendation").value("GUIDANCE"));
    }
}
