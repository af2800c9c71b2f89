package org.anjian.hazard;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** DP-3/DP-4 on the API: scope, the loop to CLOSED with its audit, the major-hazard rules, photos. */
@AnjianIntegrationTest
class HazardApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired HazardManagement hazards;

    Region shuangfu;
    Region degan;
    UUID enterpriseA;
    UUID enterpriseB;
    AnjianUser ownerA;
    AnjianUser safetyOfficerA;
    AnjianUser ownerB;
    AnjianUser townShuangfu;
    AnjianUser townDegan;
    AnjianUser inspector;

    @BeforeEach
    void twoEnterprisesInTwoTowns() throws Exception {
        shuangfu = organization.regionByName("双福街道").orElseThrow();
        degan = organization.regionByName("德感街道").orElseThrow();
        enterpriseA = enterprise(shuangfu);
        enterpriseB = enterprise(degan);
        ownerA = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseA));
        safetyOfficerA = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseA));
        ownerB = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseB));
        townShuangfu = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id()));
        townDegan = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, degan.id()));
        inspector = user(Role.INSPECTOR, DataScope.DISTRICT);
    }

    UUID enterprise(Region town) throws Exception {
        String code = newCreditCode();
        String json = """
                {"creditCode":"%s","name":"重庆隐患测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                 "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                 "employees":120,"status":"PRODUCING","flags":["DUST_EXPLOSION"]}"""
                .formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id());
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    String deadline(int days) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
    }

    String report(AnjianUser who, UUID enterprise, String grade) throws Exception {
        String body = mvc.perform(post("/api/v1/hazards").with(as(who)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"二号车间除尘器","description":"除尘器泄爆口朝向人员通道","category":"粉尘防爆",
                         "grade":"%s","deadline":"%s","latitude":29.39,"longitude":106.29}""".formatted(enterprise, grade, deadline(10))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    ResultActions step(AnjianUser who, String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/hazards/" + id + "/" + action).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    @Test
    void anEnterpriseHazardGoesRoundTheLoopToClosedAndEveryStepIsAudited() throws Exception {
        String id = report(ownerA, enterpriseA, "GENERAL");
        mvc.perform(get("/api/v1/hazards/" + id).with(as(townShuangfu))).andExpect(status().isOk())
                .andExpect(jsonPath("$.hazard.source").value("SELF_CHECK")).andExpect(jsonPath("$.hazard.state").value("REPORTED"));
        step(ownerA, id, "plan", "{\"plan\":\"加装泄爆导流管，改变泄爆方向\"}").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PLANNED"));
        step(ownerA, id, "start", null).andExpect(jsonPath("$.state").value("RECTIFYING"));
        step(ownerA, id, "complete", null).andExpect(jsonPath("$.state").value("RECTIFIED"));
        step(ownerA, id, "verify", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.verify.self"))
                .andExpect(jsonPath("$.detail").value("整改人不能验收自己的整改"));
        step(safetyOfficerA, id, "reject", "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        step(safetyOfficerA, id, "reject", "{\"note\":\"导流管未固定\"}").andExpect(jsonPath("$.state").value("RECTIFYING"))
                .andExpect(jsonPath("$.rejections").value(1));
        step(ownerA, id, "complete", null).andExpect(jsonPath("$.state").value("RECTIFIED"));
        step(townShuangfu, id, "verify", null).andExpect(jsonPath("$.state").value("VERIFIED"));
        step(ownerA, id, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLOSED"));

        List<String> actions = jdbc.sql("select action from identity_audit_entry where entity_type = 'hazard' and entity_id = ? order by seq")
                .param(id).query(String.class).list();
        assertThat(actions).containsExactly("HAZARD_REPORTED", "HAZARD_PLAN", "HAZARD_START", "HAZARD_COMPLETE", "HAZARD_REJECT",
                "HAZARD_COMPLETE", "HAZARD_VERIFY", "HAZARD_CLOSE");
        mvc.perform(get("/api/v1/hazards/" + id).with(as(ownerA))).andExpect(jsonPath("$.steps.length()").value(8));
    }

    @Test
    void closingAnUnverifiedHazardIsAConflict() throws Exception {
        String id = report(ownerA, enterpriseA, "GENERAL");
        step(ownerA, id, "close", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.transition.illegal"));
    }

    @Test
    void aMajorHazardFoundByAnInspectorIsUnreportedAndWaitsForTheFiveAssurancesAndTheDualReport() throws Exception {
        String id = report(inspector, enterpriseA, "MAJOR");
        mvc.perform(get("/api/v1/hazards/" + id).with(as(ownerA))).andExpect(jsonPath("$.hazard.unreported").value(true))
                .andExpect(jsonPath("$.hazard.source").value("INSPECTION"));
        step(ownerA, id, "plan", "{\"plan\":\"停用涉事除尘系统，整体改造\"}").andExpect(jsonPath("$.state").value("PLANNED"));
        step(ownerA, id, "start", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.major.fiveAssurances"));
        step(ownerA, id, "plan", """
                {"plan":"停用涉事除尘系统，整体改造","responsiblePerson":"王总经理","measures":"更换为湿式除尘","funds":350000,
                 "assuranceDeadline":"%s","contingencyPlan":"停产撤人，专人值守"}""".formatted(deadline(30)))
                .andExpect(jsonPath("$.fiveAssurances.complete").value(true));
        step(ownerA, id, "start", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.major.dualReport"));
        step(ownerA, id, "plan", "{\"plan\":\"停用涉事除尘系统，整体改造\",\"reportedToRegulatorOn\":\"%s\",\"reportedToWorkforceOn\":\"%s\"}"
                .formatted(deadline(0), deadline(0))).andExpect(jsonPath("$.dualReport.complete").value(true));
        step(ownerA, id, "start", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RECTIFYING"));
        step(ownerA, id, "complete", null);
        step(safetyOfficerA, id, "verify", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.verify.major"));
        step(inspector, id, "verify", null).andExpect(jsonPath("$.state").value("VERIFIED"));
        step(ownerA, id, "close", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.close.major"));
        step(townShuangfu, id, "close", null).andExpect(jsonPath("$.state").value("CLOSED"));
    }

    @Test
    void aMajorHazardTheEnterpriseReportedItselfIsMarkedSelfReported() throws Exception {
        String id = report(ownerA, enterpriseA, "MAJOR");
        mvc.perform(get("/api/v1/hazards/" + id).with(as(ownerA))).andExpect(jsonPath("$.hazard.selfReported").value(true))
                .andExpect(jsonPath("$.hazard.unreported").value(false));
    }

    @Test
    void scopeHidesOtherTownsAndOtherEnterprises() throws Exception {
        String id = report(ownerA, enterpriseA, "GENERAL");
        mvc.perform(get("/api/v1/hazards/" + id).with(as(townDegan))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hazards/" + id).with(as(ownerB))).andExpect(status().isNotFound());
        step(ownerB, id, "plan", "{\"plan\":\"x\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hazards").param("size", "200").with(as(townDegan))).andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(get("/api/v1/hazards").param("enterpriseId", enterpriseA.toString()).with(as(townShuangfu)))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(post("/api/v1/hazards").with(as(ownerB)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"x","description":"y","grade":"GENERAL","deadline":"%s"}""".formatted(enterpriseA, deadline(5))))
                .andExpect(status().isNotFound());
    }

    @Test
    void badInputIsNamedFieldByField() throws Exception {
        mvc.perform(post("/api/v1/hazards").with(as(ownerA)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"","description":"","deadline":"2020-01-01"}""".formatted(enterpriseA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("place", "description", "grade", "deadline")));
    }

    @Test
    void photosMustBeImagesOfAtMostTenMegabytes() throws Exception {
        String id = report(ownerA, enterpriseA, "GENERAL");
        byte[] png = realPng();
        mvc.perform(multipart("/api/v1/hazards/" + id + "/photos").file(new MockMultipartFile("file", "a.png", "image/png", png)).with(as(ownerA)))
                .andExpect(status().isCreated());
        mvc.perform(multipart("/api/v1/hazards/" + id + "/photos").file(new MockMultipartFile("file", "a.png", "image/png", "not an image".getBytes()))
                        .with(as(ownerA)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        mvc.perform(multipart("/api/v1/hazards/" + id + "/photos").file(new MockMultipartFile("file", "big.png", "image/png", big)).with(as(ownerA)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/hazards/" + id).with(as(ownerA))).andExpect(jsonPath("$.photos.length()").value(1));
    }

    static byte[] realPng() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void aPngHeaderFollowedByHtmlIsNotAPhoto() throws Exception {
        String id = report(ownerA, enterpriseA, "GENERAL");
        byte[] polyglot = "\u0089PNG\r\n\u001a\n<html><script>alert(document.cookie)</script></html>".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/api/v1/hazards/" + id + "/photos").file(new MockMultipartFile("file", "a.png", "image/png", polyglot)).with(as(ownerA)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(get("/api/v1/hazards/" + id).with(as(ownerA))).andExpect(jsonPath("$.photos.length()").value(0));
    }

    @Test
    void aFindingBecomesOneHazardHoweverOftenItIsDelivered() {
        String ref = "finding-" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(15, ChronoUnit.DAYS);
        UUID first = hazards.registerFrom(HazardSource.INSPECTION, ref, enterpriseA, HazardGrade.MAJOR, "罐区", "可燃气体报警器失效", null, "张执法", deadline);
        UUID again = hazards.registerFrom(HazardSource.INSPECTION, ref, enterpriseA, HazardGrade.MAJOR, "罐区", "可燃气体报警器失效", null, "张执法", deadline);
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from hazard_hazard where source_ref = ?").param(ref).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheDistrictOrATownListsAMajorHazardForSupervision() throws Exception {
        String id = report(inspector, enterpriseA, "MAJOR");
        String body = "{\"level\":\"DISTRICT\",\"supervisor\":\"区安委办 陈主任\",\"supervisionDeadline\":\"%s\"}".formatted(deadline(20));
        step(ownerA, id, "list-supervision", body).andExpect(status().isForbidden());
        step(townShuangfu, id, "list-supervision", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.listedSupervision.level").value("TOWN"));
        mvc.perform(get("/api/v1/hazards").param("listed", "true").param("size", "200").with(as(inspector)))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    }

    @Test
    void theChemicalCriteriaHaveTheirTwentyItems() throws Exception {
        mvc.perform(get("/api/v1/hazard-criteria").param("sector", "HAZCHEM").with(as(ownerA)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(20))
                .andExpect(jsonPath("$[1].text").value("特种作业人员未持证上岗。"));
        mvc.perform(get("/api/v1/hazard-criteria").param("sector", "INDUSTRY_TRADE").param("q", "泄爆").with(as(ownerA)))
                .andExpect(jsonPath("$[0].code").value("GM-2023-D3"));
    }

    @Test
    void citingAnItemOfTheCriteriaMakesTheHazardMajor() throws Exception {
        String body = mvc.perform(post("/api/v1/hazards").with(as(ownerA)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"抛光车间","description":"干式除尘器无泄爆","grade":"GENERAL","criterionCode":"GM-2023-D3",
                         "deadline":"%s"}""".formatted(enterpriseA, deadline(10))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.grade").value("MAJOR")).andExpect(jsonPath("$.selfReported").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.criterionCode")).isEqualTo("GM-2023-D3");
        mvc.perform(post("/api/v1/hazards").with(as(ownerA)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"x","description":"y","grade":"GENERAL","criterionCode":"GM-2023-X9","deadline":"%s"}"""
                        .formatted(enterpriseA, deadline(10))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("criterionCode"));
    }

    @Test
    void anInspectorFindingWhatTheEnterpriseAlreadyReportedIsNotUnreported() throws Exception {
        mvc.perform(post("/api/v1/hazards").with(as(ownerB)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","place":"冷库","description":"快速冻结间作业人员超过 9 人","criterionCode":"GM-2023-A2","deadline":"%s"}"""
                .formatted(enterpriseB, deadline(10)))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/hazards").with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"冷库","description":"快速冻结间 12 人作业","criterionCode":"GM-2023-A2","deadline":"%s"}"""
                        .formatted(enterpriseB, deadline(10))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.unreported").value(false));
        mvc.perform(post("/api/v1/hazards").with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"有限空间","description":"未审批进入污水池","criterionCode":"GM-2023-C2","deadline":"%s"}"""
                        .formatted(enterpriseB, deadline(10))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.unreported").value(true));
    }

    @Test
    void aNewVersionOfACatalogueIsAddedBesideTheOldOne() throws Exception {
        String version = "T" + UUID.randomUUID().toString().substring(0, 6);
        String file = """
                {"catalogues":[{"code":"TEST","version":"%s","name":"测试判定标准","basis":"测试","sectors":["FIREWORKS"],"complete":true,
                  "items":[{"code":"TEST-%s-01","section":"第1项","text":"测试条目"}]}]}""".formatted(version, version);
        MockMultipartFile upload = new MockMultipartFile("file", "criteria.json", "application/json", file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/hazard-criteria/catalogues").file(upload).with(as(ownerA))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/hazard-criteria/catalogues").file(upload).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
        mvc.perform(multipart("/api/v1/hazard-criteria/catalogues").file(upload).with(as(Role.SYSTEM_ADMIN)))
                .andExpect(jsonPath("$.added").value(0));
        mvc.perform(multipart("/api/v1/hazard-criteria/catalogues")
                        .file(new MockMultipartFile("file", "bad.json", "application/json", "{\"catalogues\":[{\"code\":\"X\"}]}".getBytes()))
                        .with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/hazard-criteria/catalogues").file(new MockMultipartFile("file", "x.json", "application/json", "not json".getBytes()))
                        .with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("hazard.criteria.format"));
    }
}
