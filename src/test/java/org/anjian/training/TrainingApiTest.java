package org.anjian.training;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** TRN-1, TRN-2: certificates with their validity and review, the public check, Excel, training records, scope. */
@AnjianIntegrationTest
class TrainingApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired CertificateRegistry registry;
    @Autowired java.time.Clock clock;

    TwoScopes scopes;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        scopes = new TwoScopes(mvc, organization);
        // the application's clock, which other tests in this context may have moved: near midnight in Chongqing the
        // machine's date and the application's differ
        today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    ResultActions postJson(String path, AnjianUser user, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String certificate(AnjianUser user, UUID enterprise, String number, LocalDate issued) throws Exception {
        String json = postJson("/api/v1/training/certificates", user, """
                {"enterpriseId":"%s","kind":"SPECIAL_OPERATION","category":"ELECTRICAL","holderName":"张三","idNumber":"500116198001011234",
                 "number":"%s","issuer":"重庆市应急管理局","issuedOn":"%s"}""".formatted(enterprise, number, issued))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.certificate.id");
    }

    @Test
    void aSpecialOperationCertificateIsValidForItsCategoryUntilItsReviewIsMissed() throws Exception {
        AnjianUser own = scopes.a.user(Role.ENTERPRISE_USER);
        String number = "T" + UUID.randomUUID().toString().substring(0, 12);
        // issued 3 years less 30 days ago: the review is due in 30 days, within the 60-day window
        LocalDate issued = today.minusYears(3).plusDays(30);
        String id = certificate(own, scopes.a.enterpriseId(), number, issued);
        mvc.perform(get("/api/v1/training/certificates/" + id).with(as(own))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEW_DUE"))
                .andExpect(jsonPath("$.certificate.validUntil").value(issued.plusYears(6).minusDays(1).toString()))
                .andExpect(jsonPath("$.certificate.reviewDue").value(issued.plusYears(3).toString()))
                .andExpect(jsonPath("$.certificate.idNumberMasked").value("500***********1234"));
        // the ID number is stored encrypted, never in clear
        byte[] stored = jdbc.sql("select id_number_enc from trn_certificate where id = ?").param(UUID.fromString(id)).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("500116198001011234");
        // the public check: valid today for 电工, not for 焊接, not the day after the missed review
        assertThat(registry.check(number, SpecialOperationCategory.ELECTRICAL, today).valid()).isTrue();
        assertThat(registry.check(number, SpecialOperationCategory.WELDING_AND_THERMAL_CUTTING, today).reason()).isEqualTo("OTHER_CATEGORY");
        assertThat(registry.check(number, SpecialOperationCategory.ELECTRICAL, issued.plusYears(3).plusDays(1)).reason()).isEqualTo("REVIEW_OVERDUE");
        assertThat(registry.check("NO-SUCH", SpecialOperationCategory.ELECTRICAL, today).found()).isFalse();
        mvc.perform(get("/api/v1/training/certificates/check?number=" + number + "&category=ELECTRICAL").with(as(own)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.holderName").value("张*"));
        // reviewed now: the next review would fall on the last day, so none is due and the certificate runs to its end
        postJson("/api/v1/training/certificates/" + id + "/review", own, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.certificate.lastReviewedOn").value(today.toString()))
                .andExpect(jsonPath("$.certificate.reviewDue").doesNotExist());
        assertThat(registry.check(number, SpecialOperationCategory.ELECTRICAL, issued.plusYears(3).plusDays(1)).valid()).isTrue();
        assertThat(registry.check(number, SpecialOperationCategory.ELECTRICAL, issued.plusYears(6)).reason()).isEqualTo("EXPIRED");
        // a second certificate with the number is refused; one issued a year ago is not yet in its review window
        postJson("/api/v1/training/certificates", own, """
                {"enterpriseId":"%s","kind":"SPECIAL_OPERATION","category":"ELECTRICAL","holderName":"李四","number":"%s","issuer":"x","issuedOn":"%s"}"""
                .formatted(scopes.a.enterpriseId(), number, today)).andExpect(status().isConflict());
        String young = certificate(own, scopes.a.enterpriseId(), "T" + UUID.randomUUID().toString().substring(0, 12), today.minusYears(1));
        postJson("/api/v1/training/certificates/" + young + "/review", own, "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("training.review.window"));
        // only a regulator revokes
        postJson("/api/v1/training/certificates/" + young + "/revoke", own, "{\"reason\":\"违章作业\"}").andExpect(status().isForbidden());
        postJson("/api/v1/training/certificates/" + young + "/revoke", scopes.a.user(Role.INSPECTOR), "{\"reason\":\"违章作业\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action in ('CERTIFICATE_REGISTERED', 'CERTIFICATE_REVIEWED')")
                .param(id).query(Long.class).single()).isEqualTo(2);
        // a special-operation certificate needs its category; a date ahead is refused
        postJson("/api/v1/training/certificates", own, """
                {"enterpriseId":"%s","kind":"SPECIAL_OPERATION","holderName":"李四","number":"X-1","issuer":"x","issuedOn":"%s"}"""
                .formatted(scopes.a.enterpriseId(), today.plusDays(1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("category"))).andExpect(jsonPath("$.errors[*].field").value(hasItem("issuedOn")));
    }

    @Test
    void everyRoleOfTheOtherSideGets404() throws Exception {
        String id = certificate(scopes.a.user(Role.ENTERPRISE_USER), scopes.a.enterpriseId(), "T" + UUID.randomUUID().toString().substring(0, 12),
                today.minusYears(1));
        String record = JsonPath.read(postJson("/api/v1/training/records", scopes.a.user(Role.ENTERPRISE_USER), """
                {"enterpriseId":"%s","kind":"THREE_LEVEL","topic":"三级安全教育","heldOn":"%s","hours":24,"trainees":6}"""
                .formatted(scopes.a.enterpriseId(), today)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        for (Role role : new Role[] {Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER, Role.AGENCY_USER}) {
            mvc.perform(get("/api/v1/training/certificates/" + id).with(as(scopes.b.user(role)))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/training/records/" + record).with(as(scopes.b.user(role)))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/training/certificates?enterpriseId=" + scopes.a.enterpriseId()).with(as(scopes.b.user(role))))
                    .andExpect(jsonPath("$.total").value(0));
        }
        for (Role role : new Role[] {Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR}) {
            mvc.perform(get("/api/v1/training/certificates/" + id).with(as(scopes.a.user(role)))).andExpect(status().isOk());
        }
        // another enterprise cannot file for A
        postJson("/api/v1/training/records", scopes.b.user(Role.ENTERPRISE_USER), """
                {"enterpriseId":"%s","kind":"LECTURE","topic":"x","heldOn":"%s","hours":2,"trainees":6}""".formatted(scopes.a.enterpriseId(), today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("enterpriseId")));
        // a warning video names its video
        postJson("/api/v1/training/records", scopes.a.user(Role.ENTERPRISE_USER), """
                {"enterpriseId":"%s","kind":"WARNING_VIDEO","topic":"警示教育","heldOn":"%s","hours":1,"trainees":30}""".formatted(scopes.a.enterpriseId(), today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("video")));
        mvc.perform(get("/training/certificates").with(as(scopes.a.user(Role.ENTERPRISE_USER)))).andExpect(status().isOk());
        mvc.perform(get("/training/records").with(as(scopes.a.user(Role.ENTERPRISE_USER)))).andExpect(status().isOk());
    }

    @Test
    void certificatesComeInFromTheSpreadsheetAllOrNothingAndGoOutAgain() throws Exception {
        String code = JsonPath.read(mvc.perform(get("/api/v1/enterprises/" + scopes.a.enterpriseId()).with(as(Role.DISTRICT_ADMIN)))
                .andReturn().getResponse().getContentAsString(), "$.creditCode");
        String good = "T" + UUID.randomUUID().toString().substring(0, 12);
        byte[] withError = sheet(new String[] {code, "特种作业操作证", "焊接与热切割作业", "王五", "", good, "重庆市应急管理局", today.minusYears(2).toString(), "", ""},
                new String[] {code, "特种作业操作证", "", "赵六", "", "T-BAD-" + UUID.randomUUID().toString().substring(0, 6), "重庆市应急管理局", "2024-01-01", "", ""});
        AnjianUser own = scopes.a.user(Role.ENTERPRISE_USER);
        mvc.perform(multipart("/api/v1/training/certificates/import").file(new MockMultipartFile("file", "c.xlsx", "application/octet-stream", withError))
                        .with(as(own))).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("第 3 行")));
        mvc.perform(get("/api/v1/training/certificates?q=" + good).with(as(own))).andExpect(jsonPath("$.total").value(0));
        byte[] ok = sheet(new String[] {code, "特种作业操作证", "焊接与热切割作业", "王五", "", good, "重庆市应急管理局", today.minusYears(2).toString(), "", ""});
        mvc.perform(multipart("/api/v1/training/certificates/import").file(new MockMultipartFile("file", "c.xlsx", "application/octet-stream", ok))
                .with(as(own))).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(get("/api/v1/training/certificates?q=" + good).with(as(own))).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].certificate.category").value("WELDING_AND_THERMAL_CUTTING"));
        byte[] export = mvc.perform(get("/api/v1/training/certificates/export?q=" + good).with(as(own))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(export))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(5).getStringCellValue()).isEqualTo(good);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业统一社会信用代码");
        }
    }

    static byte[] sheet(String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("证书");
            sheet.createRow(0).createCell(0).setCellValue("header");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
