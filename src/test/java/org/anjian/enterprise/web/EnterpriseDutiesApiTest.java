package org.anjian.enterprise.web;

import static org.anjian.enterprise.EnterpriseTestData.admin;
import static org.anjian.enterprise.EnterpriseTestData.auditor;
import static org.anjian.enterprise.EnterpriseTestData.enterpriseUser;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.anjian.enterprise.EnterpriseTestData.townOfficial;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@EnterpriseIntegrationTest
class EnterpriseDutiesApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationDirectory organization;

    String create(String town, String sector, String subSector, String scale, String flags) throws Exception {
        Region r = organization.regionByName(town).orElseThrow();
        String body = """
                {"creditCode":"%s","name":"重庆职责测试%s有限公司","townId":"%s","sector":"%s","subSector":"%s","scale":"%s",
                 "employees":50,"status":"PRODUCING","flags":[%s]}""".formatted(newCreditCode(), sector, r.id(), sector, subSector, scale, flags);
        return JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String postJson(RequestPostProcessor who, String url, String json) throws Exception {
        return mvc.perform(post(url).with(who).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anEndDateBeforeTheStartIsAFieldErrorAndNothingIsSaved() throws Exception {
        String id = create("双福街道", "HAZCHEM", "HAZCHEM_PRODUCTION", "SMALL_MICRO", "");
        mvc.perform(post("/api/v1/enterprises/" + id + "/licences").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SAFETY_PERMIT\",\"number\":\"(渝)WH安许证字[2026]001\",\"validFrom\":\"2026-05-01\",\"validTo\":\"2026-04-30\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validTo"))
                .andExpect(jsonPath("$.errors[0].message").value("结束日期不能早于开始日期"));
        mvc.perform(get("/api/v1/enterprises/" + id + "/licences").with(admin())).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void licencesWarnAt90And30And0DaysAndGapsListWhatIsMissing() throws Exception {
        String id = create("德感街道", "HAZCHEM", "HAZCHEM_PRODUCTION", "ABOVE_SIZE", "");
        mvc.perform(get("/api/v1/enterprises/" + id + "/gaps").with(admin()))
                .andExpect(jsonPath("$[*].gap").value(hasItem("SAFETY_PERMIT_MISSING")))
                .andExpect(jsonPath("$[*].gap").value(hasItem("INSURANCE_MISSING")))
                .andExpect(jsonPath("$[*].gap").value(hasItem("CHIEF_ENGINEER_MISSING")));
        postJson(admin(), "/api/v1/enterprises/" + id + "/licences", """
                {"kind":"SAFETY_PERMIT","number":"P-%s","validFrom":"%s","validTo":"%s"}""".formatted(id, TODAY.minusYears(3), TODAY.plusDays(30)));
        postJson(admin(), "/api/v1/enterprises/" + id + "/licences", """
                {"kind":"INSURANCE","number":"I-%s","issuer":"人保财险江津支公司","validFrom":"%s","validTo":"%s"}""".formatted(id, TODAY.minusMonths(11), TODAY.plusDays(90)));
        postJson(enterpriseUser(UUID.fromString(id)), "/api/v1/enterprises/" + id + "/key-persons",
                "{\"role\":\"CHIEF_ENGINEER\",\"name\":\"陈总工\",\"appointedOn\":\"2024-01-01\"}");
        mvc.perform(get("/api/v1/enterprises/" + id + "/gaps").with(admin())).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/enterprises/" + id + "/licences").with(admin()))
                .andExpect(jsonPath("$[?(@.licence.kind == 'SAFETY_PERMIT')].level").value(hasItem("URGENT")))
                .andExpect(jsonPath("$[?(@.licence.kind == 'INSURANCE')].level").value(hasItem("NOTICE")));
        mvc.perform(get("/api/v1/enterprises/due-soon").param("limit", "1000").with(admin()))
                .andExpect(jsonPath("$[*].licence.number").value(hasItem("P-" + id)))
                .andExpect(jsonPath("$[*].licence.number").value(hasItem("I-" + id)));
        // a town official of another town sees neither
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        mvc.perform(get("/api/v1/enterprises/due-soon").param("limit", "1000").with(townOfficial(shuangfu.id())))
                .andExpect(jsonPath("$[*].licence.number").value(not(hasItem("P-" + id))));
        mvc.perform(post("/api/v1/enterprises/" + id + "/licences").with(auditor()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"INSURANCE\",\"validFrom\":\"2026-01-01\",\"validTo\":\"2026-12-31\"}")).andExpect(status().isForbidden());
    }

    @Test
    void responsiblePersonsArePostedPubliclyWithMaskedPhonesAndTheirComplianceIsMeasured() throws Exception {
        String id = create("白沙镇", "INDUSTRY_TRADE", "LIGHT_INDUSTRY", "SMALL_MICRO", "\"DUST_EXPLOSION\"");
        String other = create("白沙镇", "INDUSTRY_TRADE", "LIGHT_INDUSTRY", "SMALL_MICRO", "\"CONFINED_SPACE\"");
        String person = JsonPath.read(postJson(admin(), "/api/v1/enterprises/" + id + "/responsible-persons",
                "{\"kind\":\"ADMINISTRATIVE\",\"name\":\"白镇长\",\"post\":\"白沙镇副镇长\",\"phone\":\"13800001234\"}"), "$.id");
        postJson(admin(), "/api/v1/enterprises/" + other + "/responsible-persons", "{\"personId\":\"" + person + "\"}");

        mvc.perform(get("/public/enterprises/" + id + "/responsible-persons"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("白镇长")))
                .andExpect(content().string(containsString("138****1234")))
                .andExpect(content().string(not(containsString("13800001234"))));
        mvc.perform(get("/public/enterprises/" + id + "/responsible-persons/qr.png"))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG));

        // checks: 30 June at the first enterprise, 2 March at the second
        postJson(townOfficial(organization.regionByName("白沙镇").orElseThrow().id()), "/api/v1/enterprises/" + id + "/responsible-persons/" + person + "/checks",
                "{\"checkedOn\":\"2026-06-30\",\"place\":\"粉碎车间\",\"findings\":\"除尘器未清灰\"}");
        postJson(admin(), "/api/v1/enterprises/" + other + "/responsible-persons/" + person + "/checks", "{\"checkedOn\":\"2026-03-02\"}");
        String p = "$[?(@.person.id == '" + person + "')]";
        mvc.perform(get("/api/v1/enterprises/responsible-compliance").param("asOf", "2026-06-30").with(admin()))
                .andExpect(jsonPath(p + ".result.checksThisMonth").value(hasItem(1)))
                .andExpect(jsonPath(p + ".result.coveragePercent").value(hasItem(100)));
        mvc.perform(get("/api/v1/enterprises/responsible-compliance").param("asOf", "2026-07-01").with(admin()))
                .andExpect(jsonPath(p + ".result.checksThisMonth").value(hasItem(0)))
                .andExpect(jsonPath(p + ".result.coveragePercent").value(hasItem(0)));
        mvc.perform(get("/api/v1/enterprises/responsible-compliance/towns").param("asOf", "2026-07-01").with(admin()))
                .andExpect(jsonPath("$[?(@.townId == '" + organization.regionByName("白沙镇").orElseThrow().id() + "')].rollup.behindMonthly").exists());
        // a future date is refused
        mvc.perform(post("/api/v1/enterprises/" + id + "/responsible-persons/" + person + "/checks").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkedOn\":\"" + TODAY.plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("checkedOn"));
        // and another town's official sees no such person
        mvc.perform(get("/api/v1/enterprises/responsible-compliance").param("asOf", "2026-07-01")
                        .with(townOfficial(organization.regionByName("双福街道").orElseThrow().id())))
                .andExpect(jsonPath("$[*].person.id").value(not(hasItem(person))));
    }

    @Test
    void mineGapsFollowSlopeHeightsAndDaysOnSite() throws Exception {
        String id = create("石门镇", "NON_COAL_MINE", "OPEN_PIT", "SMALL_MICRO", "");
        String last = java.time.YearMonth.from(TODAY).minusMonths(1).toString();
        mvc.perform(put("/api/v1/enterprises/" + id + "/mine").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mineral\":\"LIMESTONE\",\"permitKind\":\"NEW\",\"outputMtPerYear\":0.8,\"permitTermYears\":5,\"crusherMechanized\":true}"))
                .andExpect(status().isOk());
        postJson(admin(), "/api/v1/enterprises/" + id + "/mine/slopes", "{\"kind\":\"SLOPE\",\"name\":\"北帮边坡\",\"heightM\":200,\"onlineMonitoring\":false,\"lastStabilityAnalysis\":\"" + TODAY.minusMonths(2) + "\"}");
        postJson(admin(), "/api/v1/enterprises/" + id + "/mine/slopes", "{\"kind\":\"DUMP\",\"name\":\"1号排土场\",\"heightM\":100,\"onlineMonitoring\":false}");
        mvc.perform(put("/api/v1/enterprises/" + id + "/mine/months").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\":\"" + last + "\",\"controllerDays\":9,\"chiefEngineerDays\":15,\"principalCheckSigned\":true}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/" + id + "/mine").with(admin()))
                .andExpect(jsonPath("$.gaps[?(@.gap == 'MONITORING_MISSING')].subject").value(hasItem("北帮边坡")))
                .andExpect(jsonPath("$.gaps[?(@.gap == 'STABILITY_ANALYSIS_MISSING')].subject").value(hasItem("1号排土场")))
                .andExpect(jsonPath("$.gaps[?(@.gap == 'STABILITY_ANALYSIS_MISSING')].subject").value(not(hasItem("北帮边坡"))))
                .andExpect(jsonPath("$.gaps[*].gap").value(hasItem("CONTROLLER_DAYS_SHORT")))
                .andExpect(jsonPath("$.gaps[*].gap").value(not(hasItem("CHIEF_ENGINEER_DAYS_SHORT"))))
                .andExpect(jsonPath("$.gaps[*].gap").value(hasItem("BELOW_TWO_LOW_LIMITS")))
                .andExpect(jsonPath("$.gaps[*].gap").value(not(hasItem("CRUSHER_NOT_MECHANIZED"))));
        mvc.perform(put("/api/v1/enterprises/" + id + "/mine/months").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\":\"" + last + "\",\"controllerDays\":10,\"chiefEngineerDays\":14,\"principalCheckSigned\":true}"));
        mvc.perform(get("/api/v1/enterprises/" + id + "/mine").with(admin()))
                .andExpect(jsonPath("$.gaps[*].gap").value(not(hasItem("CONTROLLER_DAYS_SHORT"))))
                .andExpect(jsonPath("$.gaps[*].gap").value(hasItem("CHIEF_ENGINEER_DAYS_SHORT")));
        String notAMine = create("石门镇", "INDUSTRY_TRADE", "MACHINERY", "SMALL_MICRO", "");
        mvc.perform(get("/api/v1/enterprises/" + notAMine + "/mine").with(admin())).andExpect(status().isNotFound());
        for (String tab : new String[] {"mine", "licences", "responsible"}) {
            mvc.perform(get("/enterprises/" + id).param("tab", tab).with(admin())).andExpect(status().isOk());
        }
    }

    @Test
    void outletsOffPlanOrOverQuotaAreFlagged() throws Exception {
        Region town = organization.regionByName("慈云镇").orElseThrow();
        mvc.perform(put("/api/v1/enterprises/fireworks-outlets/plans/" + town.id()).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"quota\":1,\"points\":[\"CY-01\",\"CY-02\"]}")).andExpect(status().isOk());
        String first = JsonPath.read(postJson(admin(), "/api/v1/enterprises/fireworks-outlets",
                "{\"name\":\"慈云烟花零售一店\",\"townId\":\"" + town.id() + "\",\"planPointCode\":\"CY-01\",\"licensedOn\":\"2025-01-05\"}"), "$.id");
        String second = JsonPath.read(postJson(admin(), "/api/v1/enterprises/fireworks-outlets",
                "{\"name\":\"慈云烟花零售二店\",\"townId\":\"" + town.id() + "\",\"planPointCode\":\"ZZ-99\",\"licensedOn\":\"2025-02-05\"}"), "$.id");
        mvc.perform(get("/api/v1/enterprises/fireworks-outlets").with(admin()))
                .andExpect(jsonPath("$[?(@.outlet.id == '" + first + "')].flags[*]").isEmpty())
                .andExpect(jsonPath("$[?(@.outlet.id == '" + second + "')].flags[*]").value(hasItem("OUTSIDE_PLAN")))
                .andExpect(jsonPath("$[?(@.outlet.id == '" + second + "')].flags[*]").value(hasItem("OVER_QUOTA")));
        mvc.perform(get("/enterprises/outlets").with(admin())).andExpect(status().isOk()).andExpect(content().string(containsString("不在布点规划内")));
        mvc.perform(get("/enterprises/due").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/enterprises/compliance").with(admin())).andExpect(status().isOk());
    }
}
