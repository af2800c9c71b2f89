package org.anjian.enterprise.web;

import static org.anjian.enterprise.EnterpriseTestData.admin;
import static org.anjian.enterprise.EnterpriseTestData.auditor;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.anjian.enterprise.EnterpriseTestData.townOfficial;
import static org.anjian.enterprise.EnterpriseTestData.withWrongCheckDigit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@EnterpriseIntegrationTest
class EnterpriseImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationDirectory organization;

    static final String[] HEAD = {"统一社会信用代码", "企业名称", "法定代表人", "地址", "联系电话", "经度", "纬度", "镇街", "园区", "行业", "子行业", "规模",
            "从业人员", "经营状态", "涉爆粉尘", "涉氨制冷", "涉高温熔融金属", "有限空间作业", "危险化学品使用", "金属冶炼"};

    static Object[] row(String code, String name, String town, double lon, double lat) {
        return new Object[] {code, name, "李四", "重庆市江津区测试路", "023-47521111", lon, lat, town, "", "工贸", "机械", "规上", 88, "生产",
                "是", "否", "否", "是", "否", "否"};
    }

    static byte[] workbook(List<Object[]> rows) throws Exception {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("企业");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEAD.length; i++) {
                h.createCell(i).setCellValue(HEAD[i]);
            }
            int n = 1;
            for (Object[] values : rows) {
                Row r = sheet.createRow(n++);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Number num) {
                        r.createCell(i).setCellValue(num.doubleValue());
                    } else {
                        r.createCell(i).setCellValue(String.valueOf(values[i]));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Starts the import and waits for the job to finish; returns the job's JSON. */
    String importAndWait(MockMvc mvc, RequestPostProcessor who, byte[] xlsx) throws Exception {
        String job = mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "企业.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx)).with(who))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(job, "$.id");
        for (int i = 0; i < 600; i++) {
            String now = mvc.perform(get("/api/v1/enterprises/import/" + id).with(who)).andReturn().getResponse().getContentAsString();
            if (List.of("DONE", "FAILED").contains(JsonPath.<String>read(now, "$.status"))) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    @Test
    void everyRowLandsWholeOrIsReportedAndReimportingUpdates() throws Exception {
        String good = newCreditCode();
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(good, "重庆导入测试机械有限公司", "双福街道", 106.29, 29.39));
        rows.add(row(withWrongCheckDigit(newCreditCode()), "校验位错误公司", "双福街道", 106.29, 29.39));
        rows.add(row(newCreditCode(), "未知镇街公司", "火星镇", 106.29, 29.39));
        rows.add(row(good, "重复代码公司", "双福街道", 106.29, 29.39));
        rows.add(row(newCreditCode(), "坐标在北京公司", "双福街道", 116.4, 39.9));
        byte[] xlsx = workbook(rows);

        String job = importAndWait(mvc, admin(), xlsx);
        assertThat(JsonPath.<String>read(job, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(job, "$.total")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(job, "$.created")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(job, "$.failed")).isEqualTo(4);

        byte[] errors = mvc.perform(get("/api/v1/enterprises/import/" + JsonPath.read(job, "$.id") + "/errors").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<Integer, String> reasons = new java.util.HashMap<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(errors))) {
            for (Row r : wb.getSheetAt(0)) {
                if (r.getRowNum() > 0) {
                    reasons.put((int) r.getCell(0).getNumericCellValue(), r.getCell(3).getStringCellValue());
                }
            }
        }
        assertThat(reasons).containsOnlyKeys(3, 4, 5, 6);
        assertThat(reasons.get(3)).contains("校验位错误");
        assertThat(reasons.get(4)).contains("未知镇街：火星镇");
        assertThat(reasons.get(5)).contains("与第 2 行");
        assertThat(reasons.get(6)).contains("坐标不在本区范围内");

        mvc.perform(get("/api/v1/enterprises").param("q", good).with(admin())).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].flags.length()").value(2))
                .andExpect(jsonPath("$.items[0].supervisionClass").exists());

        // the same file again: the good row is updated, never duplicated
        String again = importAndWait(mvc, admin(), xlsx);
        assertThat(JsonPath.<Integer>read(again, "$.created")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.updated")).isEqualTo(1);
        mvc.perform(get("/api/v1/enterprises").param("q", good).with(admin())).andExpect(jsonPath("$.total").value(1));

        // export contains it, in the caller's scope
        byte[] export = mvc.perform(get("/api/v1/enterprises/export").param("q", good).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(good);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(7).getStringCellValue()).isEqualTo("双福街道");
        }
    }

    @Test
    void aTownOfficialImportsOnlyIntoTheirTownAndAuditorsNotAtAll() throws Exception {
        var shuangfu = organization.regionByName("双福街道").orElseThrow();
        String job = importAndWait(mvc, townOfficial(shuangfu.id()), workbook(List.of(
                row(newCreditCode(), "本镇企业", "双福街道", 106.29, 29.39),
                row(newCreditCode(), "外镇企业", "德感街道", 106.218, 29.298))));
        assertThat(JsonPath.<Integer>read(job, "$.created")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(job, "$.failed")).isEqualTo(1);
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream",
                workbook(List.of()))).with(auditor())).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/enterprises/import").with(admin())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        String broken = importAndWait(mvc, admin(), "not a spreadsheet".getBytes());
        assertThat(JsonPath.<String>read(broken, "$.status")).isEqualTo("FAILED");
        // pages issue #10: a failed import's bar says it failed, never 100%
        String progress = mvc.perform(get("/enterprises/import/" + JsonPath.read(broken, "$.id") + "/progress").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("导入失败（已处理 0/0 行）").contains("bg-danger").doesNotContain("100%");
    }

    @Test
    void anUploadedFileNameIsKeptOnlyAsItsBaseName() throws Exception {
        String job = mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "../../etc/cron.d/企业\u0000.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook(List.of()))).with(admin()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(job, "$.fileName")).isEqualTo("企业.xlsx");
    }

    @Test
    void theTemplateAndThePagesRender() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/enterprises/import/template").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(7).getStringCellValue()).isEqualTo("镇街");
        }
        // the template's sample row imports cleanly: the format is its own documentation
        String job = importAndWait(mvc, admin(), template);
        assertThat(JsonPath.<Integer>read(job, "$.failed")).isZero();
        mvc.perform(get("/enterprises/import").with(admin())).andExpect(status().isOk()).andExpect(content().string(containsString("下载导入模板")));
        mvc.perform(get("/enterprises/import/" + JsonPath.read(job, "$.id")).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("导入完成")));
        mvc.perform(get("/enterprises/import/" + JsonPath.read(job, "$.id") + "/progress").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("import-progress")));
        mvc.perform(get("/enterprises/export").with(admin())).andExpect(status().isOk());
    }
}
