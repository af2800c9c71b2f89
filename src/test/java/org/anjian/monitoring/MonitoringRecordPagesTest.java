package org.anjian.monitoring;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages of 包保 duty records and video spot checks (MON-3, MON-5): the form keeps the input and names the field in
 * Chinese, the list is the reader's scope (a town sees its own enterprises' records only), the export is an .xlsx with a
 * Chinese file name, and the wrong role is a 403, a record outside the scope a 404.
 */
@AnjianIntegrationTest
class MonitoringRecordPagesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired EnterpriseLookup enterprises;
    @Autowired java.time.Clock clock;

    @Test
    void dutyRecordsArePostedByTheEnterpriseAndListedInScopeWithAnExport() throws Exception {
        Region town = organization.regionByName("几江街道").orElseThrow();
        Region otherTown = organization.regionByName("双福街道").orElseThrow();
        UUID enterprise = MonitoringFixture.enterprise(mvc, town);
        AnjianUser owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        String unitName = "液氯库" + UUID.randomUUID().toString().substring(0, 4);
        String unit = majorSource(enterprise, unitName);
        String marker = "排查" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(clock.withZone(ZONE)); // the application's day, which other tests may have moved

        // the form offers the enterprise's major hazard sources; empty content and a future day: both fields named, the input kept
        assertThat(page(get("/monitoring/duties/new").with(as(owner)))).contains("记录包保履职", unitName, "value=\"" + unit + "\"");
        String refused = mvc.perform(post("/monitoring/duties/new").with(as(owner)).with(csrf()).param("unitId", unit).param("role", "TECHNICAL")
                        .param("day", today.plusDays(1).toString()).param("content", " ").param("problems", "储罐液位计失灵" + marker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请修改标红的项目", "履职日期不能晚于今天", "请填写履职内容", "储罐液位计失灵" + marker,
                "value=\"" + today.plusDays(1) + "\"", "<option value=\"TECHNICAL\" selected=\"selected\"");
        assertThat(refused.split("is-invalid", -1)).as("two fields marked").hasSize(3);

        mvc.perform(post("/monitoring/duties/new").with(as(owner)).with(csrf()).param("unitId", unit).param("role", "TECHNICAL")
                .param("day", today.minusDays(3).toString()).param("content", marker).param("problems", ""))
                .andExpect(redirectedUrl("/monitoring/duties?saved"));
        mvc.perform(post("/monitoring/duties/new").with(as(owner)).with(csrf()).param("unitId", unit).param("role", "OPERATIONAL")
                .param("day", today.toString()).param("content", marker).param("problems", "阀门渗漏" + marker))
                .andExpect(redirectedUrl("/monitoring/duties?saved"));

        // the enterprise's list: both, with a total; by role one; with problems one
        assertThat(page(get("/monitoring/duties").with(as(owner)))).contains(marker, "李工", "赵班长", "共 2 条");
        assertThat(page(get("/monitoring/duties").param("role", "TECHNICAL").with(as(owner)))).contains("李工", "共 1 条").doesNotContain("赵班长");
        assertThat(page(get("/monitoring/duties").param("problems", "true").with(as(owner)))).contains("阀门渗漏" + marker, "共 1 条");
        // its town sees them, another town does not
        assertThat(page(get("/monitoring/duties").with(as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id())))))).contains(marker);
        assertThat(page(get("/monitoring/duties").with(as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, otherTown.id()))))))
                .doesNotContain(marker);

        // the export: an .xlsx named in Chinese (RFC 5987), the same rows
        var export = mvc.perform(get("/monitoring/duties/export.xlsx").param("role", "OPERATIONAL").with(as(owner))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''%E5%8C%85%E4%BF%9D%E5%B1%A5%E8%81%8C%E8%AE%B0%E5%BD%95-" + today + ".xlsx")))
                .andReturn().getResponse();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("履职日期");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("操作负责人");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("阀门渗漏" + marker);
        }

        // the district records no duties (403); another enterprise cannot record on this source (404)
        mvc.perform(get("/monitoring/duties/new").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isForbidden());
        UUID other = MonitoringFixture.enterprise(mvc, town);
        mvc.perform(post("/monitoring/duties/new").with(as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, other)))).with(csrf())
                .param("unitId", unit).param("role", "TECHNICAL").param("day", today.toString()).param("content", "越权"))
                .andExpect(status().isNotFound());
    }

    @Test
    void videoSpotChecksAreRecordedByASupervisorOfTheEnterprisesTown() throws Exception {
        Region town = organization.regionByName("几江街道").orElseThrow();
        Region otherTown = organization.regionByName("双福街道").orElseThrow();
        UUID enterprise = MonitoringFixture.enterprise(mvc, town);
        String creditCode = enterprises.find(enterprise).orElseThrow().creditCode();
        AnjianUser townOfficial = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        AnjianUser otherOfficial = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, otherTown.id()));
        String camera = "CAM-" + UUID.randomUUID().toString().substring(0, 6) + " 罐区东侧";
        String at = LocalDateTime.now(ZONE).minusHours(1).withSecond(0).withNano(0).toString();

        assertThat(page(get("/monitoring/spot-checks/new").with(as(townOfficial)))).contains("记录视频抽查", "摄像头编号或名称");
        // a problem without its description and an unknown credit code: both named, the camera kept
        String refused = mvc.perform(post("/monitoring/spot-checks/new").with(as(townOfficial)).with(csrf()).param("creditCode", "91500116MA00000000")
                        .param("cameraRef", camera).param("checkedAt", at).param("result", "PROBLEM").param("problems", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("未找到该统一社会信用代码的企业", "发现问题时请填写问题", camera, "91500116MA00000000",
                "<option value=\"PROBLEM\" selected=\"selected\"");
        mvc.perform(post("/monitoring/spot-checks/new").with(as(townOfficial)).with(csrf()).param("creditCode", creditCode)
                        .param("cameraRef", camera).param("checkedAt", at).param("result", "PROBLEM").param("problems", "作业人员未佩戴安全帽"))
                .andExpect(redirectedUrl("/monitoring/spot-checks?saved"));

        assertThat(page(get("/monitoring/spot-checks").with(as(townOfficial)))).contains(camera, "发现问题", "作业人员未佩戴安全帽");
        assertThat(page(get("/monitoring/spot-checks").param("result", "NORMAL").with(as(townOfficial)))).doesNotContain(camera);
        assertThat(page(get("/monitoring/spot-checks").with(as(otherOfficial)))).doesNotContain(camera);
        // another town's official cannot record on this enterprise (404, as on the API); an enterprise cannot record (403)
        mvc.perform(post("/monitoring/spot-checks/new").with(as(otherOfficial)).with(csrf()).param("creditCode", creditCode)
                .param("cameraRef", camera).param("checkedAt", at).param("result", "NORMAL")).andExpect(status().isNotFound());
        mvc.perform(get("/monitoring/spot-checks/new").with(as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise)))))
                .andExpect(status().isForbidden());
        // both pages are in the monitoring menu
        assertThat(page(get("/monitoring/alarms").with(as(townOfficial)))).contains("href=\"/monitoring/duties\"", "href=\"/monitoring/spot-checks\"");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String majorSource(UUID enterprise, String name) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/chemical-units").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","name":"%s","kind":"STORAGE","peopleWithin500m":120,"inventories":[{"name":"氯","tonnes":150}],
                         "custodians":{"principal":{"name":"王总"},"technical":{"name":"李工"},"operational":{"name":"赵班长"}}}"""
                        .formatted(enterprise, name)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }
}
