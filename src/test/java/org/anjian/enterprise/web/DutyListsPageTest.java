package org.anjian.enterprise.web;

import static org.anjian.enterprise.EnterpriseTestData.admin;
import static org.anjian.enterprise.EnterpriseTestData.enterpriseUser;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.anjian.enterprise.EnterpriseTestData.townOfficial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Pages issue 19 #2: the licences-due, gaps, compliance and outlet lists are filtered (town in scope, name, kind, level,
 * state), counted, paged by number and exported under a Chinese file name, instead of one long table of up to 600 rows.
 */
@EnterpriseIntegrationTest
class DutyListsPageTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    /** A hazardous-chemicals producer: it must hold a safety permit and liability insurance, so what it lacks is a gap. */
    String create(Region town, String name) throws Exception {
        String body = """
                {"creditCode":"%s","name":"%s","townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_PRODUCTION","scale":"ABOVE_SIZE",
                 "employees":30,"status":"PRODUCING","flags":[]}""".formatted(newCreditCode(), name, town.id());
        return JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    void licence(String id, String kind, LocalDate validTo) throws Exception {
        mvc.perform(post("/api/v1/enterprises/" + id + "/licences").with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
                {"kind":"%s","number":"N-%s-%s","validFrom":"%s","validTo":"%s"}""".formatted(kind, kind, id.substring(0, 8), validTo.minusYears(3), validTo)))
                .andExpect(status().isCreated());
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    MockHttpServletResponse export(String path) throws Exception {
        return mvc.perform(get(path).with(admin())).andExpect(status().isOk()).andReturn().getResponse();
    }

    static Sheet sheet(MockHttpServletResponse response) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray())).getSheetAt(0);
    }

    @Test
    void licencesDueAndGapsAreFilteredCountedPagedAndExported() throws Exception {
        Region degan = organization.regionByName("德感街道").orElseThrow();
        Region baisha = organization.regionByName("白沙镇").orElseThrow();
        String token = "到期" + newCreditCode().substring(10, 16);
        for (int i = 0; i < 20; i++) {
            licence(create(degan, "重庆" + token + "甲" + i + "有限公司"), "SAFETY_PERMIT", TODAY.plusDays(10));
        }
        String other = create(baisha, "重庆" + token + "乙有限公司");
        licence(other, "SAFETY_PERMIT", TODAY.plusDays(60));
        licence(other, "INSURANCE", TODAY.minusDays(5));
        String q = "?q=" + token;

        String first = page("/enterprises/due" + q, admin());
        assertThat(first).contains("共 22 条").contains("证照到期（22）").contains("缺项企业（21）").contains("page=1\"").contains("导出");
        assertThat(page("/enterprises/due" + q + "&page=1", admin())).contains("共 22 条").contains("aria-current=\"page\">2<");
        assertThat(page("/enterprises/due" + q + "&level=EXPIRED", admin())).contains("共 1 条").contains("已到期");
        assertThat(page("/enterprises/due" + q + "&level=URGENT", admin())).contains("共 20 条");
        assertThat(page("/enterprises/due" + q + "&level=NOTICE", admin())).contains("共 1 条");
        assertThat(page("/enterprises/due" + q + "&kind=INSURANCE", admin())).contains("共 1 条");
        assertThat(page("/enterprises/due" + q + "&townId=" + baisha.id(), admin())).contains("共 2 条");
        assertThat(page("/enterprises/due" + q + "&tab=gaps&gap=INSURANCE_MISSING", admin())).contains("共 21 条");
        assertThat(page("/enterprises/due" + q + "&tab=gaps&townId=" + baisha.id(), admin())).contains("共 1 条").contains("未投保安全生产责任保险");

        // a town lists its own town only, and a town beyond its scope in the address is ignored, never shown
        String town = page("/enterprises/due" + q + "&townId=" + baisha.id(), townOfficial(degan.id()));
        assertThat(town).contains("共 20 条").contains("value=\"" + degan.id() + "\"").doesNotContain("value=\"" + baisha.id() + "\"");

        MockHttpServletResponse due = export("/enterprises/due/export.xlsx" + q);
        assertThat(due.getHeader("Content-Disposition")).contains("filename*=UTF-8''%E8%AF%81%E7%85%A7%E5%88%B0%E6%9C%9F%E9%A2%84%E8%AD%A6"); // 证照到期预警
        Sheet s = sheet(due);
        assertThat(s.getLastRowNum()).isEqualTo(22);
        assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业名称");
        assertThat(s.getRow(1).getCell(4).getStringCellValue()).isEqualTo("已到期");
        assertThat(s.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(-5);
        Sheet gaps = sheet(export("/enterprises/due/export.xlsx" + q + "&tab=gaps"));
        assertThat(gaps.getLastRowNum()).isEqualTo(21);
        assertThat(gaps.getRow(0).getCell(1).getStringCellValue()).isEqualTo("缺项清单");
    }

    @Test
    void complianceAndOutletsAreFilteredCountedPagedAndExported() throws Exception {
        Region yongxing = organization.regionByName("永兴镇").orElseThrow();
        String token = "履" + newCreditCode().substring(12, 16);
        String enterprise = create(yongxing, "重庆" + token + "履职有限公司");
        for (int i = 0; i < 21; i++) {
            mvc.perform(post("/api/v1/enterprises/" + enterprise + "/responsible-persons").with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"ADMINISTRATIVE\",\"name\":\"%s%02d\",\"post\":\"副镇长\",\"phone\":\"138000012%02d\"}".formatted(token, i, i)))
                    .andExpect(status().isCreated());
        }
        String q = "?q=" + token;
        assertThat(page("/enterprises/compliance" + q, admin())).contains("共 21 条").contains("page=1\"");
        assertThat(page("/enterprises/compliance" + q + "&state=BEHIND&kind=ADMINISTRATIVE&townId=" + yongxing.id(), admin())).contains("共 21 条");
        assertThat(page("/enterprises/compliance" + q + "&state=OK", admin())).contains("共 0 条");
        assertThat(page("/enterprises/compliance" + q + "&kind=DEPARTMENT", admin())).contains("共 0 条");
        assertThat(page("/enterprises/compliance" + q + "&page=1", admin())).contains("aria-current=\"page\">2<");
        MockHttpServletResponse people = export("/enterprises/compliance/export.xlsx" + q);
        assertThat(people.getHeader("Content-Disposition")).contains("%E4%B8%89%E4%B8%AA%E8%B4%A3%E4%BB%BB%E4%BA%BA"); // 三个责任人
        Sheet s = sheet(people);
        assertThat(s.getLastRowNum()).isEqualTo(21);
        assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("属地行政责任人");
        assertThat(s.getRow(1).getCell(7).getStringCellValue()).isEqualTo("未达标");

        String outlet = "烟花" + token;
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/enterprises/outlets").with(csrf()).with(admin()).param("name", outlet + i).param("townId", yongxing.id().toString())
                    .param("licenceNo", "YH" + token + i)).andExpect(status().is3xxRedirection());
        }
        assertThat(page("/enterprises/outlets?q=" + outlet, admin())).contains("共 3 条").contains(outlet + "2");
        assertThat(page("/enterprises/outlets?q=YH" + token + "1", admin())).contains("共 1 条");
        assertThat(page("/enterprises/outlets?q=" + outlet + "&flag=OUTSIDE_PLAN&townId=" + yongxing.id(), admin())).contains("共 3 条");
        MockHttpServletResponse outlets = export("/enterprises/outlets/export.xlsx?q=" + outlet);
        assertThat(outlets.getHeader("Content-Disposition")).contains("%E7%83%9F%E8%8A%B1%E7%88%86%E7%AB%B9"); // 烟花爆竹
        Sheet o = sheet(outlets);
        assertThat(o.getLastRowNum()).isEqualTo(3);
        assertThat(o.getRow(1).getCell(1).getStringCellValue()).isEqualTo("永兴镇");
    }

    MockHttpServletResponse export(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse();
    }

    /** Data rows of an export as the user downloads it (row 0 is the header). */
    int exportedRows(String path, RequestPostProcessor who) throws Exception {
        return sheet(export(path, who)).getLastRowNum();
    }

    /**
     * Issue 19 #2 exports, object-level: one enterprise in 德感街道 with a licence due, a gap and a responsible person is
     * exported to the district, its town and itself, and to nobody in another town or another enterprise.
     */
    @Test
    void exportsHoldOnlyTheUsersOwnScope() throws Exception {
        Region degan = organization.regionByName("德感街道").orElseThrow();
        Region baisha = organization.regionByName("白沙镇").orElseThrow();
        String token = "范围" + newCreditCode().substring(10, 16);
        String own = create(degan, "重庆" + token + "有限公司");
        licence(own, "SAFETY_PERMIT", TODAY.plusDays(10));
        mvc.perform(post("/api/v1/enterprises/" + own + "/responsible-persons").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ADMINISTRATIVE\",\"name\":\"%s01\",\"post\":\"副镇长\",\"phone\":\"13800001201\"}".formatted(token)))
                .andExpect(status().isCreated());
        String q = "?q=" + token;
        for (String path : new String[] {"/enterprises/due/export.xlsx" + q, "/enterprises/due/export.xlsx" + q + "&tab=gaps",
                "/enterprises/compliance/export.xlsx" + q}) {
            assertThat(exportedRows(path, admin())).as(path + " district").isEqualTo(1);
            assertThat(exportedRows(path, townOfficial(degan.id()))).as(path + " own town").isEqualTo(1);
            assertThat(exportedRows(path, enterpriseUser(UUID.fromString(own)))).as(path + " the enterprise").isEqualTo(1);
            assertThat(exportedRows(path, townOfficial(baisha.id()))).as(path + " another town").isZero();
            assertThat(exportedRows(path, enterpriseUser(UUID.randomUUID()))).as(path + " another enterprise").isZero();
            // a town in the address beyond the user's scope is ignored, not obeyed
            assertThat(exportedRows(path + "&townId=" + degan.id(), townOfficial(baisha.id()))).as(path + " town beyond scope").isZero();
        }
        String outlet = "网点" + token;
        mvc.perform(post("/enterprises/outlets").with(csrf()).with(admin()).param("name", outlet).param("townId", degan.id().toString())
                .param("licenceNo", "YH" + token)).andExpect(status().is3xxRedirection());
        String outlets = "/enterprises/outlets/export.xlsx?q=" + outlet;
        assertThat(exportedRows(outlets, townOfficial(degan.id()))).isEqualTo(1);
        assertThat(exportedRows(outlets, townOfficial(baisha.id()))).isZero();
        mvc.perform(get(outlets).with(enterpriseUser(UUID.fromString(own)))).andExpect(status().isForbidden());
    }
}
