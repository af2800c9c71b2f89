package org.anjian.expert;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.identity.UserManagement;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENF-10: the pool, who reads and writes it, ratings, the evaluation at its thresholds, selection, import and export. */
@AnjianIntegrationTest
class ExpertApiTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired ExpertPool pool;
    ExpertTestData data;
    final LocalDate today = ExpertTestData.today();

    @BeforeEach
    void setUp() {
        data = new ExpertTestData(mvc, users, organization);
    }

    int eligible(Field field) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/experts").param("field", field.name()).param("status", "ACTIVE").param("qualified", "true")
                .param("size", "1").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.total");
    }

    static List<UUID> ids(List<ExpertSummary> list) {
        return list.stream().map(ExpertSummary::id).toList();
    }

    @Test
    void selectionIsReproducibleFromItsSeedAndNeverPicksAnExpertOfTheInspectedEnterprise() throws Exception {
        UUID enterprise = data.enterprise();
        UUID employee = data.expert("员工专家", Field.CONFINED_SPACE, today.plusDays(100), enterprise, null);
        UUID outsider = data.expert("外部专家", Field.CONFINED_SPACE, today.plusDays(100), null, null);
        int n = eligible(Field.CONFINED_SPACE);
        assertThat(n).isGreaterThanOrEqualTo(2);

        assertThat(ids(pool.select(Set.of(Field.CONFINED_SPACE), 1, enterprise, "2026-津-1")))
                .isEqualTo(ids(pool.select(Set.of(Field.CONFINED_SPACE), 1, enterprise, "2026-津-1")));

        // everybody who may go to this enterprise: all but its own employee
        List<UUID> all = ids(pool.select(Set.of(Field.CONFINED_SPACE), n - 1, enterprise, "all"));
        assertThat(all).hasSize(n - 1).contains(outsider).doesNotContain(employee);
        assertThatThrownBy(() -> pool.select(Set.of(Field.CONFINED_SPACE), n, enterprise, "all"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("expert.selection.shortage");
                    assertThat(e.problemProperties()).containsEntry("field", "CONFINED_SPACE").containsEntry("available", n - 1);
                });
        // at another enterprise the same expert may go
        assertThat(ids(pool.select(Set.of(Field.CONFINED_SPACE), n, data.enterprise(), "all"))).contains(employee, outsider);
    }

    @Test
    void aQualificationValidUntilTodayCountsAndOneValidUntilYesterdayDoesNot() throws Exception {
        UUID untilToday = data.expert("今日到期", Field.FIRE, today, null, null);
        UUID untilYesterday = data.expert("昨日到期", Field.FIRE, today.minusDays(1), null, null);
        mvc.perform(get("/api/v1/experts/" + untilToday).with(as(Role.INSPECTOR))).andExpect(jsonPath("$.qualified").value(true))
                .andExpect(jsonPath("$.selectable").value(true)).andExpect(jsonPath("$.expiringSoon").value(true));
        mvc.perform(get("/api/v1/experts/" + untilYesterday).with(as(Role.INSPECTOR))).andExpect(jsonPath("$.qualified").value(false))
                .andExpect(jsonPath("$.selectable").value(false)).andExpect(jsonPath("$.qualifiedUntil").value(today.minusDays(1).toString()));
        List<UUID> all = ids(pool.select(Set.of(Field.FIRE), eligible(Field.FIRE), null, "fire"));
        assertThat(all).contains(untilToday).doesNotContain(untilYesterday);
        String expired = mvc.perform(get("/api/v1/experts").param("field", "FIRE").param("qualified", "false").param("size", "200")
                .with(as(Role.AUDITOR))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(expired).contains(untilYesterday.toString()).doesNotContain(untilToday.toString());
    }

    @Test
    void theDistrictWritesInspectorsAndAuditorsReadAnExpertReadsAndUpdatesOnlyTheirOwnContact() throws Exception {
        AnjianUser expertUser = data.expertAccount();
        AnjianUser otherExpertUser = data.expertAccount();
        UUID mine = data.expert("本人专家", Field.ELECTRICAL, today.plusDays(300), null, expertUser.id());
        UUID other = data.expert("他人专家", Field.ELECTRICAL, today.plusDays(300), null, null);

        // inspectors call experts: they see the number; auditors see it masked
        mvc.perform(get("/api/v1/experts/" + mine).with(as(Role.INSPECTOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13912345678")).andExpect(jsonPath("$.phoneMasked").value(false));
        mvc.perform(get("/api/v1/experts/" + mine).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("139****5678")).andExpect(jsonPath("$.phoneMasked").value(true));
        mvc.perform(get("/api/v1/experts/" + mine).with(as(expertUser))).andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("13912345678"));
        mvc.perform(get("/api/v1/experts/me").with(as(expertUser))).andExpect(jsonPath("$.id").value(mine.toString()));
        mvc.perform(get("/api/v1/experts/me").with(as(otherExpertUser))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/experts/" + other).with(as(expertUser))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/experts").with(as(expertUser))).andExpect(status().isForbidden());
        AnjianUser enterpriseUser = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/api/v1/experts").with(as(enterpriseUser))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/experts/" + mine).with(as(enterpriseUser))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/experts/" + mine).with(as(Role.TOWN_OFFICIAL))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/experts/" + UUID.randomUUID()).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isNotFound());

        mvc.perform(put("/api/v1/experts/" + mine + "/contact").with(as(expertUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"023-47521234\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("023-47521234"));
        mvc.perform(put("/api/v1/experts/" + mine + "/contact").with(as(expertUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"call me\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("phone"));
        mvc.perform(put("/api/v1/experts/" + other + "/contact").with(as(expertUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"023-47521234\"}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/experts/" + mine).with(as(expertUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"改名\",\"fields\":[\"FIRE\"]}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/experts").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"新专家\",\"fields\":[\"FIRE\"]}")).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/experts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "fields")));
        AnjianUser inspectorAccount = data.inspector();
        mvc.perform(post("/api/v1/experts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"错号\",\"fields\":[\"FIRE\"],\"userId\":\"" + inspectorAccount.id() + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("userId"));
        mvc.perform(post("/api/v1/experts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"重号\",\"fields\":[\"FIRE\"],\"userId\":\"" + expertUser.id() + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("expert.user.taken"));
        mvc.perform(post("/api/v1/experts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"无效日期\",\"fields\":[\"FIRE\"],\"qualifications\":[{\"kind\":\"聘书\",\"number\":\"1\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("qualifications"));
    }

    String service(UUID expert, AnjianUser by) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/experts/" + expert + "/services").with(as(by)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TECHNICAL_GUIDANCE\",\"date\":\"%s\",\"hours\":2,\"summary\":\"指导粉尘涉爆除尘系统整改\"}".formatted(today)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    static String stars(int q, int p, int t) {
        return "{\"quality\":%d,\"professionalism\":%d,\"timeliness\":%d,\"comment\":\"意见具体\"}".formatted(q, p, t);
    }

    @Test
    void aServiceIsRatedOnceByTheDistrictOrTheInspectorWhoLedItAndNeverByTheExpertThemself() throws Exception {
        AnjianUser expertUser = data.expertAccount();
        UUID expert = data.expert("被评专家", Field.DUST_EXPLOSION, today.plusDays(100), null, expertUser.id());
        AnjianUser inspector = data.inspector();
        AnjianUser otherInspector = data.inspector();
        String serviceId = service(expert, inspector);

        mvc.perform(post("/api/v1/experts/" + expert + "/services").with(as(inspector)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TECHNICAL_GUIDANCE\",\"date\":\"%s\",\"hours\":-1}".formatted(today.plusDays(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("date", "hours")));
        mvc.perform(post("/api/v1/experts/" + expert + "/services").with(as(expertUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"TECHNICAL_GUIDANCE\",\"date\":\"%s\"}".formatted(today))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/experts/" + expert + "/services").with(as(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"TECHNICAL_GUIDANCE\",\"date\":\"%s\"}".formatted(today))).andExpect(status().isForbidden());

        String rate = "/api/v1/expert-services/" + serviceId + "/rating";
        mvc.perform(post(rate).with(as(expertUser)).contentType(MediaType.APPLICATION_JSON).content(stars(5, 5, 5)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("expert.rating.self"));
        mvc.perform(post(rate).with(as(otherInspector)).contentType(MediaType.APPLICATION_JSON).content(stars(5, 5, 5)))
                .andExpect(status().isForbidden());
        mvc.perform(post(rate).with(as(data.expertAccount())).contentType(MediaType.APPLICATION_JSON).content(stars(5, 5, 5)))
                .andExpect(status().isForbidden());
        mvc.perform(post(rate).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content(stars(6, 5, 5)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quality"));
        mvc.perform(post(rate).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content(stars(5, 0, 5)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("professionalism"));
        mvc.perform(post(rate).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content("{\"quality\":5,\"professionalism\":5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("timeliness"));

        // the expert fills in hours and findings before the rating
        mvc.perform(put("/api/v1/expert-services/" + serviceId).with(as(expertUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hours\":3.5,\"summary\":\"发现 2 处除尘器泄爆口朝向人员通道\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.hours").value(3.5));
        mvc.perform(post(rate).with(as(inspector)).contentType(MediaType.APPLICATION_JSON).content(stars(5, 1, 5)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rating.quality").value(5)).andExpect(jsonPath("$.rating.professionalism").value(1));
        mvc.perform(post(rate).with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(stars(5, 5, 5)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("expert.rating.exists"));
        mvc.perform(put("/api/v1/expert-services/" + serviceId).with(as(expertUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hours\":8}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/expert-services/" + UUID.randomUUID() + "/rating").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(stars(5, 5, 5))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/experts/" + expert + "/services").with(as(expertUser))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].rating.professionalism").value(1));
        assertThat(mvc.perform(get("/experts/" + expert).with(as(expertUser))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("发现 2 处除尘器泄爆口朝向人员通道").doesNotContain("rating-form");
    }

    /** Records a service by the district and rates it with the given stars. */
    void ratedService(UUID expert, int q, int p, int t) throws Exception {
        AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
        String id = service(expert, admin);
        mvc.perform(post("/api/v1/expert-services/" + id + "/rating").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(stars(q, p, t)))
                .andExpect(status().isOk());
    }

    @Test
    void theYearsEvaluationAtItsThresholdsAndTheSuspensionOfTheUnqualified() throws Exception {
        int year = today.getYear();
        UUID six = data.expert("六次专家", Field.MINE, today.plusDays(100), null, null);
        UUID five = data.expert("五次专家", Field.MINE, today.plusDays(100), null, null);
        UUID oneStar = data.expert("一星专家", Field.MINE, today.plusDays(100), null, null);
        UUID once = data.expert("一次专家", Field.MINE, today.plusDays(100), null, null);
        for (int i = 0; i < 3; i++) {
            ratedService(six, 5, 5, 5);
            ratedService(six, 4, 4, 4);
            ratedService(five, 5, 5, 5);
        }
        ratedService(five, 4, 4, 4);
        ratedService(five, 4, 4, 4);
        ratedService(oneStar, 5, 5, 5);
        ratedService(oneStar, 5, 5, 1);
        ratedService(once, 5, 5, 5);

        // 81 stars / 18 = 4.50 over 6 services: excellent
        mvc.perform(get("/api/v1/experts/" + six + "/evaluation").param("year", String.valueOf(year)).with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.services").value(6)).andExpect(jsonPath("$.hours").value(12.0)).andExpect(jsonPath("$.average").value(4.5))
                .andExpect(jsonPath("$.result").value("EXCELLENT"));
        // 69 / 15 = 4.60 but only 5 services: qualified
        mvc.perform(get("/api/v1/experts/" + five + "/evaluation").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.services").value(5)).andExpect(jsonPath("$.average").value(4.6)).andExpect(jsonPath("$.result").value("QUALIFIED"));
        // average 4.33 yet one star on timeliness: unqualified
        mvc.perform(get("/api/v1/experts/" + oneStar + "/evaluation").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.average").value(4.33)).andExpect(jsonPath("$.lowestStar").value(1)).andExpect(jsonPath("$.result").value("UNQUALIFIED"));
        mvc.perform(get("/api/v1/experts/" + once + "/evaluation").with(as(Role.AUDITOR))).andExpect(jsonPath("$.result").value("NOT_ASSESSED"));
        mvc.perform(get("/api/v1/experts/" + once + "/evaluation").param("year", String.valueOf(year - 1)).with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.services").value(0)).andExpect(jsonPath("$.result").value("NOT_ASSESSED"));

        String table = mvc.perform(get("/api/v1/expert-evaluations").param("year", String.valueOf(year)).with(as(Role.INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(table, "$[?(@.expertId == '" + six + "')].result")).containsExactly("EXCELLENT");
        assertThat((List<String>) JsonPath.read(table, "$[?(@.expertId == '" + oneStar + "')].result")).containsExactly("UNQUALIFIED");
        assertThat((String) JsonPath.read(table, "$[0].result")).isEqualTo("UNQUALIFIED");
        mvc.perform(get("/api/v1/expert-evaluations").with(as(Role.ENTERPRISE_USER))).andExpect(status().isForbidden());

        String suspend = "{\"year\":%d,\"reason\":\"年度考核不合格：陪同执法迟到并延误检查\"}".formatted(year);
        mvc.perform(post("/api/v1/experts/" + five + "/suspension").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(suspend))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("expert.suspension.notUnqualified"));
        mvc.perform(post("/api/v1/experts/" + oneStar + "/suspension").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content(suspend))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/experts/" + oneStar + "/suspension").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":" + year + "}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/experts/" + oneStar + "/suspension").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(suspend))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED")).andExpect(jsonPath("$.suspension.year").value(year));
        mvc.perform(post("/api/v1/experts/" + oneStar + "/suspension").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(suspend))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("expert.suspension.exists"));
        mvc.perform(get("/api/v1/experts/" + oneStar).with(as(Role.INSPECTOR))).andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.selectable").value(false));
        assertThat(ids(pool.select(Set.of(Field.MINE), eligible(Field.MINE), null, "mine"))).contains(six, five).doesNotContain(oneStar);
    }

    static byte[] workbook(String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("专家");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void importAddsEveryGoodRowAndReportsEachBadRowWithItsNumberAndColumn() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        byte[] xlsx = workbook(
                new String[] {"姓名", "专业领域", "职称", "工作单位", "单位企业编号", "联系电话", "证书类别", "证书编号", "证书有效期至", "状态"},
                new String[] {"导入甲" + tag, "危险化学品、电气", "高级工程师", "重庆化工研究院", "", "13800001111", "安全生产专家聘书", "I-1", "2030-12-31", "在库"},
                new String[] {"导入乙" + tag, "魔法", "工程师", "", "", "", "", "", "", ""},
                new String[] {"导入丙" + tag, "FIRE", "工程师", "", "", "13800002222", "聘书", "I-3", "2030/6/1", ""},
                new String[] {"导入丁" + tag, "消防", "工程师", "", "", "", "聘书", "I-4", "明年", ""},
                new String[] {"", "消防", "工程师", "", "", "", "", "", "", ""});
        MockMultipartFile file = new MockMultipartFile("file", "experts.xlsx", "application/octet-stream", xlsx);
        mvc.perform(multipart("/api/v1/experts/import").file(file).with(as(Role.INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/experts/import").file(file).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5)).andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].field").value("fields"))
                .andExpect(jsonPath("$.errors[1].row").value(5)).andExpect(jsonPath("$.errors[1].field").value("qualificationValidUntil"))
                .andExpect(jsonPath("$.errors[2].row").value(6)).andExpect(jsonPath("$.errors[2].field").value("name"));
        // only the two good rows were stored
        mvc.perform(get("/api/v1/experts").param("q", tag).with(as(Role.DISTRICT_ADMIN))).andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/experts").param("q", "导入甲" + tag).with(as(Role.DISTRICT_ADMIN))).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].fields[0]").value("HAZARDOUS_CHEMICALS")).andExpect(jsonPath("$.items[0].qualifiedUntil").value("2030-12-31"));
        mvc.perform(get("/api/v1/experts").param("q", "导入丙" + tag).with(as(Role.DISTRICT_ADMIN))).andExpect(jsonPath("$.items[0].qualifiedUntil").value("2030-06-01"));
        mvc.perform(multipart("/api/v1/experts/import").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isBadRequest());
    }

    @Test
    void theExportIsAnExcelOfTheFilteredPoolThatTheImportReads() throws Exception {
        UUID e = data.expert("导出专家", Field.FIREWORKS, today.plusDays(50), null, null);
        byte[] xlsx = mvc.perform(get("/api/v1/experts/export").param("field", "FIREWORKS").with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("导出专家")) {
                    found = true;
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("烟花爆竹");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("139****5678"); // the auditor's export is masked too
                }
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/api/v1/experts/export").with(as(Role.ENTERPRISE_USER))).andExpect(status().isForbidden());
        assertThat(e).isNotNull();
    }

    @Test
    void pagesShowThePoolTheProfileAndTheEvaluationsAndSendAnExpertToTheirOwnProfile() throws Exception {
        AnjianUser expertUser = data.expertAccount();
        UUID e = data.expert("页面专家", Field.CONSTRUCTION, today.minusDays(3), null, expertUser.id());
        ratedService(e, 4, 4, 4);
        assertThat(mvc.perform(get("/experts").param("field", "CONSTRUCTION").param("qualified", "false").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("页面专家").contains("expiry-badge");
        assertThat(mvc.perform(get("/experts/" + e).with(as(Role.INSPECTOR))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("页面专家").contains("chart-radar").contains("not-selectable");
        assertThat(mvc.perform(get("/experts/evaluations").with(as(Role.AUDITOR))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("页面专家");
        mvc.perform(get("/experts").with(as(expertUser))).andExpect(redirectedUrl("/experts/me"));
        mvc.perform(get("/experts/me").with(as(expertUser))).andExpect(redirectedUrl("/experts/" + e));
        String own = data.expert("页面专家乙", Field.CONSTRUCTION, today.plusDays(30), null, null).toString();
        AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
        String serviceId = service(e, admin);
        assertThat(mvc.perform(get("/experts/" + e).with(as(expertUser))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("service-fill");
        mvc.perform(post("/experts/services/" + serviceId).param("expertId", e.toString()).param("hours", "4.5").param("summary", "复核设计诊断问题整改")
                .with(as(expertUser)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/experts/" + e));
        mvc.perform(get("/api/v1/experts/" + e + "/services").with(as(expertUser)))
                .andExpect(jsonPath("$[?(@.id == '" + serviceId + "')].hours").value(org.hamcrest.Matchers.contains(4.5)));
        assertThat(mvc.perform(get("/experts/" + own).with(as(Role.INSPECTOR))).andReturn().getResponse().getContentAsString()).doesNotContain("service-fill");
        mvc.perform(get("/experts").with(as(Role.ENTERPRISE_USER))).andExpect(status().isForbidden());
    }
}
