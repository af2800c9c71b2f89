package org.anjian.credit;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 18, defect 1: a town sees the credit entries of its enterprises, a department those of its sectors, nobody else's. */
@AnjianIntegrationTest
class CreditRecordScopeTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    TwoScopes scopes;
    String entryOfA;
    String personEntry;

    @BeforeEach
    void entries() throws Exception {
        scopes = new TwoScopes(mvc, organization);
        entryOfA = create("UNIT", scopes.a.enterpriseId());
        personEntry = create("PERSON", null);
    }

    String create(String subjectType, UUID enterpriseId) throws Exception {
        String body = mvc.perform(post("/api/v1/credit-records").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectType":"%s","subjectName":"范围测试%s","enterpriseId":%s,"kind":"BLACKLIST","cause":"OTHER",
                         "causeDetail":"测试","authority":"江津区应急管理局","decisionDate":"%s"}"""
                        .formatted(subjectType, name(subjectType), enterpriseId == null ? "null" : "\"" + enterpriseId + "\"",
                                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** The entries of enterprise A the user lists (the filter keeps the answer within one page). */
    String name(String subjectType) {
        return subjectType + "-" + scopes.a.enterpriseId();
    }

    List<String> listedOfA(Role role, TwoScopes.Side side) throws Exception {
        String json = mvc.perform(get("/api/v1/credit-records?enterpriseId=" + scopes.a.enterpriseId()).with(as(side.user(role))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.items[*].id");
    }

    @Test
    void aTownOrDepartmentOutsideTheEnterpriseNeitherListsNorReadsItsEntries() throws Exception {
        for (Role role : List.of(Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER)) {
            assertThat(listedOfA(role, scopes.b)).as(role + " of the other side").isEmpty();
            mvc.perform(get("/api/v1/credit-records/" + entryOfA).with(as(scopes.b.user(role)))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/credit-records/" + personEntry).with(as(scopes.b.user(role)))).andExpect(status().isNotFound());
            String page = mvc.perform(get("/credit-records").with(as(scopes.b.user(role)))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(role + " page").doesNotContain(name("UNIT"));
        }
    }

    @Test
    void theTownAndDepartmentOfTheEnterpriseSeeItsEntries() throws Exception {
        for (Role role : List.of(Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER)) {
            assertThat(listedOfA(role, scopes.a)).as(role.name()).containsExactly(entryOfA);
            mvc.perform(get("/api/v1/credit-records/" + entryOfA).with(as(scopes.a.user(role)))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/credit-records/" + personEntry).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
    }
}
