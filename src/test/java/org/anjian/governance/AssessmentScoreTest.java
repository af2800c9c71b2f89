package org.anjian.governance;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * GOV-1 through the events: an accident recorded in the accident module reaches the assessment as
 * {@code AccidentRecorded}, and the town's recomputed score drops by the scheme's deduction, with the score page
 * naming the accident. In 2031, so no other test's accidents share the town's year.
 */
@AnjianIntegrationTest
class AssessmentScoreTest {

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    UUID enterprise(Region town, String name) throws Exception {
        String code = newCreditCode();
        String json = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"%s","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                         "employees":120,"status":"PRODUCING","flags":[]}""".formatted(code, name, town.latitude(), town.longitude(), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }

    void accident(UUID enterprise, String at, int deaths) throws Exception {
        mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","type":"MACHINERY","place":"冲压车间","occurredAt":"%s","peopleInvolved":20,"deaths":%d,"missing":0,
                         "seriousInjuries":0,"minorInjuries":1,"directLossYuan":100000,"summary":"冲床夹手",
                         "causeBehaviour":"违章操作","causeCondition":"双手按钮被短接","causeManagement":"安全培训不到位"}"""
                        .formatted(enterprise, at, deaths)))
                .andExpect(status().isCreated());
    }

    String detail(Region town) throws Exception {
        return mvc.perform(get("/api/v1/assessment/scores/TOWN/" + town.id()).param("period", "2031-06").with(as(Role.INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    BigDecimal total(String json) {
        return new BigDecimal(JsonPath.read(json, "$.score.total").toString());
    }

    void recompute() throws Exception {
        mvc.perform(post("/api/v1/assessment/recompute").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
    }

    @Test
    void aDeathAccidentLowersTheTownsScoreAndTheScorePageNamesIt() throws Exception {
        clock.set(Instant.parse("2031-06-15T04:00:00Z"));
        Region town = organization.regionByName("塘河镇").orElseGet(() -> organization.towns().get(organization.towns().size() - 1));
        String name = "重庆考核测试" + UUID.randomUUID().toString().substring(0, 4) + "机械有限公司";
        UUID e = enterprise(town, name);
        // the scheme's accident rule and 一票否决 as this test reads them (other tests of the shared context, the input
        // fuzzer among them, may have changed the district's scheme), and the town's ceiling of deaths for 2031: 1
        mvc.perform(put("/api/v1/assessment/scheme/veto").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"vetoGrade\":\"LARGER\",\"vetoDeaths\":null}")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/assessment/scheme/indicators/ACCIDENTS").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"weight\":40,\"perDeath\":10,\"perAccident\":2,\"overTarget\":10,\"defaultTarget\":2}")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/assessment/targets").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(
                "{\"year\":2031,\"unitKind\":\"TOWN\",\"unitId\":\"%s\",\"indicatorCode\":\"ACCIDENTS\",\"value\":1}".formatted(town.id())))
                .andExpect(status().isOk());
        recompute();
        String before = detail(town);
        BigDecimal t0 = total(before);
        List<String> deductions = JsonPath.read(before, "$.lines[?(@.kind == 'DEDUCTION')].explanation");
        assertThat(deductions).isEmpty();

        // one death on 10 June: 10 for the death + 2 for the accident; 1 death is exactly the ceiling, so nothing more
        accident(e, "2031-06-10T02:00:00Z", 1);
        eventually(() -> {
            recompute();
            assertThat(total(detail(town))).isEqualByComparingTo(t0.subtract(new BigDecimal("12")));
        });
        String after = detail(town);
        assertThat((List<String>) JsonPath.read(after, "$.lines[?(@.kind == 'DEDUCTION')].explanation"))
                .containsExactly("事故：" + name + " 2031-06-10 死亡1人（一般事故） 扣12分");
        assertThat((Boolean) JsonPath.read(after, "$.score.vetoed")).isFalse();

        // the town's own official reads the reason on the score page
        var townUser = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        String page = mvc.perform(get("/assessment/scores/TOWN/" + town.id()).param("period", "2031-06").with(as(townUser)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("事故：" + name + " 2031-06-10 死亡1人（一般事故） 扣12分").contains(t0.subtract(new BigDecimal("12")).toPlainString());

        // a second death passes the ceiling: 12 more and 10 for the ceiling
        accident(e, "2031-06-12T02:00:00Z", 1);
        eventually(() -> {
            recompute();
            assertThat(total(detail(town))).isEqualByComparingTo(t0.subtract(new BigDecimal("34")));
        });
        assertThat((List<String>) JsonPath.read(detail(town), "$.lines[?(@.kind == 'DEDUCTION')].explanation"))
                .contains("全年死亡2人，超过控制指标1人 扣10分");

        // three deaths in one accident is a 较大 accident: 一票否决, the worst colour and the last place among the towns
        accident(e, "2031-06-14T02:00:00Z", 3);
        eventually(() -> {
            recompute();
            assertThat((Boolean) JsonPath.read(detail(town), "$.score.vetoed")).isTrue();
        });
        String vetoed = detail(town);
        // only 6 of the accident indicator's 40 were left to take
        assertThat(total(vetoed)).isEqualByComparingTo(t0.subtract(new BigDecimal("40")));
        assertThat((String) JsonPath.read(vetoed, "$.score.colourCode")).isEqualTo("RED");
        assertThat((List<String>) JsonPath.read(vetoed, "$.lines[?(@.kind == 'VETO')].explanation"))
                .containsExactly("一票否决：" + name + " 2031-06-14 死亡3人（较大事故）");
        int towns = organization.towns().size();
        assertThat((Integer) JsonPath.read(vetoed, "$.score.rank")).isEqualTo(towns);

        // the events are at-least-once: the same accident twice is one fact
        assertThat(jdbc.sql("select count(*) from gov_assessment_fact where kind = 'ACCIDENT' and enterprise_id = :e").param("e", e)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aTownReadsItsOwnScoreOnlyAndOnlyTheDistrictAdminChangesTheScheme() throws Exception {
        clock.set(Instant.parse("2031-07-15T04:00:00Z"));
        recompute();
        Region mine = organization.towns().get(0);
        Region other = organization.towns().get(1);
        var townUser = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, mine.id()));
        mvc.perform(get("/api/v1/assessment/scores/TOWN/" + mine.id()).param("period", "2031-07").with(as(townUser))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessment/scores/TOWN/" + other.id()).param("period", "2031-07").with(as(townUser))).andExpect(status().isNotFound());
        String ranking = mvc.perform(get("/api/v1/assessment/scores").param("period", "2031-07").with(as(townUser)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(ranking, "$.scores[*].unitId")).containsExactly(mine.id().toString());
        String all = mvc.perform(get("/api/v1/assessment/scores").param("period", "2031-07").with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(all, "$.scores[*].unitId")).hasSize(organization.towns().size());
        // a department sees its own department's score, no town's
        var dept = organization.departments().stream().filter(d -> !d.sectors().isEmpty()).findFirst().orElseThrow();
        var deptUser = TestUsers.user(Role.DEPARTMENT_OFFICIAL, DataScope.of(ScopeKind.DEPARTMENT, dept.id()));
        mvc.perform(get("/api/v1/assessment/scores/DEPARTMENT/" + dept.id()).param("period", "2031-07").with(as(deptUser))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessment/scores/TOWN/" + mine.id()).param("period", "2031-07").with(as(deptUser))).andExpect(status().isNotFound());
        // writes: the district admin only; bad input is a field error, not a 500
        mvc.perform(put("/api/v1/assessment/five-colour-bands").with(as(townUser)).contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isForbidden());
        String bad = mvc.perform(put("/api/v1/assessment/five-colour-bands").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"code\":\"YELLOW\",\"minScore\":55}]"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("bands.YELLOW");
        mvc.perform(put("/api/v1/assessment/scheme/indicators/ENFORCEMENT").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"weight\":16}")).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/assessment/targets").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2031,\"unitKind\":\"TOWN\",\"unitId\":\"%s\",\"indicatorCode\":\"HAZARD_RECTIFICATION\",\"value\":101}"
                        .formatted(mine.id()))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/assessment/scores").param("period", "2031-13").with(as(Role.AUDITOR))).andExpect(status().isBadRequest());
    }
}
