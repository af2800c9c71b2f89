package org.anjian;

import java.util.UUID;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
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

/** Pages issue #6 and #2: each role's menus and town filters are its own; lists page by number. */
@AnjianIntegrationTest
class NavigationByRoleTest {

    static final String[] DISTRICT_VIEWS = {"/enterprises/map", "/enterprises/outlets", "/enterprises/rules", "/accidents/violations"};

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    String page(String path, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anEnterpriseUserSeesNoDistrictViewsInTheMenusTheDistrictDoes() throws Exception {
        String enterprise = page("/", as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()))));
        String district = page("/", as(Role.DISTRICT_ADMIN));
        for (String view : DISTRICT_VIEWS) {
            assertThat(enterprise).as(view).doesNotContain("href=\"" + view + "\"");
            assertThat(district).as(view).contains("href=\"" + view + "\"");
        }
    }

    @Test
    void aTownOfficialsTownFilterOffersOnlyTheirTownTheDistrictsEveryTown() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        Region other = organization.regionByName("几江街道").orElseThrow();
        String townPage = page("/enterprises", as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()))));
        assertThat(townPage).contains("<option value=\"" + town.id() + "\"").doesNotContain("<option value=\"" + other.id() + "\"");
        String districtPage = page("/enterprises", as(Role.DISTRICT_ADMIN));
        for (Region t : organization.towns()) {
            assertThat(districtPage).contains("<option value=\"" + t.id() + "\"");
        }
    }

    /** 121 matches at 20 a page: 7 pages; the pager names the first, the last and two either side of the current. */
    @Test
    void listsPageByNumberWithTheFirstTheLastAndTheNeighbours() throws Exception {
        String marker = "翻页" + Long.toString(System.nanoTime(), 36).substring(0, 6);
        Region town = organization.regionByName("双福街道").orElseThrow();
        for (int i = 0; i < 121; i++) {
            String code = newCreditCode();
            mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                            {"creditCode":"%s","name":"重庆%s%03d有限公司","legalRepresentative":"张三","address":"江津区测试路1号",
                             "phone":"023-47520000","latitude":29.39,"longitude":106.29,"townId":"%s","sector":"INDUSTRY_TRADE",
                             "subSector":"MACHINERY","scale":"ABOVE_SIZE","employees":80,"status":"PRODUCING","flags":[]}"""
                            .formatted(code, marker, i, town.id())))
                    .andExpect(status().isCreated());
        }
        String first = page("/enterprises?q=" + marker, as(Role.DISTRICT_ADMIN));
        assertThat(first).contains("共 121 条").contains("page=1\"").contains("page=2\"").contains("…").contains("page=6\"")
                .doesNotContain("page=3\"").doesNotContain("page=5\"");
        String middle = page("/enterprises?q=" + marker + "&page=3", as(Role.DISTRICT_ADMIN));
        for (int p = 0; p <= 6; p++) {
            assertThat(middle).as("page " + p).contains("page=" + p + "\"");
        }
        assertThat(middle).contains("aria-current=\"page\">4<");
    }
}
