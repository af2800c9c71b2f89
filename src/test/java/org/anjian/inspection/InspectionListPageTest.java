package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages issue #2: the inspection list is filtered, counted, paged by number and exported, never cut at 100. */
@AnjianIntegrationTest
class InspectionListPageTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    AnjianUser inspector() {
        var s = users.create(new NewUser("list" + UUID.randomUUID().toString().substring(0, 8), "执法员", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 L1"));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    String page(String path, AnjianUser who) throws Exception {
        return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anInspectorsTwentyOneInspectionsAreCountedPagedFilteredAndExported() throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        UUID enterprise = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆列表检查%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"BUILDING_MATERIALS",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (int i = 0; i < 21; i++) {
            mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\",\"reason\":\"CAMPAIGN\"}"
                                    .formatted(enterprise, a.id(), b.id(), today.plusDays(i % 5))))
                    .andExpect(status().isCreated());
        }
        String first = page("/inspections", a);
        assertThat(first).contains("共 21 条").contains("page=1\"").contains("计划外检查");
        assertThat(page("/inspections?page=1", a)).contains("共 21 条").contains("aria-current=\"page\">2<");
        assertThat(page("/inspections?state=DONE", a)).contains("共 0 条");
        assertThat(page("/inspections?state=PLANNED&year=" + today.getYear(), a)).contains("共 21 条");
        // another inspector lists only their own
        assertThat(page("/inspections", inspector())).contains("共 0 条");

        var response = mvc.perform(get("/inspections/export.xlsx").param("state", "PLANNED").with(as(a))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("%E6%89%A7%E6%B3%95%E6%A3%80%E6%9F%A5"); // 执法检查
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业");
            assertThat(sheet.getLastRowNum()).isEqualTo(21);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("待检查");
        }
    }
}
