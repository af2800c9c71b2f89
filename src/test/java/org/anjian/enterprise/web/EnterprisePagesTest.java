package org.anjian.enterprise.web;

import static org.anjian.enterprise.EnterpriseTestData.admin;
import static org.anjian.enterprise.EnterpriseTestData.auditor;
import static org.anjian.enterprise.EnterpriseTestData.enterpriseUser;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.anjian.enterprise.EnterpriseTestData.townOfficial;
import static org.anjian.enterprise.EnterpriseTestData.withWrongCheckDigit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.enterprise.internal.EnterpriseRepository;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@EnterpriseIntegrationTest
class EnterprisePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationDirectory organization;
    @Autowired
    EnterpriseRepository repository;

    MockHttpServletRequestBuilder form(String code, Region town) {
        return form(code, town, town.latitude(), town.longitude());
    }

    MockHttpServletRequestBuilder form(String code, Region town, double lat, double lon) {
        return post("/enterprises").with(csrf()).param("creditCode", code).param("name", "重庆页面测试有限公司")
                .param("townId", town.id().toString()).param("sector", "INDUSTRY_TRADE").param("subSector", "LIGHT_INDUSTRY")
                .param("scale", "SMALL_MICRO").param("status", "PRODUCING").param("employees", "12")
                .param("latitude", String.valueOf(lat)).param("longitude", String.valueOf(lon))
                .param("flags", "CONFINED_SPACE");
    }

    @Test
    void aBadCodeOnThePageShowsTheChineseFieldErrorAndSavesNothing() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        String bad = withWrongCheckDigit(newCreditCode());
        mvc.perform(form(bad, town).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统一社会信用代码校验位错误")))
                .andExpect(content().string(containsString("is-invalid")));
        org.assertj.core.api.Assertions.assertThat(repository.idByCreditCode(bad)).isEmpty();
        mvc.perform(form(newCreditCode(), town, 39.9, 116.4).with(admin()))
                .andExpect(content().string(containsString("坐标不在本区范围内")));
    }

    @Test
    void aNumberThatIsNotOneKeepsWhatWasTypedAndEveryOtherErrorShowsAtOnce() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        String bad = withWrongCheckDigit(newCreditCode());
        mvc.perform(post("/enterprises").with(csrf()).param("creditCode", bad).param("name", "重庆页面测试有限公司")
                        .param("townId", town.id().toString()).param("sector", "INDUSTRY_TRADE").param("subSector", "LIGHT_INDUSTRY")
                        .param("scale", "SMALL_MICRO").param("status", "PRODUCING").param("employees", "12")
                        .param("latitude", "abc").param("longitude", String.valueOf(town.longitude())).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("类型不正确")))
                .andExpect(content().string(containsString("value=\"abc\"")))
                .andExpect(content().string(containsString("统一社会信用代码校验位错误")));
        org.assertj.core.api.Assertions.assertThat(repository.idByCreditCode(bad)).isEmpty();
    }

    @Test
    void aValidFormRegistersAndTheProfileShowsTheClassWithItsReasons() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        String code = newCreditCode();
        mvc.perform(form(code, town).with(admin())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/enterprises/*"));
        UUID id = repository.idByCreditCode(code).orElseThrow();
        mvc.perform(get("/enterprises/" + id).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("有限空间作业")));
        mvc.perform(get("/enterprises/" + id).param("tab", "classification").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("风险标识：有限空间作业")))
                .andExpect(content().string(containsString("行业：工贸")));
        for (String tab : new String[] {"licences", "responsible"}) {
            mvc.perform(get("/enterprises/" + id).param("tab", tab).with(admin())).andExpect(status().isOk());
        }
        // a tab contributed by another module through EnterpriseProfileTab
        mvc.perform(get("/enterprises/" + id).param("tab", "contributed").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("来自其他模块：重庆页面测试有限公司")))
                .andExpect(content().string(containsString("tab=contributed")));
    }

    @Test
    void listMapAndRulesRenderInScope() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        Region degan = organization.regionByName("德感街道").orElseThrow();
        String a = newCreditCode();
        String b = newCreditCode();
        mvc.perform(form(a, shuangfu).with(admin())).andExpect(status().is3xxRedirection());
        mvc.perform(form(b, degan).with(admin())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/enterprises").param("q", a.substring(8)).with(townOfficial(shuangfu.id())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(a)));
        mvc.perform(get("/enterprises").param("q", b.substring(8)).with(townOfficial(shuangfu.id())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(b))));
        UUID bId = repository.idByCreditCode(b).orElseThrow();
        mvc.perform(get("/enterprises/" + bId).with(townOfficial(shuangfu.id()))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + bId).with(enterpriseUser(repository.idByCreditCode(a).orElseThrow()))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/map").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/enterprises/map/data").with(townOfficial(shuangfu.id()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.points[?(@.id == '" + bId + "')]").isEmpty())
                .andExpect(jsonPath("$.towns.length()").value(organization.towns().size()));
        mvc.perform(get("/enterprises/rules").with(auditor())).andExpect(status().isOk())
                .andExpect(content().string(containsString("OPEN_MAJOR_HAZARD")));
        mvc.perform(post("/enterprises/rules/reclassify").with(csrf()).with(auditor())).andExpect(status().isForbidden());
        mvc.perform(post("/enterprises").with(csrf()).with(auditor()).param("name", "x")).andExpect(status().isForbidden());
    }

    @Test
    void theDistrictDeclaresSpecialPeriodsAndOutletPlansOnThePages() throws Exception {
        Region town = organization.regionByName("永兴镇").orElseThrow();
        mvc.perform(post("/enterprises/compliance/special-periods").with(csrf()).with(admin()).param("name", "永兴镇险情处置")
                .param("kind", "EMERGENCY").param("startsOn", "2026-09-10").param("endsOn", "2026-09-01")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/enterprises/compliance").with(admin())).andExpect(content().string(not(containsString("永兴镇险情处置"))));
        mvc.perform(post("/enterprises/compliance/special-periods").with(csrf()).with(admin()).param("name", "永兴镇险情处置")
                .param("kind", "EMERGENCY").param("startsOn", "2026-09-01").param("endsOn", "2026-09-10")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/enterprises/compliance").with(admin())).andExpect(content().string(containsString("永兴镇险情处置")));
        mvc.perform(post("/enterprises/compliance/special-periods").with(csrf()).with(townOfficial(town.id())).param("name", "x")
                .param("startsOn", "2026-09-01").param("endsOn", "2026-09-10")).andExpect(status().isForbidden());

        mvc.perform(post("/enterprises/outlets/plans").with(csrf()).with(admin()).param("townId", town.id().toString()).param("quota", "1")
                .param("points", "YX-01，YX-02 YX-03")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/enterprises/outlets").with(csrf()).with(townOfficial(town.id())).param("name", "永兴烟花零售点")
                .param("townId", town.id().toString()).param("planPointCode", "YX-09")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/enterprises/outlets").with(townOfficial(town.id()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("永兴烟花零售点")))
                .andExpect(content().string(containsString("YX-01、YX-02、YX-03")))
                .andExpect(content().string(containsString("不在布点规划内")));
    }
}
