package org.anjian.accident;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The accident and credit pages render for readers, refuse the platform administrators, and the public page needs no sign-in. */
@AnjianIntegrationTest
class AccidentPagesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    @Test
    void listDetailStatisticsAndCreditPagesRender() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        String body = mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"townId":"%s","sector":"CONSTRUCTION","type":"FALL_FROM_HEIGHT","place":"页面测试工地","occurredAt":"%s","deaths":1,
                         "seriousInjuries":0,"directLossYuan":1000,"summary":"脚手架坠落"}""".formatted(town.id(), Instant.now().minus(Duration.ofHours(3)))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.accident.id");
        mvc.perform(get("/accidents").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk()).andExpect(content().string(containsString("accident-table")));
        mvc.perform(get("/accidents/" + id).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("脚手架坠落"))).andExpect(content().string(containsString("consequence-table")))
                .andExpect(content().string(containsString("考核扣分")));
        mvc.perform(get("/accidents/statistics").with(as(Role.INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("echarts.min.js"))).andExpect(content().string(containsString("chart-month")));
        mvc.perform(get("/credit-records").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/accidents").with(as(Role.SYSTEM_ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get("/credit-records").with(as(Role.SECURITY_ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get("/public/credit-records")).andExpect(status().isOk()).andExpect(content().string(containsString("public-credit-table")))
                .andExpect(content().string(not(containsString("PROPOSED"))));
        mvc.perform(get("/accidents/new").with(as(Role.INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("accident-form")));
        mvc.perform(get("/accidents/new").with(as(Role.TOWN_OFFICIAL))).andExpect(status().isForbidden());
        mvc.perform(post("/accidents/new").with(as(Role.INSPECTOR)).with(csrf()).param("townId", town.id().toString())
                        .param("sector", "FIRE").param("type", "FIRE").param("place", "表单测试商铺").param("occurredAt", "2020-05-01T10:30")
                        .param("deaths", "0").param("missing", "0").param("seriousInjuries", "-1").param("minorInjuries", "0")
                        .param("directLossYuan", "100").param("summary", "电动车充电起火"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("form-errors")));
        mvc.perform(post("/accidents/new").with(as(Role.INSPECTOR)).with(csrf()).param("townId", town.id().toString())
                        .param("sector", "FIRE").param("type", "FIRE").param("place", "表单测试商铺").param("occurredAt", "2020-05-01T10:30")
                        .param("deaths", "0").param("missing", "0").param("seriousInjuries", "1").param("minorInjuries", "0")
                        .param("directLossYuan", "100").param("summary", "电动车充电起火"))
                .andExpect(status().is3xxRedirection());
        String consequence = JsonPath.<java.util.List<String>>read(body, "$.consequences[?(@.ruleCode=='DEATH_TOWN_DEDUCTION')].id").get(0);
        mvc.perform(post("/accidents/" + id + "/consequences/" + consequence).with(as(Role.DISTRICT_ADMIN)).with(csrf()).param("status", "DECIDED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/accidents/" + id).with(as(Role.AUDITOR)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.consequences[?(@.ruleCode=='DEATH_TOWN_DEDUCTION')].status")
                        .value("DECIDED"));
        mvc.perform(post("/accidents/" + id + "/consequences/" + consequence).with(as(Role.INSPECTOR)).with(csrf()).param("status", "EXECUTED"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk()).andExpect(content().string(containsString("/accidents/statistics")));
    }

    @Test
    void reportsSupplementsAndTheInvestigationAreWorkedFromTheAccidentPage() throws Exception {
        Region town = organization.regionByName("几江街道").orElseThrow();
        String body = mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"townId":"%s","sector":"INDUSTRY_TRADE","type":"MACHINERY","place":"页面办理测试车间","occurredAt":"%s","deaths":2,
                         "seriousInjuries":0,"directLossYuan":1000,"summary":"机械伤害"}""".formatted(town.id(), Instant.now().minus(Duration.ofHours(5)))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.accident.id");
        mvc.perform(get("/accidents/" + id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("report-form"))).andExpect(content().string(containsString("revision-form")))
                .andExpect(content().string(containsString("investigation-forms")));
        mvc.perform(post("/accidents/" + id + "/reports").with(as(Role.DISTRICT_ADMIN)).with(csrf()).param("level", "ENTERPRISE").param("note", "企业电话报告"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "accident.report.saved"));
        mvc.perform(post("/accidents/" + id + "/reports").with(as(Role.DISTRICT_ADMIN)).with(csrf()).param("level", "ENTERPRISE"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "accident.report.duplicate"));
        // 补报: a third death makes the accident 较大 (3 deaths is "3 人以上")
        mvc.perform(post("/accidents/" + id + "/revision").with(as(Role.DISTRICT_ADMIN)).with(csrf()).param("deaths", "3").param("missing", "0")
                        .param("seriousInjuries", "0").param("minorInjuries", "0").param("directLossYuan", "1000").param("note", "医院抢救无效"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "accident.revision.saved"));
        mvc.perform(get("/api/v1/accidents/" + id).with(as(Role.AUDITOR)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.accident.grade").value("LARGER"));
        mvc.perform(post("/accidents/" + id + "/revision").with(as(Role.DISTRICT_ADMIN)).with(csrf()).param("deaths", "-1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/accidents/" + id + "/investigation/start").with(as(Role.DISTRICT_ADMIN)).with(csrf()).param("leader", "王组长").param("members", "应急局、公安、总工会"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "accident.investigation.saved"));
        mvc.perform(post("/accidents/" + id + "/investigation/close").with(as(Role.DISTRICT_ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/accidents/" + id + "/investigation/start").with(as(Role.ENTERPRISE_USER)).with(csrf()).param("leader", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accidents/" + id).with(as(Role.AUDITOR)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.accident.investigation.leader").value("王组长"));
    }

    @Test
    void theFilteredListExportsAsASpreadsheet() throws Exception {
        byte[] xlsx = mvc.perform(get("/accidents/export.xlsx").param("sector", "CONSTRUCTION").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("事故时间");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo("建筑施工");
            }
        }
        mvc.perform(get("/accidents/export.xlsx").with(as(Role.SYSTEM_ADMIN))).andExpect(status().isForbidden());
    }
}
