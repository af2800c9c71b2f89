package org.anjian.credit;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CRD-1 credit repair through the API: the entry's enterprise applies with a proof after the minimum
 * period (12 months for the blacklist, 应急管理部令第11号); the day before is refused with a Chinese 409, the
 * day itself accepted; only the district decides; an approved entry stays in the 信用重庆 feed as removed
 * with the date.
 */
@AnjianIntegrationTest
class CreditRepairApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    TwoScopes scopes;
    AnjianUser enterpriseA;
    LocalDate today;

    @BeforeEach
    void sides() throws Exception {
        scopes = new TwoScopes(mvc, organization);
        enterpriseA = scopes.a.user(Role.ENTERPRISE_USER);
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    String entry(LocalDate decided, String name) throws Exception {
        String body = mvc.perform(post("/api/v1/credit-records").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectType":"UNIT","subjectName":"%s","enterpriseId":"%s","kind":"BLACKLIST","cause":"REFUSAL_TO_RECTIFY",
                         "causeDetail":"逾期未整改","authority":"江津区应急管理局","decisionDate":"%s"}"""
                        .formatted(name, scopes.a.enterpriseId(), decided)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/v1/credit-records/" + id + "/publish").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
        return id;
    }

    static byte[] pdf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        com.lowagie.text.Document d = new com.lowagie.text.Document();
        com.lowagie.text.pdf.PdfWriter.getInstance(d, out);
        d.open();
        d.add(new com.lowagie.text.Paragraph("rectification report"));
        d.close();
        return out.toByteArray();
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    ResultActions apply(AnjianUser who, String recordId, String fileName, byte[] proof) throws Exception {
        return mvc.perform(multipart("/api/v1/credit-records/" + recordId + "/repair-applications")
                .file(new MockMultipartFile("proof", fileName, "application/octet-stream", proof))
                .param("rectification", "除尘系统已改造并经验收，制定整改承诺").with(as(who)));
    }

    @Test
    void theDayBeforeTwelveMonthsIsRefusedWithAChinese409AndTheDayItselfIsAccepted() throws Exception {
        // decided a year ago less one day: the first day to apply is tomorrow
        String early = entry(today.minusYears(1).plusDays(1), "修复测试早-" + UUID.randomUUID());
        apply(enterpriseA, early, "整改报告.pdf", pdf()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("credit.repair.tooEarly"))
                .andExpect(jsonPath("$.detail").value(containsString("12 个月")))
                .andExpect(jsonPath("$.detail").value(containsString(today.plusDays(1).toString())));
        // decided a year ago today: today is the first day
        String due = entry(today.minusYears(1), "修复测试到期-" + UUID.randomUUID());
        apply(enterpriseA, due, "整改报告.pdf", pdf()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING")).andExpect(jsonPath("$.proofType").value("application/pdf"));
        // one pending application at a time
        apply(enterpriseA, due, "照片.png", png()).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("credit.repair.pending"));
    }

    @Test
    void theProofMustBeAPdfOrAnImageAndOnlyTheEntrysEnterpriseApplies() throws Exception {
        String id = entry(today.minusYears(2), "修复测试材料-" + UUID.randomUUID());
        apply(enterpriseA, id, "report.pdf", "%PDF-1.4 not really a pdf".getBytes(StandardCharsets.ISO_8859_1))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("proof"));
        apply(enterpriseA, id, "x.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest());
        apply(enterpriseA, id, "big.pdf", new byte[10 * 1024 * 1024 + 1]).andExpect(status().isBadRequest());
        // another enterprise does not see the entry; a regulator does not apply
        apply(scopes.b.user(Role.ENTERPRISE_USER), id, "整改报告.pdf", pdf()).andExpect(status().isNotFound());
        apply(scopes.a.user(Role.TOWN_OFFICIAL), id, "整改报告.pdf", pdf()).andExpect(status().isForbidden());
        apply(enterpriseA, id, "现场照片.png", png()).andExpect(status().isCreated()).andExpect(jsonPath("$.proofType").value("image/png"));
    }

    @Test
    void onlyTheDistrictApprovesAndTheFeedShowsTheEntryRemovedWithTheDate() throws Exception {
        String name = "修复测试移出-" + UUID.randomUUID();
        String id = entry(today.minusMonths(18), name);
        String repair = JsonPath.read(apply(enterpriseA, id, "整改报告.pdf", pdf()).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        String approve = "{\"reason\":\"整改到位，同意提前移出\"}";
        for (Role role : new Role[]{Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER}) {
            mvc.perform(post("/api/v1/credit-repairs/" + repair + "/approve").with(as(scopes.a.user(role)))
                    .contentType(MediaType.APPLICATION_JSON).content(approve)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/credit-repairs/" + repair + "/approve").with(as(Role.INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON).content(approve)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/credit-repairs/" + repair + "/approve").with(as(Role.AUDITOR))
                .contentType(MediaType.APPLICATION_JSON).content(approve)).andExpect(status().isForbidden());
        // the enterprise of the other side neither reads nor decides it
        mvc.perform(get("/api/v1/credit-repairs/" + repair).with(as(scopes.b.user(Role.ENTERPRISE_USER)))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/credit-repairs/" + repair + "/proof").with(as(enterpriseA))).andExpect(status().isOk());

        mvc.perform(post("/api/v1/credit-repairs/" + repair + "/approve").with(as(Role.DISTRICT_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(approve))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVED")).andExpect(jsonPath("$.decidedOn").value(today.toString()));
        mvc.perform(post("/api/v1/credit-repairs/" + repair + "/reject").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/credit-records/" + id).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.status").value("REMOVED")).andExpect(jsonPath("$.removedOn").value(today.toString()));

        // the public feed still lists it, as removed with the date
        String feed = mvc.perform(get("/api/v1/public/credit-records/feed.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(feed, "$.entries[?(@.id == '" + id + "')].status")).containsExactly("REMOVED");
        assertThat(JsonPath.<java.util.List<String>>read(feed, "$.entries[?(@.id == '" + id + "')].removedOn")).containsExactly(today.toString());
        String page = mvc.perform(get("/public/credit-records")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name).contains(today + " 移出");
        // audited
        mvc.perform(get("/api/v1/audit").param("action", "CREDIT_REPAIR_APPROVED").param("entityId", repair).with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aRejectionKeepsTheEntryInForceAndNeedsAReason() throws Exception {
        String id = entry(today.minusMonths(13), "修复测试驳回-" + UUID.randomUUID());
        String repair = JsonPath.read(apply(enterpriseA, id, "照片.png", png()).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/credit-repairs/" + repair + "/reject").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/credit-repairs/" + repair + "/reject").with(as(Role.DISTRICT_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"整改材料不完整\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REJECTED"));
        mvc.perform(get("/api/v1/credit-records/" + id).with(as(Role.DISTRICT_ADMIN))).andExpect(jsonPath("$.status").value("IN_FORCE"));
        // the district's review list and the enterprise's page
        mvc.perform(get("/api/v1/credit-repairs").param("state", "REJECTED").param("recordId", id).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.total").value(1));
        assertThat(mvc.perform(get("/credit-repairs").with(as(enterpriseA))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("apply-" + id);
    }
}
