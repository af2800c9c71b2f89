package org.anjian.permit;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** PRM-1 over the API: a permit through every state, the GB 30871-2022 refusals (409) and object-level scope. */
@AnjianIntegrationTest
class PermitApiTest {

    /** Wednesday 2026-12-02 10:00 in Chongqing: a working day, daytime (no raising by 5.1.1). */
    static final Instant WEDNESDAY_TEN = Instant.parse("2026-12-02T02:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired OrganizationDirectory organization;

    UUID enterpriseId;
    AnjianUser enterprise;

    @BeforeEach
    void anEnterprise() throws Exception {
        clock.set(WEDNESDAY_TEN);
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        enterpriseId = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆作业票%s化工有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"BUILDING_MATERIALS",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        enterprise = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseId));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String hotWork(String certificateValidUntil) {
        Instant from = clock.instant();
        return """
                {"type":"HOT_WORK","hotWorkSite":"OUTSIDE_HAZARD_AREA","location":"机修车间外","content":"焊接支架",
                 "validFrom":"%s","validTo":"%s","applicant":"申请人甲","workLeader":"负责人乙","guardian":"监护人丙",
                 "workers":[{"name":"焊工丁","certificateCategory":"WELDING_AND_THERMAL_CUTTING","certificateNumber":"T5001","certificateValidUntil":"%s"}],
                 "measures":["清除周围易燃物","配备灭火器"]}""".formatted(from, from.plus(Duration.ofHours(6)), certificateValidUntil);
    }

    String create(String body) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/permits").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.summary.state").value("DRAFT"))
                .andReturn().getResponse().getContentAsString(), "$.summary.id");
    }

    ResultActions act(String id, String action, String body) throws Exception {
        return mvc.perform(post("/api/v1/permits/" + id + "/" + action).with(as(enterprise)).contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "{}" : body));
    }

    ResultActions gas(String id, Instant sampledAt, String methane) throws Exception {
        return mvc.perform(post("/api/v1/permits/" + id + "/gas-analyses").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON).content("""
                {"sampledAt":"%s","place":"动火点5m内","analyst":"分析员戊","readings":[
                  {"kind":"COMBUSTIBLE","substance":"甲烷","value":%s,"lel":5.0},{"kind":"OXYGEN","value":20.9}]}""".formatted(sampledAt, methane)));
    }

    String approved() throws Exception {
        String id = create(hotWork("2030-01-01"));
        act(id, "apply", null).andExpect(status().isOk());
        mvc.perform(post("/api/v1/permits/" + id + "/measures/0/confirmation").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/permits/" + id + "/measures/1/confirmation").file(new MockMultipartFile("photo", "灭火器.png", "image/png", png()))
                .with(as(enterprise))).andExpect(status().isOk()).andExpect(jsonPath("$.measures[1].photoId").isNotEmpty());
        act(id, "approve", "{\"approver\":\"车间主任\",\"approvalLevel\":\"BASE_UNIT\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.state").value("APPROVED"));
        return id;
    }

    @Test
    void aPermitGoesThroughEveryStateToClosed() throws Exception {
        String id = approved();
        gas(id, clock.instant().minus(Duration.ofMinutes(29)), "0.1").andExpect(status().isCreated()).andExpect(jsonPath("$.gasAnalyses[0].passed").value(true));
        act(id, "start", null).andExpect(status().isOk()).andExpect(jsonPath("$.summary.state").value("IN_PROGRESS"));
        act(id, "suspend", "{\"reason\":\"监护人暂离\"}").andExpect(jsonPath("$.summary.state").value("SUSPENDED"));
        act(id, "resume", null).andExpect(jsonPath("$.summary.state").value("IN_PROGRESS"));
        act(id, "complete", null).andExpect(jsonPath("$.summary.state").value("COMPLETED"));
        act(id, "close", "{\"handedBackTo\":\"车间主任\"}").andExpect(status().isOk()).andExpect(jsonPath("$.summary.state").value("CLOSED"))
                .andExpect(jsonPath("$.handedBackTo").value("车间主任")).andExpect(jsonPath("$.actions").isEmpty());
        mvc.perform(get("/api/v1/permits/" + id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.typeLabel").value("动火")).andExpect(jsonPath("$.summary.gradeLabel").value("二级"));
    }

    @Test
    void anIllegalTransitionAnswers409NamingStateAndAction() throws Exception {
        String id = create(hotWork("2030-01-01"));
        act(id, "complete", null).andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("作业票当前状态为「草稿」，不能「完工」"));
        act(id, "fly", null).andExpect(status().isNotFound());
    }

    @Test
    void anUnapprovedPermitCannotBeStarted() throws Exception {
        String id = create(hotWork("2030-01-01"));
        act(id, "apply", null).andExpect(status().isOk());
        act(id, "start", null).andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("作业票当前状态为「待审批」，不能「开始作业」"));
    }

    @Test
    void anExpiredPermitCannotBeStarted() throws Exception {
        String id = approved();
        clock.advance(Duration.ofHours(6).plusMinutes(1));
        gas(id, clock.instant().minus(Duration.ofMinutes(5)), "0.1");
        act(id, "start", null).andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("已超过有效期")));
    }

    @Test
    void aGasAnalysisOlderThanThirtyMinutesBlocksTheStartWithAClearChineseMessage_5_3_1c() throws Exception {
        String id = approved();
        gas(id, clock.instant().minus(Duration.ofMinutes(31)), "0.1").andExpect(status().isCreated());
        act(id, "start", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("超过30分钟，须重新取样分析后才能作业（GB 30871-2022 5.3.1 c）")));
        gas(id, clock.instant().minus(Duration.ofMinutes(1)), "0.6").andExpect(jsonPath("$.gasAnalyses[1].passed").value(false));
        act(id, "start", null).andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("不合格")));
    }

    @Test
    void aWorkerWithoutAValidCertificateCannotBePutOnAPermit() throws Exception {
        mvc.perform(post("/api/v1/permits").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON).content(hotWork("2026-12-01")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("焊工丁")));
    }

    @Test
    void aGradeTwoAskedForHotWorkAtNightIsRefused_5_1_1() throws Exception {
        Instant night = Instant.parse("2026-12-02T14:30:00Z"); // 22:30 in Chongqing
        mvc.perform(post("/api/v1/permits").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"HOT_WORK","grade":"SECOND","hotWorkSite":"OUTSIDE_HAZARD_AREA","location":"机修车间外","content":"焊接支架",
                 "validFrom":"%s","validTo":"%s","applicant":"甲","workLeader":"乙","guardian":"丙",
                 "workers":[{"name":"焊工丁","certificateCategory":"WELDING_AND_THERMAL_CUTTING","certificateNumber":"T5001","certificateValidUntil":"2030-01-01"}],
                 "measures":["清除周围易燃物"]}""".formatted(night, night.plus(Duration.ofHours(2)))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("一级")));
    }

    @Test
    void aPermitIsSeenByItsEnterpriseAndTheDistrictButNotByOthers() throws Exception {
        String id = create(hotWork("2030-01-01"));
        mvc.perform(get("/api/v1/permits/" + id).with(as(enterprise))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/permits/" + id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
        AnjianUser other = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/api/v1/permits/" + id).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/permits/" + id + "/apply").with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/permits/" + id).with(as(Role.TOWN_OFFICIAL))).andExpect(status().isNotFound());
        var town = organization.regionByName("杜市镇").orElseThrow();
        AnjianUser townOfficial = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        mvc.perform(get("/api/v1/permits/" + id).with(as(townOfficial))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/permits").param("enterpriseId", enterpriseId.toString()).param("type", "HOT_WORK").with(as(townOfficial)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/permits").param("enterpriseId", enterpriseId.toString()).with(as(other)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/v1/permits/" + id + "/apply").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isForbidden());
    }

    @Test
    void aSignatureDrawnOnThePhoneIsKept() throws Exception {
        String id = create(hotWork("2030-01-01"));
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png());
        mvc.perform(post("/api/v1/permits/" + id + "/signatures").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"GUARDIAN\",\"name\":\"监护人丙\",\"png\":\"%s\"}".formatted(dataUrl)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.signatures[0].name").value("监护人丙"));
    }

    @Test
    void thePrintedPermitEmbedsTheCjkFontAndCarriesAQrCode() throws Exception {
        String id = approved();
        var response = mvc.perform(get("/api/v1/permits/" + id + "/pdf").with(as(enterprise))).andExpect(status().isOk()).andReturn().getResponse();
        byte[] pdf = response.getContentAsByteArray();
        String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        org.assertj.core.api.Assertions.assertThat(raw).startsWith("%PDF").containsPattern("/FontFile[23]?").contains("/Subtype/Image")
                .doesNotContain("Helvetica");
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            org.assertj.core.api.Assertions.assertThat(text).contains("动火安全作业票").contains("已批准").contains("焊工丁");
        }
        AnjianUser other = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/api/v1/permits/" + id + "/pdf").with(as(other))).andExpect(status().isNotFound());
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.drawLine(2, 2, 38, 18);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
