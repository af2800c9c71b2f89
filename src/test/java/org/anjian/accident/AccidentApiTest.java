package org.anjian.accident;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
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
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ACC-1 … ACC-3 on the API: validation, grading and 补报, scope, reporting deadlines, investigation, consequences. */
@AnjianIntegrationTest
class AccidentApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    Region shuangfu;
    Region degan;
    UUID factoryA;
    UUID factoryB;
    AnjianUser inspector;
    AnjianUser admin;

    @BeforeEach
    void setUp() throws Exception {
        clock.reset();
        shuangfu = organization.regionByName("双福街道").orElseThrow();
        degan = organization.regionByName("德感街道").orElseThrow();
        factoryA = enterprise(shuangfu, "INDUSTRY_TRADE", "MACHINERY");
        factoryB = enterprise(degan, "INDUSTRY_TRADE", "MACHINERY");
        inspector = user(Role.INSPECTOR, DataScope.DISTRICT);
        admin = user(Role.DISTRICT_ADMIN, DataScope.DISTRICT);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    UUID enterprise(Region town, String sector, String subSector) throws Exception {
        String code = newCreditCode();
        String json = """
                {"creditCode":"%s","name":"重庆事故测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                 "latitude":%s,"longitude":%s,"townId":"%s","sector":"%s","subSector":"%s","scale":"ABOVE_SIZE",
                 "employees":120,"status":"PRODUCING","flags":[]}"""
                .formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id(), sector, subSector);
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    static String accident(UUID enterprise, Instant at, int deaths, int serious, String loss) {
        return """
                {"enterpriseId":"%s","type":"MACHINERY","place":"冲压车间","occurredAt":"%s","peopleInvolved":20,"deaths":%d,"missing":0,
                 "seriousInjuries":%d,"minorInjuries":1,"directLossYuan":%s,"summary":"冲床夹手",
                 "causeBehaviour":"违章操作","causeCondition":"双手按钮被短接","causeManagement":"安全培训不到位"}"""
                .formatted(enterprise, at, deaths, serious, loss);
    }

    ResultActions record(AnjianUser who, String json) throws Exception {
        return mvc.perform(post("/api/v1/accidents").with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String recordId(String json) throws Exception {
        return JsonPath.read(record(inspector, json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.accident.id");
    }

    ResultActions step(String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/accidents/" + id + "/investigation/" + action).with(as(admin))
                .contentType(MediaType.APPLICATION_JSON).content(json == null ? "{}" : json));
    }

    Instant hoursAgo(int h) {
        return clock.instant().minus(Duration.ofHours(h));
    }

    @Test
    void aRecordedAccidentCarriesItsGradeAndIsAudited() throws Exception {
        String id = recordId(accident(factoryA, hoursAgo(3), 3, 0, "100000"));
        mvc.perform(get("/api/v1/accidents/" + id).with(as(inspector))).andExpect(status().isOk())
                .andExpect(jsonPath("$.accident.grade").value("LARGER")).andExpect(jsonPath("$.accident.sector").value("INDUSTRY_TRADE"))
                .andExpect(jsonPath("$.accident.causeManagement").value("安全培训不到位"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action = 'ACCIDENT_RECORDED'").param(id)
                .query(Long.class).single()).isEqualTo(1);
        String ordinary = recordId(accident(factoryA, hoursAgo(3), 2, 9, "9999999.99"));
        mvc.perform(get("/api/v1/accidents/" + ordinary).with(as(inspector))).andExpect(jsonPath("$.accident.grade").value("ORDINARY"));
    }

    @Test
    void badInputAnswers400WithTheField() throws Exception {
        record(inspector, accident(factoryA, hoursAgo(1), -1, 0, "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("deaths")));
        record(inspector, accident(factoryA, hoursAgo(1), 0, 0, "-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("directLossYuan")));
        record(inspector, accident(factoryA, clock.instant().plus(Duration.ofMinutes(5)), 0, 0, "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")));
        record(inspector, accident(factoryA, hoursAgo(1), 0, 21, "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("seriousInjuries")));
        record(inspector, accident(factoryA, hoursAgo(1), 0, 20, "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("peopleInvolved")));
        record(inspector, accident(factoryA, hoursAgo(1), 0, 19, "0")).andExpect(status().isCreated());
    }

    @Test
    void casualtiesAreRegradedWithin30DaysButNotAfter() throws Exception {
        Instant at = hoursAgo(1);
        String id = recordId(accident(factoryA, at, 2, 0, "1000"));
        clock.set(at.plus(Duration.ofDays(30)).minusSeconds(60));
        mvc.perform(patch("/api/v1/accidents/" + id).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("{\"deaths\":3}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accident.grade").value("LARGER"));
        clock.set(at.plus(Duration.ofDays(30)).plusSeconds(60));
        mvc.perform(patch("/api/v1/accidents/" + id).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("{\"deaths\":4}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("accident.supplement.closed"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action = 'ACCIDENT_REGRADED'").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void roadTrafficAndFireHaveA7DayWindow() throws Exception {
        Instant at = hoursAgo(1);
        String json = """
                {"townId":"%s","sector":"ROAD_TRAFFIC","type":"VEHICLE","place":"G93 高速","occurredAt":"%s","deaths":1,"seriousInjuries":0,
                 "directLossYuan":50000,"summary":"货车追尾"}""".formatted(degan.id(), at);
        String id = recordId(json);
        clock.set(at.plus(Duration.ofDays(7)).minusSeconds(60));
        mvc.perform(patch("/api/v1/accidents/" + id).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("{\"deaths\":2}"))
                .andExpect(status().isOk());
        clock.set(at.plus(Duration.ofDays(7)).plusSeconds(60));
        mvc.perform(patch("/api/v1/accidents/" + id).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("{\"deaths\":3}"))
                .andExpect(status().isConflict());
    }

    @Test
    void scopeHidesOtherTownsAndEnterprisesAndOnlyManagersWrite() throws Exception {
        String a = recordId(accident(factoryA, hoursAgo(2), 0, 1, "100"));
        String outside = recordId("""
                {"townId":"%s","sector":"OTHER","type":"DROWNING","place":"长江","occurredAt":"%s","deaths":1,"seriousInjuries":0,
                 "directLossYuan":0,"summary":"溺水"}""".formatted(degan.id(), hoursAgo(2)));
        AnjianUser townShuangfu = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id()));
        AnjianUser townDegan = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, degan.id()));
        AnjianUser ownerB = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, factoryB));
        AnjianUser ownerA = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, factoryA));
        mvc.perform(get("/api/v1/accidents/" + a).with(as(townShuangfu))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/accidents/" + a).with(as(ownerA))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/accidents/" + a).with(as(townDegan))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accidents/" + a).with(as(ownerB))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accidents/" + outside).with(as(townDegan))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/accidents/" + outside).with(as(townShuangfu))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accidents/" + a).with(as(Role.AUDITOR))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/accidents").with(as(Role.SYSTEM_ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accidents").with(as(Role.SECURITY_ADMIN))).andExpect(status().isForbidden());
        record(townShuangfu, accident(factoryA, hoursAgo(1), 0, 0, "0")).andExpect(status().isForbidden());
        record(ownerA, accident(factoryA, hoursAgo(1), 0, 0, "0")).andExpect(status().isForbidden());
        record(user(Role.AUDITOR, DataScope.DISTRICT), accident(factoryA, hoursAgo(1), 0, 0, "0")).andExpect(status().isForbidden());
        String list = mvc.perform(get("/api/v1/accidents?size=200").with(as(townDegan))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(list, "$.items[*].id");
        assertThat(ids).contains(outside).doesNotContain(a);
    }

    @Test
    void theEnterpriseReportsWithinOneHourAndTheDistrictWithinTwoMore() throws Exception {
        Instant at = hoursAgo(5);
        String id = recordId(accident(factoryA, at, 0, 1, "100"));
        report(id, "ENTERPRISE", at.plus(Duration.ofHours(1)));
        report(id, "DISTRICT", at.plus(Duration.ofHours(3)).plusSeconds(1));
        mvc.perform(get("/api/v1/accidents/" + id).with(as(inspector)))
                .andExpect(jsonPath("$.deadlines[0].level").value("ENTERPRISE")).andExpect(jsonPath("$.deadlines[0].late").value(false))
                .andExpect(jsonPath("$.deadlines[1].level").value("DISTRICT")).andExpect(jsonPath("$.deadlines[1].late").value(true))
                .andExpect(jsonPath("$.deadlines[2].level").value("FOLLOW_UP")).andExpect(jsonPath("$.deadlines[2].open").value(true));

        Instant at2 = hoursAgo(5);
        String late = recordId(accident(factoryA, at2, 0, 1, "100"));
        report(late, "ENTERPRISE", at2.plus(Duration.ofHours(1)).plusSeconds(1));
        report(late, "DISTRICT", at2.plus(Duration.ofHours(3)).plusSeconds(1));
        mvc.perform(get("/api/v1/accidents/" + late).with(as(inspector)))
                .andExpect(jsonPath("$.deadlines[0].late").value(true)).andExpect(jsonPath("$.deadlines[1].late").value(false));
        // nothing reported yet: due, late once the hour has passed
        String open = recordId(accident(factoryA, hoursAgo(0).minusSeconds(3599), 0, 1, "100"));
        mvc.perform(get("/api/v1/accidents/" + open).with(as(inspector)))
                .andExpect(jsonPath("$.deadlines[0].open").value(true)).andExpect(jsonPath("$.deadlines[0].late").value(false));
        clock.advance(Duration.ofSeconds(10));
        mvc.perform(get("/api/v1/accidents/" + open).with(as(inspector))).andExpect(jsonPath("$.deadlines[0].late").value(true));
    }

    void report(String id, String level, Instant at) throws Exception {
        mvc.perform(post("/api/v1/accidents/" + id + "/reports").with(as(inspector)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"%s\",\"reportedAt\":\"%s\"}".formatted(level, at))).andExpect(status().isCreated());
    }

    @Test
    void theInvestigationReportIsDue60DaysAfterAndExtendsOnceByAtMost60() throws Exception {
        Instant at = hoursAgo(2);
        String id = recordId(accident(factoryA, at, 1, 0, "100"));
        step(id, "extend", "{\"extensionDays\":10}").andExpect(status().isConflict());
        String body = step(id, "start", "{\"leader\":\"王组长\",\"members\":\"应急局、公安、总工会\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.accident.state").value("INVESTIGATING")).andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(JsonPath.read(body, "$.accident.investigation.reportDue"))).isEqualTo(at.plus(Duration.ofDays(60)));
        step(id, "extend", "{\"extensionDays\":61}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("extensionDays"));
        step(id, "extend", "{\"extensionDays\":0}").andExpect(status().isBadRequest());
        body = step(id, "extend", "{\"extensionDays\":60}").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(JsonPath.read(body, "$.accident.investigation.reportDue"))).isEqualTo(at.plus(Duration.ofDays(120)));
        step(id, "extend", "{\"extensionDays\":1}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("accident.investigation.extendedOnce"));
    }

    @Test
    void theCaseClosesOnlyWithAllFourNoLetsGoAndBothDuties() throws Exception {
        String id = recordId(accident(factoryA, hoursAgo(2), 1, 0, "100"));
        step(id, "start", "{\"leader\":\"王组长\"}").andExpect(status().isOk());
        step(id, "close", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("accident.close.notApproved"));
        step(id, "submit-report", "{\"reportSummary\":\"冲床安全装置失效，违章操作\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/accidents/" + id + "/investigation/approve").with(as(inspector)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        step(id, "approve", null).andExpect(status().isOk());
        step(id, "record", """
                {"causeFound":"调查报告第三节","responsibleHandled":"车间主任撤职，罚款 5 万元","measuresTaken":"全部冲床加装光电保护",
                 "enterpriseDuties":"企业未落实全员安全生产责任制","regulatorDuties":"镇街日常检查未发现短接"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.accident.investigation.noLetsGoMissing", hasSize(1)));
        step(id, "close", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("accident.close.noLetsGo"));
        step(id, "record", "{\"staffEducated\":\"全员警示教育，签到表\"}").andExpect(status().isOk());
        step(id, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.accident.state").value("CLOSED"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action = 'ACCIDENT_INVESTIGATION_CLOSE'").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneDeathAtAMineSuspendsItForThreeMonthsAndTwoForSix() throws Exception {
        UUID mine = enterprise(shuangfu, "NON_COAL_MINE", "OPEN_PIT");
        String one = recordId(accident(mine, hoursAgo(2), 1, 0, "100"));
        String body = mvc.perform(get("/api/v1/accidents/" + one).with(as(inspector))).andReturn().getResponse().getContentAsString();
        List<String> rules = JsonPath.read(body, "$.consequences[*].ruleCode");
        assertThat(rules).contains("MINE_ONE_DEATH_SUSPENSION", "MINE_DEATH_ESCALATION", "DEATH_CREDIT_ENTRY", "DEATH_TOWN_DEDUCTION")
                .doesNotContain("MINE_TWO_DEATHS_SUSPENSION", "LARGER_TOWN_VETO");
        assertThat(JsonPath.<List<Integer>>read(body, "$.consequences[?(@.ruleCode=='MINE_ONE_DEATH_SUSPENSION')].months")).containsExactly(3);
        assertThat(JsonPath.<String>read(body, "$.accident.investigation.level")).isEqualTo("CITY");
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where action = 'ACCIDENT_CONSEQUENCE_PROPOSED' and after_json like ?")
                .param("%" + one + "%").query(Long.class).single()).isGreaterThanOrEqualTo(4);

        String two = recordId(accident(mine, hoursAgo(2), 2, 0, "100"));
        body = mvc.perform(get("/api/v1/accidents/" + two).with(as(inspector))).andReturn().getResponse().getContentAsString();
        rules = JsonPath.read(body, "$.consequences[*].ruleCode");
        assertThat(rules).contains("MINE_TWO_DEATHS_SUSPENSION").doesNotContain("MINE_ONE_DEATH_SUSPENSION");
        assertThat(JsonPath.<List<Integer>>read(body, "$.consequences[?(@.ruleCode=='MINE_TWO_DEATHS_SUSPENSION')].months")).containsExactly(6);

        // a factory's death is no mine suspension
        String factory = recordId(accident(factoryA, hoursAgo(2), 1, 0, "100"));
        body = mvc.perform(get("/api/v1/accidents/" + factory).with(as(inspector))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.consequences[*].ruleCode")).doesNotContain("MINE_ONE_DEATH_SUSPENSION");
    }

    @Test
    void aLargerAccidentWithoutSafeConditionsIsProposedForClosureAndVetoes() throws Exception {
        String json = accident(factoryA, hoursAgo(2), 3, 0, "100").replace("\"summary\"", "\"lacksSafeConditions\":true,\"summary\"");
        String id = recordId(json);
        String body = mvc.perform(get("/api/v1/accidents/" + id).with(as(inspector))).andReturn().getResponse().getContentAsString();
        List<String> rules = JsonPath.read(body, "$.consequences[*].ruleCode");
        assertThat(rules).contains("LARGER_UNSAFE_CLOSURE", "LARGER_TOWN_VETO").doesNotContain("DEATH_TOWN_DEDUCTION");
        String c = JsonPath.<List<String>>read(body, "$.consequences[?(@.ruleCode=='LARGER_UNSAFE_CLOSURE')].id").get(0);
        mvc.perform(post("/api/v1/accidents/" + id + "/consequences/" + c).with(as(inspector)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"DECIDED\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accidents/" + id + "/consequences/" + c).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"DECIDED\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"));
        // without the finding no closure
        String safe = recordId(accident(factoryA, hoursAgo(2), 3, 0, "100"));
        body = mvc.perform(get("/api/v1/accidents/" + safe).with(as(inspector))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.consequences[*].ruleCode")).doesNotContain("LARGER_UNSAFE_CLOSURE");
    }
}
