package org.anjian.inspection;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/v1/inspections: each inspector lists their own inspections, the district all; filters and paging. */
@AnjianIntegrationTest
class InspectionListApiTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    AnjianUser inspector() {
        var s = users.create(new NewUser("list" + UUID.randomUUID().toString().substring(0, 8), "列表执法", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 L" + UUID.randomUUID().toString().substring(0, 5)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    @Test
    void inspectorsListTheirOwnInspections() throws Exception {
        var town = organization.regionByName("朱杨镇").orElseThrow();
        String code = newCreditCode();
        UUID enterprise = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆朱杨列表%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY",
                         "scale":"ABOVE_SIZE","employees":40,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        AnjianUser other = inspector();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String first = plan(a, b, enterprise, today);
        String second = plan(a, b, enterprise, today.plusDays(3));
        mvc.perform(post("/api/v1/inspections/" + first + "/findings").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                {"place":"仓库","description":"消防通道堵塞","category":"EMERGENCY","deadline":"%s"}""".formatted(today.plusDays(5))))
                .andExpect(status().isCreated());

        String mine = mvc.perform(get("/api/v1/inspections").param("enterpriseId", enterprise.toString()).with(as(b)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].id")).containsExactly(second, first);   // newest plan first
        mvc.perform(get("/api/v1/inspections").param("enterpriseId", enterprise.toString()).param("state", "ON_SITE").with(as(a)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(first));
        mvc.perform(get("/api/v1/inspections").param("enterpriseId", enterprise.toString()).param("size", "1").param("page", "1").with(as(a)))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(first));
        mvc.perform(get("/api/v1/inspections").param("enterpriseId", enterprise.toString()).with(as(other))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/inspections").param("enterpriseId", enterprise.toString()).with(as(Role.AUDITOR))).andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/inspections").param("state", "CLOSED").with(as(a))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(get("/api/v1/inspections").with(as(Role.TOWN_OFFICIAL))).andExpect(status().isForbidden());
    }

    String plan(AnjianUser a, AnjianUser b, UUID enterprise, LocalDate on) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\",\"reason\":\"COMPLAINT\"}"
                                .formatted(enterprise, a.id(), b.id(), on)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }
}
