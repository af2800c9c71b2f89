package org.anjian.hazard;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.hazard.internal.HazardService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENT-3 fed by events: open major hazards (DP-3) and accidents (ACC-1) move an enterprise's supervision class. */
@AnjianIntegrationTest
class HazardFeedsClassificationTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired HazardManagement hazards;

    UUID smallShop() throws Exception {
        var town = organization.regionByName("圣泉街道").orElseThrow();
        String code = newCreditCode();
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆圣泉小商店%s","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"COMMERCE",
                         "scale":"SMALL_MICRO","employees":6,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
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

    @Test
    void anOpenMajorHazardMakesItsEnterpriseClassAUntilItIsClosed() throws Exception {
        UUID shop = smallShop();
        assertThat(classOf(shop)).isEqualTo("D");
        UUID hazard = hazards.registerFrom(HazardSource.INSPECTION, "feed-" + UUID.randomUUID(), shop, HazardGrade.MAJOR, "仓库",
                "疏散通道堵塞", null, "张执法", Instant.now().plus(20, ChronoUnit.DAYS));
        eventually(() -> assertThat(firedRules(shop)).contains("OPEN_MAJOR_HAZARD"));
        assertThat(classOf(shop)).isEqualTo("A");

        var owner = org.anjian.TestUsers.user(Role.ENTERPRISE_USER, org.anjian.shared.security.DataScope.of(
                org.anjian.shared.security.ScopeKind.ENTERPRISE, shop));
        var inspector = org.anjian.TestUsers.user(Role.INSPECTOR, org.anjian.shared.security.DataScope.DISTRICT);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        for (String[] step : new String[][] {
                {"plan", "{\"plan\":\"清理通道\",\"responsiblePerson\":\"店主\",\"measures\":\"清理\",\"funds\":500,\"assuranceDeadline\":\"" + today
                        + "\",\"contingencyPlan\":\"疏散\",\"reportedToRegulatorOn\":\"" + today + "\",\"reportedToWorkforceOn\":\"" + today + "\"}", "owner"},
                {"start", "{}", "owner"}, {"complete", "{}", "owner"}, {"verify", "{}", "inspector"}, {"close", "{}", "inspector"}}) {
            mvc.perform(post("/api/v1/hazards/" + hazard + "/" + step[0]).with(as(step[2].equals("owner") ? owner : inspector))
                    .contentType(MediaType.APPLICATION_JSON).content(step[1])).andExpect(status().isOk());
        }
        eventually(() -> assertThat(firedRules(shop)).doesNotContain("OPEN_MAJOR_HAZARD"));
        assertThat(classOf(shop)).isEqualTo("D");
    }

    @Test
    void anAccidentCountsInTheSupervisionClassOfItsEnterprise() throws Exception {
        UUID shop = smallShop();
        assertThat(firedRules(shop)).doesNotContain("ACCIDENT_IN_3_YEARS");
        String at = Instant.now().minus(2, ChronoUnit.HOURS).toString();
        mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","type":"MACHINERY","place":"仓库","occurredAt":"%s","peopleInvolved":3,"deaths":0,"missing":0,
                 "seriousInjuries":1,"minorInjuries":0,"directLossYuan":20000,"summary":"货架倒塌","causeBehaviour":"超载",
                 "causeCondition":"货架变形","causeManagement":"无检查"}""".formatted(shop, at))).andExpect(status().isCreated());
        eventually(() -> assertThat(firedRules(shop)).contains("ACCIDENT_IN_3_YEARS"));
    }
}
