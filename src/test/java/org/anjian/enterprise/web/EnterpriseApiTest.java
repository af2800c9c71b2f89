package org.anjian.enterprise.web;

import static org.anjian.enterprise.EnterpriseTestData.admin;
import static org.anjian.enterprise.EnterpriseTestData.as;
import static org.anjian.enterprise.EnterpriseTestData.auditor;
import static org.anjian.enterprise.EnterpriseTestData.enterpriseUser;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.anjian.enterprise.EnterpriseTestData.townOfficial;
import static org.anjian.enterprise.EnterpriseTestData.user;
import static org.anjian.enterprise.EnterpriseTestData.withWrongCheckDigit;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@EnterpriseIntegrationTest
class EnterpriseApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationDirectory organization;

    Region shuangfu;
    Region degan;

    @BeforeEach
    void towns() {
        shuangfu = organization.regionByName("双福街道").orElseThrow();
        degan = organization.regionByName("德感街道").orElseThrow();
    }

    static String body(String code, UUID townId, double lat, double lon, String sector, String subSector, String flags) {
        return """
                {"creditCode":"%s","name":"重庆测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                 "latitude":%s,"longitude":%s,"townId":"%s","sector":"%s","subSector":"%s","scale":"ABOVE_SIZE","employees":120,
                 "status":"PRODUCING","flags":[%s]}""".formatted(code, code.substring(10, 14), lat, lon, townId, sector, subSector, flags);
    }

    String create(RequestPostProcessor who, Region town, String sector, String subSector, String flags) throws Exception {
        String json = mvc.perform(post("/api/v1/enterprises").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), town.id(), town.latitude(), town.longitude(), sector, subSector, flags)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    @Test
    void aWrongCheckDigitAnswers400OnTheCreditCodeField() throws Exception {
        String bad = withWrongCheckDigit(newCreditCode());
        mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(bad, shuangfu.id(), 29.39, 106.29, "INDUSTRY_TRADE", "MACHINERY", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"))
                .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验位错误"));
        mvc.perform(get("/api/v1/enterprises").param("q", bad).with(admin())).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aValidCodeAnswers201WithTheEnterpriseAndItsClass() throws Exception {
        String code = newCreditCode();
        mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, shuangfu.id(), 29.39, 106.29, "INDUSTRY_TRADE", "METALLURGY", "\"MOLTEN_METAL\",\"METAL_SMELTING\"")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.creditCode").value(code))
                .andExpect(jsonPath("$.supervisionClass").exists());
    }

    @Test
    void aDuplicateCodeIsRefused() throws Exception {
        String code = newCreditCode();
        String json = body(code, shuangfu.id(), 29.39, 106.29, "INDUSTRY_TRADE", "MACHINERY", "");
        mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"))
                .andExpect(jsonPath("$.errors[0].message").value("该统一社会信用代码已登记"));
    }

    @Test
    void aTownOutsideTheTreeAndCoordinatesOutsideTheDistrictAreFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), UUID.randomUUID(), 39.9, 116.4, "INDUSTRY_TRADE", "MACHINERY", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("townId")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("latitude")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("镇街不在本区区划内")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("坐标不在本区范围内")));
    }

    @Test
    void aSubSectorOfAnotherSectorIsRefused() throws Exception {
        mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), shuangfu.id(), 29.39, 106.29, "HAZCHEM", "MACHINERY", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subSector"));
    }

    @Test
    void townOfficialsSeeOnlyTheirTown() throws Exception {
        String inShuangfu = create(admin(), shuangfu, "INDUSTRY_TRADE", "MACHINERY", "");
        String inDegan = create(admin(), degan, "INDUSTRY_TRADE", "MACHINERY", "");

        mvc.perform(get("/api/v1/enterprises/" + inShuangfu).with(townOfficial(shuangfu.id()))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/" + inDegan).with(townOfficial(shuangfu.id()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises/" + inDegan + "/classification").with(townOfficial(shuangfu.id()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises").param("size", "200").param("sort", "-updated").with(townOfficial(shuangfu.id())))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(inShuangfu)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(inDegan))))
                .andExpect(jsonPath("$.items[*].townId").value(not(hasItem(degan.id().toString()))));
        // the town filter of another town shows nothing of it either
        mvc.perform(get("/api/v1/enterprises").param("regionId", degan.id().toString()).with(townOfficial(shuangfu.id())))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aTownOfficialRegistersOnlyInTheirTownAndCannotEditAnother() throws Exception {
        create(townOfficial(shuangfu.id()), shuangfu, "INDUSTRY_TRADE", "TEXTILE", "");
        mvc.perform(post("/api/v1/enterprises").with(townOfficial(shuangfu.id())).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), degan.id(), degan.latitude(), degan.longitude(), "INDUSTRY_TRADE", "TEXTILE", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("townId"));
        String inDegan = create(admin(), degan, "INDUSTRY_TRADE", "MACHINERY", "");
        mvc.perform(put("/api/v1/enterprises/" + inDegan).with(townOfficial(shuangfu.id())).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), degan.id(), degan.latitude(), degan.longitude(), "INDUSTRY_TRADE", "TEXTILE", "")))
                .andExpect(status().isNotFound());
    }

    @Test
    void enterpriseUsersSeeAndEditOnlyTheirOwnAndOnlyContactDetails() throws Exception {
        String first = create(admin(), shuangfu, "INDUSTRY_TRADE", "MACHINERY", "");
        String second = create(admin(), shuangfu, "INDUSTRY_TRADE", "MACHINERY", "");
        UUID firstId = UUID.fromString(first);

        mvc.perform(get("/api/v1/enterprises/" + second).with(enterpriseUser(firstId))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/enterprises/" + second).with(enterpriseUser(firstId)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), shuangfu.id(), 29.39, 106.29, "HAZCHEM", "HAZCHEM_USE", "")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises").with(enterpriseUser(firstId)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(first));

        String own = mvc.perform(get("/api/v1/enterprises/" + first).with(enterpriseUser(firstId))).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(own, "$.creditCode");
        mvc.perform(put("/api/v1/enterprises/" + first).with(enterpriseUser(firstId)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, shuangfu.id(), 29.38, 106.28, "HAZCHEM", "HAZCHEM_PRODUCTION", "\"DUST_EXPLOSION\"")
                                .replace("江津区测试路1号", "江津区新地址8号")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("江津区新地址8号"))
                .andExpect(jsonPath("$.sector").value("INDUSTRY_TRADE"))
                .andExpect(jsonPath("$.subSector").value("MACHINERY"))
                .andExpect(jsonPath("$.flags").isEmpty());
    }

    @Test
    void departmentsSeeTheirSectorsOnly() throws Exception {
        var jxw = organization.departments().stream().filter(d -> d.code().equals("JXW")).findFirst().orElseThrow();
        String trade = create(admin(), shuangfu, "INDUSTRY_TRADE", "MACHINERY", "");
        String chem = create(admin(), shuangfu, "HAZCHEM", "HAZCHEM_TRADE", "");
        RequestPostProcessor dept = as(user(Role.DEPARTMENT_OFFICIAL, new DataScope(ScopeKind.DEPARTMENT, jxw.id())));
        mvc.perform(get("/api/v1/enterprises/" + trade).with(dept)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/" + chem).with(dept)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/enterprises/" + trade).with(dept).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), shuangfu.id(), 29.39, 106.29, "INDUSTRY_TRADE", "MACHINERY", "")))
                .andExpect(status().isForbidden());
    }

    @Test
    void agenciesSeeNothingYetAndAuditorsOnlyRead() throws Exception {
        String id = create(admin(), shuangfu, "INDUSTRY_TRADE", "MACHINERY", "");
        RequestPostProcessor agency = as(user(Role.AGENCY_USER, new DataScope(ScopeKind.AGENCY, UUID.randomUUID())));
        mvc.perform(get("/api/v1/enterprises/" + id).with(agency)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises").with(agency)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/enterprises/" + id).with(auditor())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/enterprises").with(auditor()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCreditCode(), shuangfu.id(), 29.39, 106.29, "INDUSTRY_TRADE", "MACHINERY", "")))
                .andExpect(status().isForbidden());
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        String dust = create(admin(), degan, "INDUSTRY_TRADE", "LIGHT_INDUSTRY", "\"DUST_EXPLOSION\"");
        String plain = create(admin(), degan, "INDUSTRY_TRADE", "LIGHT_INDUSTRY", "");
        mvc.perform(get("/api/v1/enterprises").param("flag", "DUST_EXPLOSION").param("regionId", degan.id().toString())
                        .param("size", "200").with(admin()))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(dust)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(plain))));
        mvc.perform(get("/api/v1/enterprises").param("sector", "HAZCHEM").param("subSector", "LIGHT_INDUSTRY").with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/enterprises").param("flag", "NOT_A_FLAG").with(admin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("flag"));
    }
}
