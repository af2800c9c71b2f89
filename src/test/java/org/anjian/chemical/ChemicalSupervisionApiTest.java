package org.anjian.chemical;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ENT-7 and CHM-2 beyond the units: key supervised processes, storage sites with the 四个系统 and their
 * gaps turned into hazards, pipelines whose hazards enter the hazard loop, fuel users, and the
 * supervision class following the chemical facts. Two hazchem enterprises in two towns for scope.
 */
@AnjianIntegrationTest
class ChemicalSupervisionApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    Region shuangfu;
    Region degan;
    UUID enterpriseA;
    UUID enterpriseB;
    AnjianUser ownerA;
    AnjianUser ownerB;
    AnjianUser townShuangfu;
    AnjianUser townDegan;
    final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    final String soon = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15).toString();

    @BeforeEach
    void twoHazchemStoresInTwoTowns() throws Exception {
        shuangfu = organization.regionByName("双福街道").orElseThrow();
        degan = organization.regionByName("德感街道").orElseThrow();
        enterpriseA = enterprise(shuangfu);
        enterpriseB = enterprise(degan);
        ownerA = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseA));
        ownerB = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseB));
        townShuangfu = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id()));
        townDegan = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, degan.id()));
    }

    /** A small hazchem store without standardization: class C (30 + 5 points). */
    UUID enterprise(Region town) throws Exception {
        String code = newCreditCode();
        String json = """
                {"creditCode":"%s","name":"重庆危化储存%s有限公司","townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_STORAGE",
                 "scale":"SMALL_MICRO","employees":20,"status":"PRODUCING","flags":[],"latitude":%s,"longitude":%s}"""
                .formatted(code, code.substring(10, 14), town.id(), town.latitude(), town.longitude());
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    String classOf(UUID enterprise) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/enterprises/" + enterprise + "/classification").with(as(Role.DISTRICT_ADMIN)))
                .andReturn().getResponse().getContentAsString(), "$.supervisionClass");
    }

    List<String> firedRules(UUID enterprise) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/enterprises/" + enterprise + "/classification").with(as(Role.DISTRICT_ADMIN)))
                .andReturn().getResponse().getContentAsString(), "$.firedRules[*].code");
    }

    ResultActions postJson(String path, AnjianUser who, String json) throws Exception {
        return mvc.perform(post(path).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String id(ResultActions r) throws Exception {
        return JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id");
    }

    static final String CUSTODIANS = """
            "custodians":{"principal":{"name":"王总"},"technical":{"name":"李工"},"operational":{"name":"赵班长"}}""";

    // ---- classification inputs

    @Test
    void aKeyProcessPutsTheStoreInClassAAndRemovingItPutsItBack() throws Exception {
        assertThat(classOf(enterpriseA)).isEqualTo("C");
        postJson("/api/v1/enterprise-key-processes", ownerA, """
                {"enterpriseId":"%s","processCode":"NITRATION","plant":"硝化装置","automated":true,"sis":false}""".formatted(enterpriseA))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.processName").value("硝化工艺"))
                .andExpect(jsonPath("$.gap").value(true));
        eventually(() -> assertThat(firedRules(enterpriseA)).contains("KEY_PROCESS"));
        assertThat(classOf(enterpriseA)).isEqualTo("A");

        mvc.perform(delete("/api/v1/enterprise-key-processes/" + enterpriseA + "/NITRATION").with(as(ownerA))).andExpect(status().isNoContent());
        eventually(() -> assertThat(firedRules(enterpriseA)).doesNotContain("KEY_PROCESS"));
        assertThat(classOf(enterpriseA)).isEqualTo("C");
        assertThat(jdbc.sql("select action from identity_audit_entry where entity_type = 'chemical-process' order by seq").query(String.class).list())
                .contains("CHEMICAL_PROCESS_ADDED", "CHEMICAL_PROCESS_REMOVED");
    }

    @Test
    void aGrade3SourceAddsPointsAndTheSameUnitRegradedTo1ForcesClassA() throws Exception {
        // GB 18218-2018: 氨 Q = 10 t, β = 2 (table 3), α = 2.0 for 100 people (table 5): 30 t → R = 12 (三级)
        String unit = id(postJson("/api/v1/chemical-units", ownerA, """
                {"enterpriseId":"%s","name":"液氨储罐区","kind":"STORAGE","peopleWithin500m":100,%s,"inventories":[{"name":"氨","tonnes":30}]}"""
                .formatted(enterpriseA, CUSTODIANS)).andExpect(status().isCreated()).andExpect(jsonPath("$.grade").value(3)));
        eventually(() -> assertThat(firedRules(enterpriseA)).contains("MAJOR_HAZARD_SOURCE"));
        assertThat(firedRules(enterpriseA)).doesNotContain("MAJOR_HAZARD_SOURCE_GRADE_1_2");
        assertThat(classOf(enterpriseA)).isEqualTo("B");

        // 氯 Q = 5 t, β = 4: 100 t, α = 2 → R = 160 (一级)
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/chemical-units/" + unit).with(as(ownerA))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"液氯库","kind":"STORAGE","peopleWithin500m":100,%s,"inventories":[{"name":"氯","tonnes":100}]}""".formatted(CUSTODIANS)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value(1));
        eventually(() -> assertThat(firedRules(enterpriseA)).contains("MAJOR_HAZARD_SOURCE_GRADE_1_2"));
        assertThat(classOf(enterpriseA)).isEqualTo("A");
    }

    @Test
    void theProcessListFiltersByProcessAndMissingAutomationWithinScope() throws Exception {
        postJson("/api/v1/enterprise-key-processes", ownerA, """
                {"enterpriseId":"%s","processCode":"DIAZOTIZATION","automated":false,"sis":false}""".formatted(enterpriseA))
                .andExpect(status().isCreated());
        postJson("/api/v1/enterprise-key-processes", ownerB, """
                {"enterpriseId":"%s","processCode":"DIAZOTIZATION","automated":true,"sis":true}""".formatted(enterpriseB))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/enterprise-key-processes").param("processCode", "DIAZOTIZATION").param("automated", "false")
                        .param("size", "200").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.items[*].enterpriseId").value(hasItem(enterpriseA.toString())))
                .andExpect(jsonPath("$.items[*].enterpriseId").value(not(hasItem(enterpriseB.toString()))));
        mvc.perform(get("/api/v1/enterprise-key-processes").param("size", "200").with(as(townDegan)))
                .andExpect(jsonPath("$.items[*].enterpriseId").value(not(hasItem(enterpriseA.toString()))));
        mvc.perform(get("/api/v1/enterprise-key-processes/" + enterpriseA).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(get("/chemical/key-processes").param("processCode", "DIAZOTIZATION").with(as(townShuangfu)))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("重氮化工艺")));
    }

    @Test
    void aProcessOutsideTheCatalogueOrWithoutTheControlFactsIsRefusedNamingTheFields() throws Exception {
        postJson("/api/v1/enterprise-key-processes", ownerA, """
                {"enterpriseId":"%s","processCode":"DISTILLATION"}""".formatted(enterpriseA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'processCode')].message").value(hasItem(containsString("重点监管危险化工工艺"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'automated')].message").value(hasItem(containsString("自动化控制"))))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("sis")));
        postJson("/api/v1/enterprise-key-processes", ownerB, """
                {"enterpriseId":"%s","processCode":"NITRATION","automated":true,"sis":true}""".formatted(enterpriseA))
                .andExpect(status().isNotFound());
    }

    // ---- storage sites and the 四个系统

    String site(AnjianUser who, UUID enterprise, String gas, String shutoff, String unit) throws Exception {
        return id(postJson("/api/v1/storage-sites", who, """
                {"enterpriseId":"%s","name":"液化烃罐区","kind":"LIQUEFIED_HYDROCARBON",%s"gasDetection":"%s","video":"PRESENT",
                 "emergencyShutoff":"%s","lightningWarning":"PRESENT","checkedOn":"%s",
                 "tanks":[{"name":"V-101","medium":"液化石油气","capacityM3":400,"pressure":"PRESSURE"},
                          {"name":"V-102","medium":"液化石油气","capacityM3":400,"pressure":"PRESSURE"}]}"""
                .formatted(enterprise, unit == null ? "" : "\"unitId\":\"" + unit + "\",", gas, shutoff, today)).andExpect(status().isCreated()));
    }

    @Test
    void gapsAreListedByTownAndSystemAndAMissingGasDetectionBecomesAMajorHazardOnce() throws Exception {
        String gapSite = site(ownerA, enterpriseA, "ABSENT", "PRESENT", null);
        String fullSite = site(ownerA, enterpriseA, "PRESENT", "PRESENT", null);
        String otherTown = site(ownerB, enterpriseB, "OUT_OF_ORDER", "PRESENT", null);
        mvc.perform(get("/api/v1/storage-sites/" + gapSite).with(as(ownerA)))
                .andExpect(jsonPath("$.gaps[0].system").value("GAS_DETECTION")).andExpect(jsonPath("$.gaps[0].criterion").value("HC-2017-12"))
                .andExpect(jsonPath("$.totalCapacityM3").value(800));

        mvc.perform(get("/api/v1/storage-sites").param("townId", shuangfu.id().toString()).param("gap", "GAS_DETECTION").param("size", "200")
                        .with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(gapSite)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(fullSite))))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(otherTown))));
        mvc.perform(get("/api/v1/storage-sites").param("gapsOnly", "true").param("size", "200").with(as(townDegan)))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(otherTown)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(gapSite))));

        // a present system is no gap; a regulator turns the gap into a hazard of the enterprise
        mvc.perform(post("/api/v1/storage-sites/" + gapSite + "/gaps/VIDEO/hazard").with(as(Role.INSPECTOR))).andExpect(status().isConflict());
        String hazard = JsonPath.read(mvc.perform(post("/api/v1/storage-sites/" + gapSite + "/gaps/GAS_DETECTION/hazard").with(as(Role.INSPECTOR)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.major").value(true)).andReturn().getResponse().getContentAsString(), "$.hazardId");
        mvc.perform(get("/api/v1/hazards/" + hazard).with(as(ownerA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.hazard.enterpriseId").value(enterpriseA.toString())).andExpect(jsonPath("$.hazard.grade").value("MAJOR"))
                .andExpect(jsonPath("$.hazard.criterionCode").value("HC-2017-12"));
        mvc.perform(post("/api/v1/storage-sites/" + gapSite + "/gaps/GAS_DETECTION/hazard").with(as(Role.INSPECTOR))).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/storage-sites/" + gapSite).with(as(ownerA))).andExpect(jsonPath("$.gaps[0].hazardId").value(hazard));
        // a town official reads the gaps but does not register hazards
        mvc.perform(post("/api/v1/storage-sites/" + otherTown + "/gaps/GAS_DETECTION/hazard").with(as(townDegan))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select action from identity_audit_entry where entity_type = 'chemical-storage-site' and entity_id = :id order by seq")
                .param("id", gapSite).query(String.class).list()).containsExactly("CHEMICAL_STORAGE_SITE_CREATED", "CHEMICAL_GAP_HAZARD_REGISTERED");
    }

    @Test
    void aMissingShutOffAtAGrade1TankFarmIsMajorByItem5AndAtAnUngradedOneGeneral() throws Exception {
        String unit = id(postJson("/api/v1/chemical-units", ownerA, """
                {"enterpriseId":"%s","name":"液氯库","kind":"STORAGE","peopleWithin500m":100,%s,"inventories":[{"name":"氯","tonnes":100}]}"""
                .formatted(enterpriseA, CUSTODIANS)).andExpect(status().isCreated()));
        String graded = site(ownerA, enterpriseA, "PRESENT", "ABSENT", unit);
        String ungraded = site(ownerA, enterpriseA, "PRESENT", "OUT_OF_ORDER", null);
        mvc.perform(post("/api/v1/storage-sites/" + graded + "/gaps/EMERGENCY_SHUTOFF/hazard").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.major").value(true)).andExpect(jsonPath("$.criterion").value("HC-2017-05"));
        mvc.perform(post("/api/v1/storage-sites/" + ungraded + "/gaps/EMERGENCY_SHUTOFF/hazard").with(as(ownerA)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.major").value(false));
    }

    @Test
    void aSiteIsValidatedFieldByFieldInChineseAndAnotherEnterprisesSiteIsNotFound() throws Exception {
        postJson("/api/v1/storage-sites", ownerA, """
                {"enterpriseId":"%s","name":"","kind":"TANK","gasDetection":"PRESENT","video":"PRESENT","lightningWarning":"PRESENT",
                 "tanks":[{"name":"V-1","medium":"丙烯","capacityM3":0,"pressure":"HIGH"}]}""".formatted(enterpriseA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem(containsString("储存场所名称"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'emergencyShutoff')].message").value(hasItem(containsString("紧急切断"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'tanks[0].capacityM3')].message").value(hasItem(containsString("罐容"))))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("tanks[0].pressure")));
        String siteA = site(ownerA, enterpriseA, "PRESENT", "PRESENT", null);
        mvc.perform(get("/api/v1/storage-sites/" + siteA).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/storage-sites/" + siteA).with(as(townDegan))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/storage-sites/" + siteA).with(as(townShuangfu))).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/storage-sites/" + siteA).with(as(ownerB))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/storage-sites/" + siteA + "/gaps/VIDEO/hazard").with(as(ownerB))).andExpect(status().isNotFound());
    }

    // ---- pipelines

    String line(Region town) {
        return """
                {"type":"LineString","coordinates":[[%s,%s],[%s,%s]]}""".formatted(town.longitude(), town.latitude(), town.longitude() + 0.01,
                town.latitude() + 0.01);
    }

    String pipeline(AnjianUser who, UUID operator, Region town) throws Exception {
        return id(postJson("/api/v1/pipelines", who, """
                {"name":"测试燃气管道","operatorEnterpriseId":"%s","townId":"%s","medium":"NATURAL_GAS","pressureClass":"SUB_HIGH",
                 "designPressureMpa":1.6,"diameterMm":406,"lengthKm":9.4,"geometry":%s}""".formatted(operator, town.id(), line(town)))
                .andExpect(status().isCreated()));
    }

    @Test
    void aPipelineHazardEntersTheHazardLoopOfItsOperatorAndClosingItThereClosesItOnTheSegment() throws Exception {
        String segment = pipeline(ownerA, enterpriseA, shuangfu);
        String body = postJson("/api/v1/pipelines/" + segment + "/hazards", user(Role.INSPECTOR), """
                {"kind":"OCCUPATION","place":"K3+200","description":"管道中心线5米内搭建彩钢棚占压","grade":"GENERAL","deadline":"%s"}"""
                .formatted(soon)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("EXTERNAL")).andExpect(jsonPath("$.inHazardLoop").value(true))
                .andReturn().getResponse().getContentAsString();
        String hazard = JsonPath.read(body, "$.hazardId");
        mvc.perform(get("/api/v1/hazards/" + hazard).with(as(ownerA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.hazard.enterpriseId").value(enterpriseA.toString())).andExpect(jsonPath("$.hazard.source").value("INSPECTION"));
        mvc.perform(get("/api/v1/pipelines").param("withOpenHazards", "true").param("size", "200").with(as(townShuangfu)))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(segment)));

        AnjianUser inspector = user(Role.INSPECTOR, DataScope.DISTRICT);
        for (String[] step : new String[][] {{"plan", "{\"plan\":\"拆除占压彩钢棚\"}", "owner"}, {"start", "{}", "owner"}, {"complete", "{}", "owner"},
                {"verify", "{}", "inspector"}, {"close", "{}", "inspector"}}) {
            mvc.perform(post("/api/v1/hazards/" + hazard + "/" + step[0]).with(as(step[2].equals("owner") ? ownerA : inspector))
                    .contentType(MediaType.APPLICATION_JSON).content(step[1])).andExpect(status().isOk());
        }
        eventually(() -> mvc.perform(get("/api/v1/pipelines/" + segment + "/hazards").with(as(ownerA)))
                .andExpect(jsonPath("$[0].closed").value(true)));
        mvc.perform(get("/api/v1/pipelines/" + segment).with(as(ownerA))).andExpect(jsonPath("$.openHazards").value(0));
    }

    @Test
    void aSegmentWithoutARegistryOperatorKeepsItsHazardOutsideTheLoop() throws Exception {
        String segment = id(postJson("/api/v1/pipelines", user(Role.DISTRICT_ADMIN), """
                {"name":"长输管道过境段","operatorName":"西南天然气管道运营公司","townId":"%s","medium":"NATURAL_GAS","pressureClass":"HIGH",
                 "diameterMm":1016,"lengthKm":38.5,"geometry":%s}""".formatted(degan.id(), line(degan))).andExpect(status().isCreated()));
        postJson("/api/v1/pipelines/" + segment + "/hazards", user(Role.DISTRICT_ADMIN), """
                {"kind":"LEAK","place":"阀室","description":"法兰泄漏","grade":"MAJOR","deadline":"%s"}""".formatted(soon))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.inHazardLoop").value(false)).andExpect(jsonPath("$.category").value("BODY"));
        mvc.perform(get("/api/v1/pipelines/" + segment).with(as(townDegan))).andExpect(status().isOk())
                .andExpect(jsonPath("$.geometry.type").value("LineString"));
        mvc.perform(get("/api/v1/pipelines/" + segment).with(as(townShuangfu))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pipelines/" + segment).with(as(ownerA))).andExpect(status().isNotFound());
    }

    @Test
    void aPipelineIsValidatedAgainstGb50028AndGeoJsonAndAnotherOperatorsSegmentIsNotFound() throws Exception {
        // 0.4 MPa is the top of 中压 (table 6.1.6): declared 次高压 it is refused
        postJson("/api/v1/pipelines", ownerA, """
                {"name":"","operatorEnterpriseId":"%s","townId":"%s","medium":"STEAM","pressureClass":"SUB_HIGH","designPressureMpa":0.4,
                 "diameterMm":0,"lengthKm":1,"geometry":{"type":"Point","coordinates":[106.2,29.1]}}""".formatted(enterpriseA, shuangfu.id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'pressureClass')].message").value(hasItem(containsString("GB 50028"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'geometry')].message").value(hasItem(containsString("LineString"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem(containsString("管段名称"))))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("medium")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("diameterMm")));
        // an enterprise records only its own segments
        postJson("/api/v1/pipelines", ownerA, """
                {"name":"他人管道","operatorEnterpriseId":"%s","townId":"%s","medium":"NATURAL_GAS","pressureClass":"LOW",
                 "diameterMm":110,"lengthKm":1,"geometry":%s}""".formatted(enterpriseB, degan.id(), line(degan)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("operatorEnterpriseId")));
        String segment = pipeline(ownerA, enterpriseA, shuangfu);
        mvc.perform(get("/api/v1/pipelines/" + segment).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pipelines/" + segment + "/hazards").with(as(townDegan))).andExpect(status().isNotFound());
        postJson("/api/v1/pipelines/" + segment + "/hazards", ownerB, """
                {"kind":"CORROSION","place":"x","description":"y","grade":"GENERAL","deadline":"%s"}""".formatted(soon)).andExpect(status().isNotFound());
        postJson("/api/v1/pipelines/" + segment + "/hazards", ownerA, "{\"kind\":\"CORROSION\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'deadline')].message").value(hasItem(containsString("整改期限"))))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("place")));
        assertThat(jdbc.sql("select action from identity_audit_entry where entity_type = 'chemical-pipeline' and entity_id = :id order by seq")
                .param("id", segment).query(String.class).list()).containsExactly("CHEMICAL_PIPELINE_CREATED");
    }

    @Test
    void fuelUsersAreListedByTheirTownAndFuel() throws Exception {
        String restaurant = id(postJson("/api/v1/fuel-users", townShuangfu, """
                {"name":"双福火锅店","townId":"%s","address":"双福大道1号","fuel":"ALCOHOL_FUEL","usage":"CATERING","gasAlarm":false,"lastChecked":"%s"}"""
                .formatted(shuangfu.id(), today)).andExpect(status().isCreated()));
        postJson("/api/v1/fuel-users", townShuangfu, """
                {"name":"德感饭店","townId":"%s","fuel":"LPG","usage":"CATERING","gasAlarm":true}""".formatted(degan.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("townId")));
        postJson("/api/v1/fuel-users", townShuangfu, "{\"name\":\"x\",\"townId\":\"%s\",\"fuel\":\"COAL\"}".formatted(shuangfu.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'fuel')].message").value(hasItem(containsString("醇基"))));
        mvc.perform(get("/api/v1/fuel-users").param("fuel", "ALCOHOL_FUEL").param("withoutAlarm", "true").param("size", "200").with(as(townShuangfu)))
                .andExpect(jsonPath("$.items[*].id").value(hasItem(restaurant)));
        mvc.perform(get("/api/v1/fuel-users/" + restaurant).with(as(townDegan))).andExpect(status().isNotFound());
        postJson("/api/v1/fuel-users", ownerA, "{}").andExpect(status().isForbidden());
    }

    @Test
    void thePagesShowTheListsAndTheMap() throws Exception {
        site(ownerA, enterpriseA, "ABSENT", "PRESENT", null);
        pipeline(ownerA, enterpriseA, shuangfu);
        for (String page : List.of("/chemical/storage-gaps", "/chemical/pipelines", "/chemical/fuel-users", "/chemical/key-processes")) {
            mvc.perform(get(page).with(as(townShuangfu))).andExpect(status().isOk());
        }
        mvc.perform(get("/chemical/storage-gaps").with(as(townShuangfu)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("可燃有毒气体检测报警：无")));
        mvc.perform(get("/chemical/pipelines").with(as(townShuangfu)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("pipeline-map")));
        mvc.perform(get("/enterprises/" + enterpriseA).param("tab", "chemical-supervision").with(as(ownerA))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("液化烃罐区")));
    }
}
