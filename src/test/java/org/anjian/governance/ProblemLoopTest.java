package org.anjian.governance;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The closed loop through the API: evidence before submission, 退回 with a reason, 409 in Chinese for a wrong step, scope and audit. */
@AnjianIntegrationTest
class ProblemLoopTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    final AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
    final AnjianUser inspector = TestUsers.user(Role.INSPECTOR);

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    String soon() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
    }

    String step(UUID id, String action, String body, AnjianUser user, int expected) throws Exception {
        return mvc.perform(post("/api/v1/problems/" + id + "/" + action).with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content(body == null ? "{}" : body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aRejectedRectificationIsRectifiedAgainAndThenClosedWithEveryStepAudited() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        UUID enterprise = GovernanceTestData.enterprise(mvc, shuangfu, "INDUSTRY_TRADE", "MACHINERY");
        AnjianUser owner = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        String created = mvc.perform(post("/api/v1/problems").with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"listCode":"ENFORCEMENT","title":"配电箱未上锁","description":"二号车间配电箱门未上锁，无警示标识。",
                         "ownerKind":"ENTERPRISE","enterpriseId":"%s","deadline":"%s"}""".formatted(enterprise, soon())))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("REGISTERED"))
                .andExpect(jsonPath("$.townId").value(shuangfu.id().toString())).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(created, "$.id"));

        // a step out of order: 409 naming the state and the step in Chinese
        String wrong = step(id, "verify", null, admin, 409);
        assertThat((String) JsonPath.read(wrong, "$.detail")).isEqualTo("问题当前状态为「登记」，不能核查销号");
        step(id, "start", null, owner, 200);
        // no submission without evidence
        assertThat((String) JsonPath.read(step(id, "submit", "{\"measures\":\"已上锁\"}", owner, 409), "$.reason"))
                .isEqualTo("governance.problem.evidence.required");
        // evidence is checked by its bytes: text named .png is refused with a field error
        mvc.perform(multipart("/api/v1/problems/" + id + "/evidence").file(new MockMultipartFile("file", "x.png", "image/png", "<html>".getBytes()))
                .with(as(owner))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/problems/" + id + "/evidence").file(new MockMultipartFile("file", "整改前.png", "image/png", png()))
                .with(as(owner))).andExpect(status().isCreated());
        step(id, "submit", "{\"measures\":\"已加锁并张贴警示标识\"}", owner, 200);
        // the enterprise does not verify itself; the district sends it back with a reason
        step(id, "verify", null, owner, 409);
        step(id, "reject", "{}", admin, 409);
        String rejected = step(id, "reject", "{\"note\":\"照片未显示警示标识\"}", admin, 200);
        assertThat((String) JsonPath.read(rejected, "$.state")).isEqualTo("RECTIFYING");
        assertThat((Integer) JsonPath.read(rejected, "$.rejections")).isEqualTo(1);
        step(id, "submit", "{\"measures\":\"补贴警示标识并拍照\"}", owner, 200);
        String closed = step(id, "verify", null, admin, 200);
        assertThat((String) JsonPath.read(closed, "$.state")).isEqualTo("CLOSED");
        // a closed problem takes no more evidence and no more steps
        mvc.perform(multipart("/api/v1/problems/" + id + "/evidence").file(new MockMultipartFile("file", "后.png", "image/png", png()))
                .with(as(owner))).andExpect(status().isConflict());
        assertThat((String) JsonPath.read(step(id, "reject", "{\"note\":\"x\"}", admin, 409), "$.detail")).isEqualTo("问题当前状态为「已销号」，不能退回");

        String detail = mvc.perform(get("/api/v1/problems/" + id).with(as(owner))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> steps = JsonPath.read(detail, "$.steps[*].action");
        assertThat(steps).containsExactly("register", "start", "submit", "reject", "submit", "verify");
        assertThat((List<?>) JsonPath.read(detail, "$.evidence")).hasSize(1);
        List<String> audited = jdbc.sql("select action from identity_audit_entry where entity_type = 'problem' and entity_id = ? order by seq")
                .param(id.toString()).query(String.class).list();
        assertThat(audited).containsExactly("PROBLEM_REGISTERED", "PROBLEM_START", "PROBLEM_EVIDENCE_ADDED", "PROBLEM_SUBMIT", "PROBLEM_REJECT",
                "PROBLEM_SUBMIT", "PROBLEM_VERIFY");
    }

    @Test
    void aTownSeesTheProblemsItOwnsAndItsEnterprisesButNotAnotherTowns() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        Region degan = organization.regionByName("德感街道").orElseThrow();
        UUID enterprise = GovernanceTestData.enterprise(mvc, shuangfu, "INDUSTRY_TRADE", "LIGHT_INDUSTRY");
        String body = """
                {"listCode":"CAMPAIGN","title":"%s","description":"专项整治发现","ownerKind":"%s","townId":"%s","enterpriseId":%s,"deadline":"%s"}""";
        UUID townOwned = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/problems").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("镇街问题", "TOWN", shuangfu.id(), "null", soon()))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id"));
        UUID enterpriseOwned = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/problems").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("企业问题", "ENTERPRISE", shuangfu.id(), "\"" + enterprise + "\"", soon()))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id"));
        AnjianUser shuangfuTown = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id()));
        AnjianUser deganTown = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, degan.id()));
        AnjianUser otherEnterprise = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        for (UUID id : List.of(townOwned, enterpriseOwned)) {
            mvc.perform(get("/api/v1/problems/" + id).with(as(shuangfuTown))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/problems/" + id).with(as(deganTown))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/problems/" + id).with(as(otherEnterprise))).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/problems/" + id + "/start").with(as(deganTown))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/problems/" + townOwned).with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise)))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/problems/" + enterpriseOwned).with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise)))))
                .andExpect(status().isOk());
        // a town registers only for itself
        mvc.perform(post("/api/v1/problems").with(as(deganTown)).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("越权", "TOWN", shuangfu.id(), "null", soon()))).andExpect(status().isForbidden());
        String deganList = mvc.perform(get("/api/v1/problems").param("size", "200").with(as(deganTown))).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(deganList, "$.page.items[*].id");
        assertThat(ids).doesNotContain(townOwned.toString(), enterpriseOwned.toString());
        // the list page shows the phone-card table and the counts
        String page = mvc.perform(get("/problems").with(as(shuangfuTown))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"problem-table\"", "镇街问题", "企业问题", "id=\"problem-counts\"");
        var csv = mvc.perform(get("/problems/export.csv").with(as(shuangfuTown))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getHeader("Content-Disposition")).contains("filename*=UTF-8''").contains("%E5%85%AB"); // 八张问题清单
        assertThat(csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"镇街问题\"", "\"双福街道\"");
        var xlsx = mvc.perform(get("/problems/export.xlsx").param("q", "镇街问题").with(as(shuangfuTown))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(xlsx.getHeader("Content-Disposition")).contains(".xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("问题");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("镇街问题");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("登记");
        }
    }
}
