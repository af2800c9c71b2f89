package org.anjian.chemical;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ENT-7: major hazard sources are computed from the units' inventories (GB 18218-2018), carry their
 * three 包保责任人 (应急厅〔2021〕12号 Art. 3), and are seen only within the reader's scope.
 */
@AnjianIntegrationTest
class MajorHazardSourceApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired ChemicalDemo demo;

    Region shuangfu;
    Region degan;
    UUID enterpriseA;
    UUID enterpriseB;
    AnjianUser ownerA;
    AnjianUser ownerB;
    AnjianUser townShuangfu;
    AnjianUser townDegan;

    @BeforeEach
    void twoHazchemEnterprisesInTwoTowns() throws Exception {
        shuangfu = organization.regionByName("双福街道").orElseThrow();
        degan = organization.regionByName("德感街道").orElseThrow();
        enterpriseA = enterprise(shuangfu);
        enterpriseB = enterprise(degan);
        ownerA = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseA));
        ownerB = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseB));
        townShuangfu = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id()));
        townDegan = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, degan.id()));
    }

    UUID enterprise(Region town) throws Exception {
        String code = newCreditCode();
        String json = """
                {"creditCode":"%s","name":"重庆危化测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                 "latitude":%s,"longitude":%s,"townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_STORAGE","scale":"ABOVE_SIZE",
                 "employees":80,"status":"PRODUCING","flags":[]}"""
                .formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id());
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    static final String CUSTODIANS = """
            "custodians":{"principal":{"name":"王总","phone":"13800000001"},"technical":{"name":"李工","phone":"13800000002"},
                          "operational":{"name":"赵班长","phone":"13800000003"}}""";

    ResultActions createUnit(AnjianUser as, UUID enterprise, String inventories, int people, String custodians) throws Exception {
        return mvc.perform(post("/api/v1/chemical-units").with(as(as)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","name":"液氨储罐区","kind":"STORAGE","peopleWithin500m":%d,%s"inventories":%s}"""
                .formatted(enterprise, people, custodians == null ? "" : custodians + ",", inventories)));
    }

    String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void aSourceIsGradedFromItsInventoryAndRegradedWhenTheInventoryChanges() throws Exception {
        // 表1 氨 Q = 10 t, 表3 β = 2, 表5 α(100) = 2.0: 30 t → S = 3, R = 2·2·3 = 12 → 三级
        String id = id(createUnit(ownerA, enterpriseA, "[{\"name\":\"液氨\",\"tonnes\":30}]", 100, CUSTODIANS)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.major").value(true))
                .andExpect(jsonPath("$.s").value(3))
                .andExpect(jsonPath("$.r").value(12))
                .andExpect(jsonPath("$.grade").value(3))
                .andExpect(jsonPath("$.custodians[1].role").value("TECHNICAL"))
                .andExpect(jsonPath("$.custodians[1].cadence").value("QUARTERLY"))
                .andExpect(jsonPath("$.custodians[2].cadence").value("WEEKLY")));

        // 130 t → R = 2·2·13 = 52 → 二级
        mvc.perform(put("/api/v1/chemical-units/" + id).with(as(ownerA)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"液氨储罐区","kind":"STORAGE","peopleWithin500m":100,%s,"inventories":[{"name":"氨","tonnes":130}]}""".formatted(CUSTODIANS)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.r").value(52)).andExpect(jsonPath("$.grade").value(2));

        mvc.perform(get("/api/v1/major-hazard-sources").param("grade", "2").param("enterpriseId", enterpriseA.toString()).with(as(townShuangfu)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_type = 'chemical-unit' and entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aMajorSourceMustNameItsThreeCustodians() throws Exception {
        createUnit(ownerA, enterpriseA, "[{\"name\":\"氯\",\"tonnes\":5}]", 10, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("custodians.principal.name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("custodians.operational.name")));
        // below the threshold (表1 氯 Q = 5 t) it is no major hazard source and needs none
        createUnit(ownerA, enterpriseA, "[{\"name\":\"氯\",\"tonnes\":4.9}]", 10, null)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.major").value(false));
    }

    @Test
    void inventoriesAreCheckedFieldByField() throws Exception {
        createUnit(ownerA, enterpriseA, "[{\"name\":\"氨\",\"tonnes\":1},{\"name\":\"某未知物\",\"tonnes\":-2}]", 10, CUSTODIANS)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("inventories[1].name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("inventories[1].tonnes")));
    }

    @Test
    void sourcesAreSeenOnlyWithinScope() throws Exception {
        String a = id(createUnit(ownerA, enterpriseA, "[{\"name\":\"氨\",\"tonnes\":10}]", 0, CUSTODIANS).andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/major-hazard-sources/" + a).with(as(ownerA))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/major-hazard-sources/" + a).with(as(townShuangfu))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/major-hazard-sources/" + a).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/major-hazard-sources/" + a).with(as(townDegan))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/chemical-units/" + a).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/major-hazard-sources").with(as(ownerB)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id").value(not(hasItem(a))));
        mvc.perform(get("/api/v1/major-hazard-sources").with(as(townDegan)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(a))));
        // another enterprise can neither add a unit to A nor change A's
        createUnit(ownerB, enterpriseA, "[{\"name\":\"氨\",\"tonnes\":1}]", 0, null).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/chemical-units/" + a).with(as(ownerB)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"x","kind":"STORAGE","peopleWithin500m":0,"inventories":[{"name":"氨","tonnes":1}]}"""))
                .andExpect(status().isNotFound());
        // town officials read but do not keep units
        createUnit(townShuangfu, enterpriseA, "[{\"name\":\"氨\",\"tonnes\":1}]", 0, null).andExpect(status().isForbidden());
    }

    @Test
    void theDemoGivesHazchemEnterprisesGradedUnitsOnceAndTheEnterpriseFileShowsThem() throws Exception {
        demo.load(java.util.List.of(enterpriseA, enterpriseB));
        long units = jdbc.sql("select count(*) from chemical_unit where enterprise_id in (:a, :b)").param("a", enterpriseA).param("b", enterpriseB)
                .query(Long.class).single();
        assertThat(units).isBetween(2L, 6L);
        // every major unit carries a grade, every other none: the outcome is computed, never typed in
        assertThat(jdbc.sql("select count(*) from chemical_unit where enterprise_id in (:a, :b) and (major = (grade is null))")
                .param("a", enterpriseA).param("b", enterpriseB).query(Long.class).single()).isZero();
        demo.load(java.util.List.of(enterpriseA, enterpriseB));
        assertThat(jdbc.sql("select count(*) from chemical_unit where enterprise_id in (:a, :b)").param("a", enterpriseA).param("b", enterpriseB)
                .query(Long.class).single()).isEqualTo(units);

        String page = mvc.perform(get("/enterprises/" + enterpriseA).param("tab", "major-hazard-sources").with(as(townShuangfu)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"chemical-units\"").contains("包保责任人");
    }

    @Test
    void theDistrictListFiltersByGradeAndATownSeesOnlyItsOwn() throws Exception {
        // 表1 氯 Q = 5, 表3 β = 4, 表5 α(100) = 2.0: 100 t → R = 2·4·20 = 160 → 一级
        createUnit(ownerA, enterpriseA, "[{\"name\":\"氯\",\"tonnes\":100}]", 100, CUSTODIANS).andExpect(status().isCreated());
        String page = mvc.perform(get("/major-hazard-sources").param("grade", "1").with(as(townShuangfu)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"sources\"").contains(enterpriseA.toString());
        String other = mvc.perform(get("/major-hazard-sources").param("grade", "1").with(as(townDegan)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain(enterpriseA.toString());
    }
}
