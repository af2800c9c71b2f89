package org.anjian.penalty;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 立案 on the page: from an inspection, prefilled from what it found; from a report, by credit code; refusals shown on the form. */
@AnjianIntegrationTest
class PenaltyFilingPageTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    AnjianUser inspector() {
        var s = users.create(new NewUser("fil" + UUID.randomUUID().toString().substring(0, 8), "立案执法" + UUID.randomUUID().toString().substring(0, 3),
                "Anjian@2023", EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null, "渝执 N" + UUID.randomUUID().toString().substring(0, 5)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    @Test
    void aCaseIsFiledFromAnInspectionWithWhatItFound() throws Exception {
        var town = organization.regionByName("龙华镇").orElseThrow();
        String code = newCreditCode();
        UUID enterprise = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆龙华立案%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY",
                         "scale":"ABOVE_SIZE","employees":50,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String inspection = JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\",\"reason\":\"COMPLAINT\"}"
                                .formatted(enterprise, a.id(), b.id(), today)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/inspections/" + inspection + "/findings").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                {"place":"冲压车间","description":"冲床检修未停机断电挂牌","major":true,"category":"MAINTENANCE","legalBasis":"《安全生产法》第四十一条","deadline":"%s"}"""
                .formatted(today.plusDays(10)))).andExpect(status().isCreated());

        mvc.perform(get("/inspections/" + inspection).with(as(a))).andExpect(content().string(containsString("/penalty-cases/new?inspectionId=" + inspection)));
        String form = mvc.perform(get("/penalty-cases/new").param("inspectionId", inspection).with(as(a))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("冲压车间：冲床检修未停机断电挂牌", "重庆龙华立案", code);
        assertThat(form).containsPattern("value=\"MAINTENANCE\"[^>]*checked");
        assertThat(form).containsPattern("value=\"hidden\"[^>]*checked");

        String location = mvc.perform(post("/penalty-cases/new").with(as(a)).with(csrf()).param("source", "INSPECTION").param("inspectionId", inspection)
                        .param("creditCode", code).param("categories", "MAINTENANCE").param("facts", "经查，冲床检修未停机断电挂牌。")
                        .param("handlerIds", a.id().toString(), b.id().toString()).param("circumstances", "majorHazard", "hidden"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/penalty-cases/[0-9a-f-]{36}");
        mvc.perform(get("/api/v1" + location).with(as(a))).andExpect(jsonPath("$.penaltyCase.state").value("FILED"))
                .andExpect(jsonPath("$.penaltyCase.source").value("INSPECTION")).andExpect(jsonPath("$.penaltyCase.inspectionId").value(inspection))
                .andExpect(jsonPath("$.penaltyCase.categories[0]").value("MAINTENANCE"))
                .andExpect(jsonPath("$.penaltyCase.circumstances.hidden").value(true));

        // another enterprise's code against this inspection, one handler only, an unknown code: the form comes back with the reasons
        String body = mvc.perform(post("/penalty-cases/new").with(as(a)).with(csrf()).param("source", "INSPECTION").param("inspectionId", inspection)
                        .param("creditCode", newCreditCode()).param("categories", "MAINTENANCE").param("facts", "x").param("handlerIds", a.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("form-errors", "没有该统一社会信用代码的企业");
        body = mvc.perform(post("/penalty-cases/new").with(as(a)).with(csrf()).param("source", "REPORT").param("creditCode", code)
                        .param("facts", "群众举报：夜间违规动火。").param("handlerIds", a.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("form-errors", "请至少选择一个违法行为类别", "须有至少两名持证执法人员承办");
        mvc.perform(post("/penalty-cases/new").with(as(a)).with(csrf()).param("source", "REPORT").param("creditCode", code.toLowerCase())
                        .param("categories", "HAZARDOUS_WORK_APPROVAL").param("facts", "群众举报：夜间违规动火。")
                        .param("handlerIds", a.id().toString(), b.id().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/penalty-cases").param("enterpriseId", enterprise.toString()).with(as(a))).andExpect(jsonPath("$.total").value(2));

        mvc.perform(get("/penalty-cases/new").with(as(Role.AUDITOR))).andExpect(status().isForbidden());
        mvc.perform(post("/penalty-cases/new").with(as(Role.ENTERPRISE_USER)).with(csrf()).param("creditCode", code)).andExpect(status().isForbidden());
    }
}
