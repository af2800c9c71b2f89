package org.anjian.enterprise.web;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages issue #1: the enterprise file (一企一档) gathers each module's records as tabs, within each module's rules. */
@AnjianIntegrationTest
class EnterpriseFileTabsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    UUID enterprise;
    Region town;

    @BeforeEach
    void anEnterpriseWithAHazard() throws Exception {
        town = organization.regionByName("双福街道").orElseThrow();
        String code = newCreditCode();
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆一企一档%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号",
                         "phone":"023-47520000","latitude":29.39,"longitude":106.29,"townId":"%s","sector":"INDUSTRY_TRADE",
                         "subSector":"MACHINERY","scale":"ABOVE_SIZE","employees":80,"status":"PRODUCING","flags":[]}"""
                        .formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        enterprise = UUID.fromString(JsonPath.read(body, "$.id"));
        mvc.perform(post("/api/v1/hazards").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"三号车间抛丸机","description":"抛丸机防护罩缺失","category":"机械防护",
                         "grade":"MAJOR","deadline":"%s","latitude":29.39,"longitude":106.29}""".formatted(enterprise, LocalDate.now().plusDays(20))))
                .andExpect(status().isCreated());
    }

    String file(String tab, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/enterprises/" + enterprise).param("tab", tab).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hazards", "risk-points", "inspections", "penalty-cases", "accidents", "credit-records"})
    void everyModuleTabOpensForTheDistrictWithItsTable(String tab) throws Exception {
        String html = file(tab, as(Role.DISTRICT_ADMIN));
        assertThat(html).contains("id=\"tab-" + tab + "\"").contains("tab=" + tab);
    }

    @Test
    void theHazardTabCountsAndListsTheEnterprisesHazardsForTheOwnerAndTheTown() throws Exception {
        for (var who : new org.springframework.test.web.servlet.request.RequestPostProcessor[] {
                as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise))),
                as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id())))}) {
            String html = file("hazards", who);
            assertThat(html).contains("三号车间抛丸机").contains("隐患 1 项，其中未销号 1 项").contains("重大事故隐患");
        }
    }

    /** An unannounced inspection must stay unannounced: the enterprise's own file has no inspection tab. */
    @Test
    void theEnterpriseSeesNoInspectionTabTheDistrictDoes() throws Exception {
        String own = file("profile", as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise))));
        assertThat(own).doesNotContain("tab=inspections").contains("tab=hazards").contains("tab=penalty-cases");
        assertThat(file("profile", as(Role.DISTRICT_ADMIN))).contains("tab=inspections");
        String town = file("profile", as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, this.town.id()))));
        assertThat(town).doesNotContain("tab=inspections").doesNotContain("tab=penalty-cases").contains("tab=hazards");
    }

    @Test
    void anotherEnterprisesFileIsNotFoundWhateverTheTab() throws Exception {
        var stranger = as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID())));
        mvc.perform(get("/enterprises/" + enterprise).param("tab", "hazards").with(stranger)).andExpect(status().isNotFound());
    }
}
