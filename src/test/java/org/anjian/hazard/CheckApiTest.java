package org.anjian.hazard;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.hazard.domain.CheckCadence;
import org.anjian.hazard.internal.CheckService;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** DP-2: lists make tasks by cadence, a task is worked item by item, failed items become hazards, missed tasks count. */
@AnjianIntegrationTest
class CheckApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired CheckService checks;
    @Autowired MutableClock clock;

    UUID enterprise;
    AnjianUser owner;
    AnjianUser town;

    @BeforeEach
    void anEnterprise() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        String code = newCreditCode();
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆排查测试%s有限公司","legalRepresentative":"王五","address":"双福","latitude":%s,"longitude":%s,
                         "townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE","employees":80,"status":"PRODUCING","flags":[]}"""
                        .formatted(code, code.substring(10, 14), shuangfu.latitude(), shuangfu.longitude(), shuangfu.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        enterprise = UUID.fromString(JsonPath.read(body, "$.id"));
        owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        town = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions createList(String cadence, boolean criteria) throws Exception {
        return mvc.perform(post("/api/v1/check-lists").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","name":"抛光岗位每日检查","post":"抛光工","level":"POST","cadence":"%s",
                 "items":["除尘器运行正常，压差在规定范围","作业现场无积尘"],"includeCriteria":%s}""".formatted(enterprise, cadence, criteria)));
    }

    String pendingTask() throws Exception {
        String body = mvc.perform(get("/api/v1/check-tasks").param("enterpriseId", enterprise.toString()).param("state", "PENDING").with(as(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items[0].id");
    }

    @Test
    void aDailyTaskIsWorkedItemByItemAndAFailedItemBecomesAHazard() throws Exception {
        createList("DAILY", false).andExpect(status().isCreated());
        String task = pendingTask();
        String detail = mvc.perform(get("/api/v1/check-tasks/" + task).with(as(owner)))
                .andExpect(jsonPath("$.task.dueDate").value(LocalDate.now(clock.withZone(SHANGHAI)).toString()))
                .andExpect(jsonPath("$.items.length()").value(2)).andReturn().getResponse().getContentAsString();
        List<String> items = JsonPath.read(detail, "$.items[*].id");
        String complete = "/api/v1/check-tasks/" + task + "/complete";
        mvc.perform(post(complete).with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"results":[{"itemId":"%s","outcome":"PASS"},{"itemId":"%s","outcome":"HAZARD"}]}""".formatted(items.get(0), items.get(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("results[1].note"));
        mvc.perform(post(complete).with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"results":[{"itemId":"%s","outcome":"PASS"}]}""".formatted(items.get(0))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("results[1]"));
        mvc.perform(post(complete).with(as(town)).contentType(MediaType.APPLICATION_JSON).content("{\"results\":[]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(complete).with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"results":[{"itemId":"%s","outcome":"PASS"},{"itemId":"%s","outcome":"HAZARD","note":"地面积尘约 2 毫米"}]}"""
                        .formatted(items.get(0), items.get(1))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE")).andExpect(jsonPath("$.hazardsFound").value(1));
        mvc.perform(post(complete).with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("{\"results\":[]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.check.notPending"));
        mvc.perform(get("/api/v1/hazards").param("enterpriseId", enterprise.toString()).with(as(town)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].source").value("SELF_CHECK"))
                .andExpect(jsonPath("$.items[0].description").value("作业现场无积尘：地面积尘约 2 毫米"));
    }

    @Test
    void theSectorsCriteriaCanBeAddedAndAFailedCriterionIsAMajorHazard() throws Exception {
        createList("WEEKLY", true).andExpect(status().isCreated());
        String task = pendingTask();
        String detail = mvc.perform(get("/api/v1/check-tasks/" + task).with(as(owner))).andExpect(jsonPath("$.items.length()").value(2 + 17))
                .andExpect(jsonPath("$.task.dueDate").value(CheckCadence.WEEKLY.periodOf(LocalDate.now(clock.withZone(SHANGHAI))).due().toString()))
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(detail, "$.items[*].id");
        List<String> codes = JsonPath.read(detail, "$.items[*].criterionCode");
        StringBuilder results = new StringBuilder("{\"results\":[");
        for (int i = 0; i < ids.size(); i++) {
            boolean fail = "GM-2023-D10".equals(codes.get(i));
            results.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(ids.get(i)).append("\",\"outcome\":\"")
                    .append(fail ? "HAZARD\",\"note\":\"清扫记录缺失\"}" : "PASS\"}");
        }
        mvc.perform(post("/api/v1/check-tasks/" + task + "/complete").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content(results + "]}"))
                .andExpect(jsonPath("$.hazardsFound").value(1));
        mvc.perform(get("/api/v1/hazards").param("enterpriseId", enterprise.toString()).with(as(owner)))
                .andExpect(jsonPath("$.items[0].grade").value("MAJOR")).andExpect(jsonPath("$.items[0].criterionCode").value("GM-2023-D10"))
                .andExpect(jsonPath("$.items[0].selfReported").value(true));
    }

    @Test
    void aTaskNotDoneByItsDueDateIsMissedAndCounted() throws Exception {
        createList("DAILY", false).andExpect(status().isCreated());
        String yesterday = pendingTask();
        LocalDate day = LocalDate.now(clock.withZone(SHANGHAI));
        clock.advance(Duration.ofDays(1));
        mvc.perform(post("/api/v1/check-tasks/" + yesterday + "/complete").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("{\"results\":[]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("hazard.check.periodOver"));
        checks.generate();
        mvc.perform(get("/api/v1/check-tasks/" + yesterday).with(as(owner))).andExpect(jsonPath("$.task.state").value("MISSED"));
        mvc.perform(get("/api/v1/check-tasks").param("enterpriseId", enterprise.toString()).param("state", "PENDING").with(as(owner)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].dueDate").value(day.plusDays(1).toString()));
        mvc.perform(get("/api/v1/check-tasks/on-time").param("from", day.toString()).param("to", day.plusDays(1).toString())
                        .param("by", "enterprise").with(as(owner)))
                .andExpect(jsonPath("$[0].key").value(enterprise.toString()))
                .andExpect(jsonPath("$[0].due").value(1)).andExpect(jsonPath("$[0].missed").value(1)).andExpect(jsonPath("$[0].onTime").value(0));
    }

    @Test
    void anotherEnterpriseCannotSeeTheTasks() throws Exception {
        createList("MONTHLY", false).andExpect(status().isCreated());
        String task = pendingTask();
        AnjianUser stranger = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/api/v1/check-tasks/" + task).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/check-lists").with(as(stranger)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","name":"x","post":"y","level":"POST","cadence":"DAILY","items":["z"]}""".formatted(enterprise)))
                .andExpect(status().isNotFound());
        assertThat(task).isNotBlank();
    }

    @Test
    void aListCanBeBuiltFromTheRiskPointsControlMeasures() throws Exception {
        mvc.perform(post("/api/v1/risk-points").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","unitName":"抛光车间","name":"干式抛光除尘系统","kind":"PLACE","hazardousFactors":["铝镁粉尘积聚"],
                 "method":"LEC","l":3,"e":6,"c":15,"controlMeasures":[{"type":"ENGINEERING","description":"除尘器设泄爆片"},
                 {"type":"MANAGEMENT","description":"每班清扫积尘并记录"},{"type":"EMERGENCY","description":"起火时停机断电撤人"}],
                 "responsibleLevel":"WORKSHOP","responsiblePerson":"王厂长"}""".formatted(enterprise))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/check-lists").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","name":"抛光车间周检","post":"抛光工","level":"SAFETY_OFFICER","cadence":"WEEKLY","items":[],
                 "includeRiskControls":true}""".formatted(enterprise))).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/check-tasks/" + pendingTask()).with(as(owner)))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].content").value("干式抛光除尘系统：除尘器设泄爆片"))
                .andExpect(jsonPath("$.items[1].content").value("干式抛光除尘系统：每班清扫积尘并记录"));
    }
}
