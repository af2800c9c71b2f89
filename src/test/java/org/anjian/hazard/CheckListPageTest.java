package org.anjian.hazard;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Pages issue 19 #2: the check-task list is filtered by enterprise name, town, state and cadence, counted, paged and exported. */
@AnjianIntegrationTest
class CheckListPageTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    String page(String path, AnjianUser who) throws Exception {
        return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void thirtyOneTasksAreFilteredCountedPagedAndExported() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        Region baisha = organization.regionByName("白沙镇").orElseThrow();
        String code = newCreditCode();
        String token = "排查列表" + code.substring(10, 15);
        UUID enterprise = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY",
                         "scale":"ABOVE_SIZE","employees":80,"status":"PRODUCING","flags":[]}""".formatted(code, token, shuangfu.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        AnjianUser owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        for (int i = 0; i < 31; i++) {
            String cadence = i < 11 ? "DAILY" : i < 21 ? "WEEKLY" : "MONTHLY";
            mvc.perform(post("/api/v1/check-lists").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                    {"enterpriseId":"%s","name":"岗位检查%02d","post":"操作工","level":"POST","cadence":"%s","items":["设备运行正常"],"includeCriteria":false}"""
                    .formatted(enterprise, i, cadence))).andExpect(status().isCreated());
        }
        AnjianUser admin = user(Role.DISTRICT_ADMIN, DataScope.DISTRICT);
        String q = "/checks?q=" + token;
        String first = page(q, admin);
        assertThat(first).contains("共 31 条").contains("page=1\"").contains("重庆" + token + "有限公司").contains("导出");
        assertThat(page(q + "&page=1", admin)).contains("共 31 条").contains("aria-current=\"page\">2<");
        assertThat(page(q + "&cadence=WEEKLY", admin)).contains("共 10 条");
        assertThat(page(q + "&state=PENDING&townId=" + shuangfu.id(), admin)).contains("共 31 条");
        assertThat(page(q + "&state=DONE", admin)).contains("共 0 条");
        assertThat(page(q + "&townId=" + baisha.id(), admin)).contains("共 0 条");
        // the enterprise sees its own tasks without the regulator's name and town filters
        String own = page("/checks?cadence=MONTHLY", owner);
        assertThat(own).contains("共 10 条").doesNotContain("name=\"townId\"");
        // a town lists only its town in the filter
        String town = page(q, user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id())));
        assertThat(town).contains("共 31 条").contains("value=\"" + shuangfu.id() + "\"").doesNotContain("value=\"" + baisha.id() + "\"");

        MockHttpServletResponse export = mvc.perform(get("/checks/export.xlsx").param("q", token).param("cadence", "DAILY").with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(export.getHeader("Content-Disposition")).contains("%E6%97%A5%E5%91%A8%E6%9C%88%E6%8E%92%E6%9F%A5"); // 日周月排查
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(11);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("重庆" + token + "有限公司");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("每日");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("待检查");
        }
    }
}
