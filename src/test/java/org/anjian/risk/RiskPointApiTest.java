package org.anjian.risk;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.Department;
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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** DP-1 on the API: levels computed from the method, field errors in Chinese, scope, roles, audit. */
@AnjianIntegrationTest
class RiskPointApiTest {

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

    @BeforeEach
    void twoEnterprisesInTwoTowns() throws Exception {
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
                {"creditCode":"%s","name":"重庆风险测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                 "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                 "employees":120,"status":"PRODUCING","flags":["DUST_EXPLOSION"]}"""
                .formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id());
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    static String lec(UUID enterprise, String l, String e, String c, String responsibleLevel) {
        return """
                {"enterpriseId":"%s","unitName":"抛光车间","name":"干式抛光除尘系统","kind":"PLACE",
                 "hazardousFactors":["铝镁粉尘积聚","除尘器未设泄爆"],"possibleAccidents":["粉尘爆炸","火灾"],
                 "method":"LEC","l":%s,"e":%s,"c":%s,
                 "controlMeasures":[{"type":"ENGINEERING","description":"改为湿式除尘，设泄爆片"},
                                    {"type":"MANAGEMENT","description":"每班清扫积尘并记录"},
                                    {"type":"EMERGENCY","description":"起火时立即停机断电，撤离人员"}],
                 "responsibleLevel":"%s","responsiblePerson":"王厂长","responsiblePhone":"023-47521234"}"""
                .formatted(enterprise, l, e, c, responsibleLevel);
    }

    static String ls(UUID enterprise, int likelihood, int severity, String responsibleLevel) {
        return """
                {"enterpriseId":"%s","unitName":"装配车间","name":"行车吊装作业","kind":"ACTIVITY","hazardousFactors":["钢丝绳断股"],
                 "method":"LS","likelihood":%d,"severity":%d,
                 "controlMeasures":[{"type":"TRAINING","description":"持证上岗"},{"type":"PPE","description":"佩戴安全帽"},
                                    {"type":"EMERGENCY","description":"吊物坠落时拉警戒，送医"}],
                 "responsibleLevel":"%s","responsiblePerson":"李班长"}""".formatted(enterprise, likelihood, severity, responsibleLevel);
    }

    ResultActions create(AnjianUser who, String json) throws Exception {
        return mvc.perform(post("/api/v1/risk-points").with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String created(AnjianUser who, String json) throws Exception {
        return JsonPath.read(create(who, json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void theLevelIsComputedByTheMethodsPolicyAtItsBoundaries() throws Exception {
        // LEC: D = 70 is still low, 75 general; 150 general, 180 high; 300 high, 360 major
        Object[][] lecCases = {{"1", "10", "7", "70", "LOW"}, {"0.5", "10", "15", "75", "GENERAL"}, {"10", "1", "15", "150", "GENERAL"},
                {"6", "2", "15", "180", "HIGH"}, {"10", "2", "15", "300", "HIGH"}, {"3", "3", "40", "360", "MAJOR"}};
        for (Object[] c : lecCases) {
            create(ownerA, lec(enterpriseA, (String) c[0], (String) c[1], (String) c[2], "COMPANY")).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.assessment.score").value(Double.parseDouble((String) c[3])))
                    .andExpect(jsonPath("$.level").value(c[4]));
        }
        // LS with the default matrix: 3 low, 4 and 8 general, 9 and 16 high, 20 major
        int[][] lsCases = {{3, 1, 3}, {2, 2, 4}, {2, 4, 8}, {3, 3, 9}, {4, 4, 16}, {4, 5, 20}};
        String[] lsLevels = {"LOW", "GENERAL", "GENERAL", "HIGH", "HIGH", "MAJOR"};
        for (int i = 0; i < lsCases.length; i++) {
            create(ownerA, ls(enterpriseA, lsCases[i][0], lsCases[i][1], "COMPANY")).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.assessment.score").value(lsCases[i][2])).andExpect(jsonPath("$.level").value(lsLevels[i]))
                    .andExpect(jsonPath("$.assessment.method").value("LS"));
        }
    }

    @Test
    void aLevelSentByTheClientIsRefusedBecauseItIsNeverTypedIn() throws Exception {
        String json = lec(enterpriseA, "0.1", "0.5", "1", "POST").replace("\"method\"", "\"level\":\"LOW\",\"method\"");
        create(ownerA, json).andExpect(status().isBadRequest());
    }

    @Test
    void reassessingRecomputesTheLevelAndEveryWriteIsAudited() throws Exception {
        String id = created(ownerA, lec(enterpriseA, "3", "3", "40", "COMPANY"));
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(ownerA))).andExpect(jsonPath("$.level").value("MAJOR"))
                .andExpect(jsonPath("$.assessment.score").value(360)).andExpect(jsonPath("$.colour").value("#e3000f"))
                .andExpect(jsonPath("$.controlMeasures.length()").value(3));
        mvc.perform(put("/api/v1/risk-points/" + id).with(as(ownerA)).contentType(MediaType.APPLICATION_JSON)
                        .content(ls(enterpriseA, 2, 4, "TEAM")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("GENERAL")).andExpect(jsonPath("$.assessment.score").value(8))
                .andExpect(jsonPath("$.assessment.l").doesNotExist());
        mvc.perform(delete("/api/v1/risk-points/" + id).with(as(ownerA))).andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
        mvc.perform(get("/api/v1/risk-points").param("enterpriseId", enterpriseA.toString()).param("size", "200").with(as(ownerA)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(get("/api/v1/risk-points").param("enterpriseId", enterpriseA.toString()).param("includeRetired", "true")
                .param("size", "200").with(as(ownerA))).andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(put("/api/v1/risk-points/" + id).with(as(ownerA)).contentType(MediaType.APPLICATION_JSON)
                .content(ls(enterpriseA, 2, 4, "TEAM"))).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("risk.point.retired"));

        List<String> actions = jdbc.sql("select action from identity_audit_entry where entity_type = 'risk_point' and entity_id = ? order by seq")
                .param(id).query(String.class).list();
        assertThat(actions).containsExactly("RISK_POINT_CREATED", "RISK_POINT_UPDATED", "RISK_POINT_RETIRED");
        var update = jdbc.sql("select before_json, after_json from identity_audit_entry where entity_type = 'risk_point' and entity_id = ? "
                        + "and action = 'RISK_POINT_UPDATED'")
                .param(id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(update.get(0)).contains("MAJOR").contains("360");
        assertThat(update.get(1)).contains("GENERAL").doesNotContain("MAJOR");
    }

    @Test
    void badInputIsNamedFieldByFieldInChinese() throws Exception {
        create(ownerA, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("enterpriseId", "unitName", "name", "kind",
                        "hazardousFactors", "method", "controlMeasures", "responsibleLevel", "responsiblePerson")));
        create(ownerA, lec(enterpriseA, "5", "6", "15", "COMPANY")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("l"))
                .andExpect(jsonPath("$.errors[0].message").value("L（事故发生的可能性）须取 10、6、3、1、0.5、0.2、0.1 之一"));
        create(ownerA, ls(enterpriseA, 0, 6, "COMPANY")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("likelihood", "severity")))
                .andExpect(jsonPath("$.errors[0].message").value("取值须为 1 到 5 的整数"));
        // D = 360 is major: a team may not control it, and it needs an emergency measure
        create(ownerA, lec(enterpriseA, "3", "3", "40", "TEAM")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("responsibleLevel"))
                .andExpect(jsonPath("$.errors[0].message").value("重大风险须由公司级管控"));
        create(ownerA, lec(enterpriseA, "3", "3", "40", "COMPANY").replace("{\"type\":\"EMERGENCY\"", "{\"type\":\"TRAINING\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("controlMeasures"))
                .andExpect(jsonPath("$.errors[0].message").value("重大风险须有应急处置措施"));
        // D = 180 is high: a workshop may control it
        create(ownerA, lec(enterpriseA, "6", "2", "15", "WORKSHOP")).andExpect(status().isCreated());
        create(ownerA, lec(enterpriseA, "6", "2", "15", "TEAM")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("较大风险须由公司级或车间（部门）级管控"));
        create(ownerA, lec(enterpriseA, "1", "1", "1", "POST").replace("\"kind\":\"PLACE\"", "\"kind\":\"POST\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("postId"));
        create(ownerA, lec(enterpriseA, "1", "1", "1", "POST").replace("\"kind\":\"PLACE\"", "\"kind\":\"WAREHOUSE\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void scopeHidesOtherTownsAndOtherEnterprises() throws Exception {
        String id = created(ownerA, lec(enterpriseA, "3", "3", "40", "COMPANY"));
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(townShuangfu))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(townDegan))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/risk-points/" + id).with(as(ownerB)).contentType(MediaType.APPLICATION_JSON)
                .content(ls(enterpriseA, 1, 1, "POST"))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/risk-points/" + id).with(as(townDegan))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/risk-points").param("size", "200").with(as(townDegan))).andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(get("/api/v1/risk-points").param("size", "200").with(as(ownerB))).andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(get("/api/v1/risk-points").param("regionId", shuangfu.id().toString()).param("level", "MAJOR").param("size", "200")
                .with(as(Role.INSPECTOR))).andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(get("/api/v1/risk-points").param("regionId", degan.id().toString()).param("size", "200")
                .with(as(Role.INSPECTOR))).andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(get("/api/v1/risk-points").param("enterpriseId", enterpriseA.toString()).param("level", "LOW")
                .with(as(townShuangfu))).andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        create(ownerB, lec(enterpriseA, "1", "1", "1", "POST")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
        create(townDegan, lec(enterpriseA, "1", "1", "1", "POST")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));

        Department industry = organization.departments().stream().filter(d -> d.sectors().contains("INDUSTRY_TRADE")).findFirst().orElseThrow();
        Department other = organization.departments().stream()
                .filter(d -> !d.sectors().isEmpty() && !d.sectors().contains("INDUSTRY_TRADE")).findFirst().orElseThrow();
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(user(Role.DEPARTMENT_OFFICIAL, DataScope.of(ScopeKind.DEPARTMENT, industry.id())))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(user(Role.DEPARTMENT_OFFICIAL, DataScope.of(ScopeKind.DEPARTMENT, other.id())))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/risk-points").param("size", "200")
                        .with(as(user(Role.DEPARTMENT_OFFICIAL, DataScope.of(ScopeKind.DEPARTMENT, other.id())))))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
    }

    @Test
    void eachRoleReadsOrWritesAsAllowed() throws Exception {
        String id = created(ownerA, lec(enterpriseA, "1", "1", "1", "POST"));
        for (Role reader : List.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.EXPERT, Role.AUDITOR)) {
            mvc.perform(get("/api/v1/risk-points/" + id).with(as(reader))).andExpect(status().isOk());
        }
        for (Role none : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            mvc.perform(get("/api/v1/risk-points").with(as(none))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/risk-points/" + id).with(as(none))).andExpect(status().isForbidden());
        }
        // the auditor reads but never writes
        create(user(Role.AUDITOR), lec(enterpriseA, "1", "1", "1", "POST")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("risk.readOnly"));
        mvc.perform(put("/api/v1/risk-points/" + id).with(as(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON)
                .content(ls(enterpriseA, 1, 1, "POST"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/risk-points/" + id).with(as(Role.AUDITOR))).andExpect(status().isForbidden());
        // an agency sees no enterprise it holds no trusteeship contract with
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(Role.AGENCY_USER))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/risk-points").with(as(Role.AGENCY_USER))).andExpect(jsonPath("$.total").value(0));
        // regulators correct what they find
        create(user(Role.INSPECTOR), ls(enterpriseA, 4, 5, "COMPANY")).andExpect(status().isCreated()).andExpect(jsonPath("$.level").value("MAJOR"));
        create(townShuangfu, ls(enterpriseA, 1, 2, "POST")).andExpect(status().isCreated()).andExpect(jsonPath("$.level").value("LOW"));
        mvc.perform(get("/api/v1/risk-points")).andExpect(status().isUnauthorized());
    }

    @Test
    void aPostKeepsItsCardsAndPrintsThemWithChineseTextAnEmbeddedFontAndAQrCode() throws Exception {
        String postJson = """
                {"enterpriseId":"%s","name":"抛光工","workshop":"抛光车间","duties":["遵守抛光岗位操作规程","班前检查除尘设施"],
                 "operationSteps":["开机前确认除尘器运行","佩戴防尘口罩"],"prohibitions":["严禁在除尘器附近动火"],
                 "emergencyMeasures":["着火时立即停机断电并报告"],"emergencyContacts":["厂区应急电话 023-47521234","火警 119"]}"""
                .formatted(enterpriseA);
        String body = mvc.perform(post("/api/v1/risk-points/posts").with(as(ownerA)).contentType(MediaType.APPLICATION_JSON).content(postJson))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String postId = JsonPath.read(body, "$.id");
        String pointId = created(ownerA, lec(enterpriseA, "3", "3", "40", "COMPANY")
                .replace("\"kind\":\"PLACE\"", "\"kind\":\"POST\",\"postId\":\"" + postId + "\""));
        mvc.perform(get("/api/v1/risk-points/posts/" + postId).with(as(townShuangfu))).andExpect(status().isOk())
                .andExpect(jsonPath("$.post.duties.length()").value(2)).andExpect(jsonPath("$.risks[0].id").value(pointId));
        mvc.perform(get("/api/v1/risk-points/posts/" + postId).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/risk-points/posts/" + postId).with(as(ownerA)).contentType(MediaType.APPLICATION_JSON)
                        .content(postJson.replace("班前检查除尘设施", "班前检查除尘设施和泄爆片")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.duties[1]").value("班前检查除尘设施和泄爆片"));
        mvc.perform(post("/api/v1/risk-points/posts").with(as(ownerA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"name\":\" \"}".formatted(enterpriseA)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));

        byte[] pdf = mvc.perform(get("/api/v1/risk-points/posts/" + postId + "/cards.pdf").with(as(ownerA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("岗位风险清单", "岗位职责清单", "岗位操作卡", "应急处置卡", "抛光工", "干式抛光", "重大风险", "王厂长",
                    "班前检查除尘设施和泄爆片", "严禁在除尘器附近动火", "火警 119");
        }
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).as("the CJK font is embedded, not referenced").containsPattern("/FontFile[23]?");
        assertThat(raw).as("a QR code image").contains("/Subtype/Image");
        mvc.perform(get("/api/v1/risk-points/posts/" + postId + "/cards.pdf").with(as(ownerB))).andExpect(status().isNotFound());

        mvc.perform(delete("/api/v1/risk-points/posts/" + postId).with(as(ownerA))).andExpect(jsonPath("$.retired").value(true));
        mvc.perform(get("/api/v1/risk-points/" + pointId).with(as(ownerA))).andExpect(jsonPath("$.postId").doesNotExist());
        List<String> actions = jdbc.sql("select action from identity_audit_entry where entity_type = 'risk_post' and entity_id = ? order by seq")
                .param(postId).query(String.class).list();
        assertThat(actions).containsExactly("RISK_POST_CREATED", "RISK_POST_UPDATED", "RISK_POST_RETIRED");
    }
}
