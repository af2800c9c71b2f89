package org.anjian.accident;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ENF-9 end to end: findings recorded by inspectors, a penalty decided through its whole case, and
 * accidents recorded afterwards meet in the violation–penalty–accident analysis. The enterprises are
 * in 石蟆镇, which no other test uses, and the analysis is read in that town's scope.
 */
@AnjianIntegrationTest
class ViolationAnalysisApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    AnjianUser inspector() {
        var s = users.create(new NewUser("va" + UUID.randomUUID().toString().substring(0, 8), "分析执法" + UUID.randomUUID().toString().substring(0, 4),
                "Anjian@2023", EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null, "渝执 V" + UUID.randomUUID().toString().substring(0, 6)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    UUID enterprise(Region town) throws Exception {
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"creditCode":"%s","name":"重庆石蟆分析%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY",
                         "scale":"ABOVE_SIZE","employees":60,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    void finding(UUID enterprise, AnjianUser a, AnjianUser b, String category) throws Exception {
        String today = LocalDate.now(clock.withZone(SHANGHAI)).toString();
        String inspection = JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\",\"reason\":\"COMPLAINT\"}"
                                .formatted(enterprise, a.id(), b.id(), today)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/inspections/" + inspection + "/findings").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"place":"机加车间","description":"设备检修未停机断电挂牌","category":"%s","deadline":"%s"}"""
                        .formatted(category, LocalDate.now(clock.withZone(SHANGHAI)).plusDays(15))))
                .andExpect(status().isCreated());
    }

    void accident(Region town, UUID enterprise, int deaths) throws Exception {
        mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","townId":"%s","sector":"INDUSTRY_TRADE","type":"MACHINERY","place":"机加车间","occurredAt":"%s","deaths":%d,
                         "seriousInjuries":0,"directLossYuan":50000,"summary":"检修时设备误启动"}"""
                        .formatted(enterprise, town.id(), clock.instant().minus(Duration.ofHours(2)), deaths)))
                .andExpect(status().isCreated());
    }

    void penalty(UUID enterprise, AnjianUser a, AnjianUser b, long fine) throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"source":"REPORT","enterpriseId":"%s","categories":["MAINTENANCE"],"facts":"检修作业未执行停机断电挂牌制度。",
                         "handlerIds":["%s","%s"],"circumstances":{"majorHazard":false,"selfReported":false,"rectifying":false,"hidden":false,
                         "firstOffence":false,"minor":false,"correctedPromptly":false,"refusedToRectify":false}}""".formatted(enterprise, a.id(), b.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.penaltyCase.id");
        mvc.perform(post("/api/v1/penalty-cases/" + id + "/investigation-records").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"INQUIRY\",\"content\":\"询问笔录\",\"takenAt\":\"%s\"}".formatted(clock.instant().minusSeconds(600))))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/penalty-cases/" + id + "/proposal").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fineYuan\":%d,\"measures\":[\"FINE\"],\"legalBasis\":\"《中华人民共和国安全生产法》第九十九条\",\"discretionReason\":\"情节一般\"}"
                                .formatted(fine)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/penalty-cases/" + id + "/notice").with(as(a))).andExpect(status().isOk());
        clock.advance(Duration.ofDays(3));
        mvc.perform(post("/api/v1/penalty-cases/" + id + "/decision").with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$.penaltyCase.state").value("DECIDED"));
    }

    String analysis(AnjianUser user) throws Exception {
        // one fixed window for before and after (the clock moves in between), reaching past anything this test records
        LocalDate today = LocalDate.now(SHANGHAI);
        return mvc.perform(get("/api/v1/accident-statistics/violations").param("from", today.minusYears(1).toString())
                        .param("to", today.plusDays(60).toString()).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    static long delta(String before, String after, String path) {
        return number(after, path) - number(before, path);
    }

    static long number(String json, String path) {
        Object v = JsonPath.read(json, path);
        return v instanceof java.util.List<?> l ? ((Number) l.get(0)).longValue() : ((Number) v).longValue();
    }

    @Test
    void findingsPenaltiesAndLaterAccidentsMeetPerCategory() throws Exception {
        Region town = organization.regionByName("石蟆镇").orElseThrow();
        AnjianUser official = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        // the town is ours alone, but a rerun on the same database finds the last run's data: compare with what was there
        String before = analysis(official);
        AnjianUser district = TestUsers.user(Role.DISTRICT_ADMIN);
        String districtBefore = analysis(district);
        UUID penalised = enterprise(town);
        UUID unpenalised = enterprise(town);
        UUID clean = enterprise(town);
        // an accident before anything was found is not "later"
        accident(town, unpenalised, 0);
        clock.advance(Duration.ofDays(1));
        finding(penalised, a, b, "MAINTENANCE");
        finding(unpenalised, a, b, "MAINTENANCE");
        finding(unpenalised, a, b, "SPECIAL_OPERATORS");
        penalty(penalised, a, b, 20_000);                 // decided three days after the finding
        clock.advance(Duration.ofDays(2));
        accident(town, penalised, 1);                     // five days after its finding, after its penalty
        accident(town, clean, 2);                         // an enterprise with no finding does not enter the analysis

        String body = analysis(official);
        // the district sees the same on its side (it takes the registry's word for no enterprise)
        String districtAfter = analysis(district);
        assertThat(delta(districtBefore, districtAfter, "$.rows[?(@.category=='MAINTENANCE')].enterprises")).isEqualTo(2);
        assertThat(delta(districtBefore, districtAfter, "$.rows[?(@.category=='MAINTENANCE')].laterAccidentPenalised")).isEqualTo(1);
        assertThat(delta(before, body, "$.enterprises")).isEqualTo(2);
        assertThat(delta(before, body, "$.penalised")).isEqualTo(1);
        assertThat(delta(before, body, "$.laterAccident")).isEqualTo(1);
        String maintenance = "$.rows[?(@.category=='MAINTENANCE')]";
        assertThat(delta(before, body, maintenance + ".enterprises")).isEqualTo(2);
        assertThat(delta(before, body, maintenance + ".penalised")).isEqualTo(1);
        assertThat(delta(before, body, maintenance + ".laterAccident")).isEqualTo(1);
        assertThat(delta(before, body, maintenance + ".laterAccidentPenalised")).isEqualTo(1);
        assertThat(delta(before, body, maintenance + ".laterAccidentUnpenalised")).isEqualTo(0);
        assertThat(delta(before, body, maintenance + ".laterDeaths")).isEqualTo(1);
        assertThat(delta(before, body, maintenance + ".fineYuan")).isEqualTo(20_000);
        assertThat(JsonPath.<java.util.List<Boolean>>read(body, maintenance + ".focus")).containsExactly(true);
        String operators = "$.rows[?(@.category=='SPECIAL_OPERATORS')]";
        assertThat(delta(before, body, operators + ".enterprises")).isEqualTo(1);
        assertThat(delta(before, body, operators + ".laterAccident")).isEqualTo(0);
        assertThat(JsonPath.<java.util.List<String>>read(body, operators + ".causeClass")).containsExactly("UNSAFE_BEHAVIOUR");

        // another town's official sees none of it; the page draws the graph
        AnjianUser elsewhere = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, organization.regionByName("塘河镇").orElseThrow().id()));
        String other = analysis(elsewhere);
        assertThat(JsonPath.<java.util.List<Integer>>read(other, "$.rows[*].enterprises")).containsOnly(0);
        mvc.perform(get("/accidents/violations").with(as(official))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("chart-sankey")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("检维修")));
        mvc.perform(get("/api/v1/accident-statistics/violations").param("from", "2026-05-02").param("to", "2026-05-01").with(as(official)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/accident-statistics/violations").with(as(Role.SYSTEM_ADMIN))).andExpect(status().isForbidden());
    }
}
