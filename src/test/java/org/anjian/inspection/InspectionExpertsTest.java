package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.expert.ExpertTestData;
import org.anjian.expert.Field;
import org.anjian.identity.UserManagement;
import org.anjian.inspection.internal.InspectionExperts;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENF-3 执法+专家: experts selected for an inspection, their service recorded, who may select and read. */
@AnjianIntegrationTest
class InspectionExpertsTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired InspectionExperts inspectionExperts;

    @Test
    void expertsGoAlongUntilTheFieldRunsOutNeverTheEnterprisesOwnAndEachOneGetsARateableService() throws Exception {
        ExpertTestData data = new ExpertTestData(mvc, users, organization);
        UUID enterprise = data.enterprise();
        AnjianUser a = data.inspector();
        AnjianUser b = data.inspector();
        AnjianUser outsider = data.inspector();
        AnjianUser expertUser = data.expertAccount();
        AnjianUser otherExpertUser = data.expertAccount();
        var today = ExpertTestData.today();
        UUID linked = data.expert("陪同专家", Field.EMERGENCY_RESCUE, today.plusDays(60), null, expertUser.id());
        UUID employee = data.expert("企业员工专家", Field.EMERGENCY_RESCUE, today.plusDays(60), enterprise, null);
        String inspection = JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}".formatted(enterprise, a.id(), b.id(),
                                today.plusDays(2))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String url = "/api/v1/inspections/" + inspection + "/experts";
        String one = "{\"fields\":[\"EMERGENCY_RESCUE\"],\"count\":1}";

        mvc.perform(post(url).with(as(outsider)).contentType(MediaType.APPLICATION_JSON).content(one)).andExpect(status().isForbidden());
        mvc.perform(post(url).with(as(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON).content(one)).andExpect(status().isForbidden());
        mvc.perform(post(url).with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise))))
                .contentType(MediaType.APPLICATION_JSON).content(one)).andExpect(status().isForbidden());
        mvc.perform(post(url).with(as(a)).contentType(MediaType.APPLICATION_JSON).content("{\"fields\":[],\"count\":4}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("fields", "count")));
        mvc.perform(post("/api/v1/inspections/" + UUID.randomUUID() + "/experts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(one)).andExpect(status().isNotFound());

        // one at a time until nobody is left: the first is reproducible from its recorded seed; then 409 naming the field
        int selected = 0;
        MvcResult last;
        while (true) {
            last = mvc.perform(post(url).with(as(selected % 2 == 0 ? b : TestUsers.user(Role.DISTRICT_ADMIN))).contentType(MediaType.APPLICATION_JSON)
                    .content(one)).andReturn();
            if (last.getResponse().getStatus() != 201) {
                break;
            }
            selected++;
            assertThat(selected).isLessThan(500);
        }
        assertThat(last.getResponse().getStatus()).isEqualTo(409);
        String problem = last.getResponse().getContentAsString();
        assertThat((String) JsonPath.read(problem, "$.reason")).isEqualTo("expert.selection.shortage");
        assertThat((String) JsonPath.read(problem, "$.field")).isEqualTo("EMERGENCY_RESCUE");
        assertThat((Integer) JsonPath.read(problem, "$.available")).isZero();
        assertThat((String) JsonPath.read(problem, "$.detail")).contains("应急救援");

        String list = mvc.perform(get(url).with(as(a))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(list, "$[*].expertId");
        assertThat(ids).hasSize(selected).doesNotHaveDuplicates().contains(linked.toString()).doesNotContain(employee.toString());
        assertThat((String) JsonPath.read(list, "$[0].seed")).isEqualTo("inspection:" + inspection + ":1");
        assertThat((List<String>) JsonPath.read(list, "$[?(@.expertId == '" + linked + "')].phone")).containsExactly("13912345678");

        // the selected expert reads the inspection's experts; another expert does not learn of it; the enterprise sees no phone
        mvc.perform(get(url).with(as(expertUser))).andExpect(status().isOk());
        mvc.perform(get(url).with(as(otherExpertUser))).andExpect(status().isNotFound());
        // and so with the inspection itself: an expert's district scope does not open every inspection
        mvc.perform(get("/api/v1/inspections/" + inspection).with(as(expertUser))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/inspections/" + inspection).with(as(otherExpertUser))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise))))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].phone").doesNotExist());
        mvc.perform(get(url).with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID())))))
                .andExpect(status().isNotFound());
        assertThat(inspectionExperts.isSelectedExpert(expertUser, UUID.fromString(inspection))).isTrue();
        assertThat(inspectionExperts.isSelectedExpert(otherExpertUser, UUID.fromString(inspection))).isFalse();
        assertThat(inspectionExperts.inspectionsOf(expertUser)).containsExactly(UUID.fromString(inspection));

        // 陪同执法 is in the expert's record, dated on the planned day; the inspectors of the inspection may rate it
        String services = mvc.perform(get("/api/v1/experts/" + linked + "/services").with(as(expertUser))).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(services, "$[0].kind")).isEqualTo("INSPECTION_ALONGSIDE");
        assertThat((String) JsonPath.read(services, "$[0].reference")).isEqualTo("inspection:" + inspection);
        assertThat((String) JsonPath.read(services, "$[0].date")).isEqualTo(today.plusDays(2).toString());
        String serviceId = JsonPath.read(services, "$[0].id");
        String stars = "{\"quality\":5,\"professionalism\":5,\"timeliness\":4}";
        mvc.perform(post("/api/v1/expert-services/" + serviceId + "/rating").with(as(outsider)).contentType(MediaType.APPLICATION_JSON).content(stars))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/expert-services/" + serviceId + "/rating").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(stars))
                .andExpect(status().isOk());

        // the page shows the experts and takes the selection form
        assertThat(mvc.perform(get("/inspections/" + inspection).with(as(a))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("inspection-experts").contains("陪同专家");
        mvc.perform(post("/inspections/" + inspection + "/experts").param("fields", "EMERGENCY_RESCUE").param("count", "1").with(as(a)).with(csrf()))
                .andExpect(redirectedUrl("/inspections/" + inspection));

        mvc.perform(post("/api/v1/inspections/" + inspection + "/finish").with(as(a))).andExpect(status().isOk());
        mvc.perform(post(url).with(as(a)).contentType(MediaType.APPLICATION_JSON).content("{\"fields\":[\"FIRE\"],\"count\":1}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.done"));
    }
}
