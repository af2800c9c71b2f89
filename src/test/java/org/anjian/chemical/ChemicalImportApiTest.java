package org.anjian.chemical;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CHM-1 / ENT-7 imports from Excel are ALL-OR-NOTHING: every bad row is reported with its Excel row
 * number, its column header and the reason in Chinese, and when any row is bad nothing of the file
 * is written. A good inventory file grades its units by GB 18218-2018 as a form would.
 */
@AnjianIntegrationTest
class ChemicalImportApiTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    TwoScopes scopes;
    String creditB;

    @BeforeEach
    void twoEnterprises() throws Exception {
        scopes = new TwoScopes(mvc, organization);
        creditB = jdbc.sql("select credit_code from ent_enterprise where id = :id").param("id", scopes.b.enterpriseId())
                .query(String.class).single();
    }

    static byte[] sheet(List<String> header, List<List<Object>> rows) throws Exception {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("导入");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i) instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue((String) cells.get(i));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static List<String> header(byte[] template) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row h = wb.getSheetAt(0).getRow(0);
            return java.util.stream.IntStream.range(0, h.getLastCellNum()).mapToObj(i -> h.getCell(i).getStringCellValue()).toList();
        }
    }

    @Test
    void aCatalogueFileWithAWrongCasCheckDigitWritesNothingAndNamesRowAndColumn() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/chemicals/import/template").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> header = header(template);
        assertThat(header).startsWith("名称", "CAS号", "UN编号");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String good = ChemicalTestData.newCas();
        String wrong = ChemicalTestData.withWrongCheckDigit(ChemicalTestData.newCas());
        byte[] file = sheet(header, List.of(
                List.of("导入醇-" + tag, good, "1230", "易燃液体，类别2", "是", "否", "否", "危险", "GHS02；GHS06", "高度易燃液体和蒸气", "远离热源", "就医",
                        "泡沫灭火", "砂土吸收"),
                List.of("导入酮-" + tag, wrong, "1090", "易燃液体，类别2", "否", "否", "否", "警告", "GHS02", "", "", "", "", ""),
                List.of("导入酯-" + tag, "", "12", "", "也许", "否", "否", "小心", "GHS02", "", "", "", "", "")));
        mvc.perform(multipart("/api/v1/chemicals/import").file(new MockMultipartFile("file", "目录.xlsx", XLSX, file)).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.written").value(0))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("CAS号"))
                .andExpect(jsonPath("$.errors[0].message").value("CAS号格式或校验位不正确：" + wrong))
                .andExpect(jsonPath("$.errors[1].row").value(4)).andExpect(jsonPath("$.errors[1].column").value("UN编号"))
                .andExpect(jsonPath("$.errors[2].column").value("重点监管（是/否）"))
                .andExpect(jsonPath("$.errors[3].column").value("信号词"));
        assertThat(count("select count(*) from chemical_chemical where name like :n", "%-" + tag)).isZero();

        byte[] fixed = sheet(header, List.of(
                List.of("导入醇-" + tag, good, "1230", "易燃液体，类别2", "是", "否", "否", "危险", "GHS02；GHS06", "高度易燃液体和蒸气", "远离热源", "就医",
                        "泡沫灭火", "砂土吸收")));
        mvc.perform(multipart("/api/v1/chemicals/import").file(new MockMultipartFile("file", "目录.xlsx", XLSX, fixed)).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(1));
        String id = jdbc.sql("select id::text from chemical_chemical where cas = :cas").param("cas", good).query(String.class).single();
        mvc.perform(get("/api/v1/chemicals/" + id + "/label").with(as(Role.INSPECTOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.signalWord").value("危险")).andExpect(jsonPath("$.pictograms[1]").value("GHS06"));
        assertThat(count("select count(*) from identity_audit_entry where entity_id = :n and action in ('CHEMICAL_CREATED', 'CHEMICAL_LABEL_UPDATED')", id))
                .isEqualTo(2);
        mvc.perform(multipart("/api/v1/chemicals/import").file(new MockMultipartFile("file", "目录.xlsx", XLSX, fixed))
                .with(as(scopes.b.user(Role.ENTERPRISE_USER)))).andExpect(status().isForbidden());
    }

    @Test
    void anInventoryFileWithAnUnknownEnterpriseANegativeTonnageAndAWrongCasWritesNothing() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/chemical-units/import/template").with(as(scopes.b.user(Role.ENTERPRISE_USER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> header = header(template);
        assertThat(header).startsWith("统一社会信用代码", "单元名称");
        String unknown = org.anjian.enterprise.EnterpriseTestData.newCreditCode();
        byte[] file = sheet(header, List.of(
                List.of(creditB, "1号罐区", "储存", 36, "甲醇", "67-56-1", "", 320, "", "", ""),
                List.of(unknown, "2号罐区", "储存", 0, "甲醇", "67-56-1", "", 10, "", "", ""),
                List.of(creditB, "3号罐区", "储存", 0, "甲苯", "", "", -5, "", "", ""),
                List.of(creditB, "4号罐区", "储存", 0, "丙酮", "67-64-2", "", 10, "", "", ""),
                List.of(creditB, "5号罐区", "储存", 0, "不存在的物质", "", "", 10, "", "", "")));
        var owner = scopes.b.user(Role.ENTERPRISE_USER);
        mvc.perform(multipart("/api/v1/chemical-units/import").file(new MockMultipartFile("file", "存量.xlsx", XLSX, file)).with(as(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.written").value(0))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].column").value("统一社会信用代码"))
                .andExpect(jsonPath("$.errors[1].row").value(4)).andExpect(jsonPath("$.errors[1].column").value("最大存量（吨）"))
                .andExpect(jsonPath("$.errors[1].message").value("最大存量须为0或正数（吨）：-5"))
                .andExpect(jsonPath("$.errors[2].row").value(5)).andExpect(jsonPath("$.errors[2].column").value("CAS号"))
                .andExpect(jsonPath("$.errors[3].row").value(6)).andExpect(jsonPath("$.errors[3].column").value("危险化学品名称"));
        assertThat(count("select count(*) from chemical_unit where enterprise_id = cast(:n as uuid)", scopes.b.enterpriseId().toString())).isZero();

        // an enterprise out of the importer's scope is reported as unknown, not written
        byte[] foreign = sheet(header, List.of(List.of(creditB, "1号罐区", "储存", 36, "甲醇", "67-56-1", "", 320, "", "", "")));
        mvc.perform(multipart("/api/v1/chemical-units/import").file(new MockMultipartFile("file", "存量.xlsx", XLSX, foreign))
                        .with(as(scopes.a.user(Role.ENTERPRISE_USER))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].column").value("统一社会信用代码"));

        // GB 18218-2018 table 1: 甲醇 Q = 500 t; two rows of one unit: 320 + 甲苯 (table 1 no, table 2 W5.3? by name) → computed, not typed
        byte[] good = sheet(header, List.of(
                List.of(creditB, "1号罐区", "储存", 36, "甲醇", "67-56-1", "", 320, "", "", ""),
                List.of(creditB, "1号罐区", "储存", 36, "甲醇", "", "", 200, "", "", ""),
                List.of(creditB, "2号库", "储存", 0, "丙酮", "67-64-1", "", 10, "", "", "")));
        mvc.perform(multipart("/api/v1/chemical-units/import").file(new MockMultipartFile("file", "存量.xlsx", XLSX, good)).with(as(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(2)).andExpect(jsonPath("$.errors[0].column").value("主要负责人"));
        assertThat(count("select count(*) from chemical_unit where enterprise_id = cast(:n as uuid)", scopes.b.enterpriseId().toString())).isZero();

        byte[] named = sheet(header, List.of(
                List.of(creditB, "1号罐区", "储存", 36, "甲醇", "67-56-1", "", 320, "王总", "李工", "赵班长"),
                List.of(creditB, "1号罐区", "储存", 36, "甲醇", "", "", 200, "", "", ""),
                List.of(creditB, "2号库", "储存", 0, "丙酮", "67-64-1", "", 10, "", "", "")));
        mvc.perform(multipart("/api/v1/chemical-units/import").file(new MockMultipartFile("file", "存量.xlsx", XLSX, named)).with(as(owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(2));
        String units = mvc.perform(get("/api/v1/chemical-units").param("enterpriseId", scopes.b.enterpriseId().toString()).with(as(owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2)).andReturn().getResponse().getContentAsString();
        List<Boolean> major = JsonPath.read(units, "$.items[?(@.name == '1号罐区')].major");
        List<Double> s = JsonPath.read(units, "$.items[?(@.name == '1号罐区')].s");
        assertThat(major).containsExactly(true);
        assertThat(s.get(0)).isEqualTo(1.04); // (320 + 200) / 500
        assertThat(count("select count(*) from identity_audit_entry where action = 'CHEMICAL_UNIT_CREATED' and after_json like :n",
                "%" + scopes.b.enterpriseId() + "%")).isEqualTo(2);
    }

    @Test
    void thePageListsEveryBadRowAndWritesNothing() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/chemical-units/import/template").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] file = sheet(header(template), List.of(List.of(creditB, "1号罐区", "储存", 36, "甲醇", "67-56-1", "", -1, "", "", "")));
        String html = mvc.perform(multipart("/chemicals/import/inventories").file(new MockMultipartFile("file", "存量.xlsx", XLSX, file))
                        .with(as(scopes.b.user(Role.ENTERPRISE_USER)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("import-errors", "最大存量（吨）", "最大存量须为0或正数（吨）：-1", "未写入任何数据");
        assertThat(count("select count(*) from chemical_unit where enterprise_id = cast(:n as uuid)", scopes.b.enterpriseId().toString())).isZero();
        mvc.perform(multipart("/chemicals/import/catalogue").file(new MockMultipartFile("file", "目录.xlsx", XLSX, file))
                        .with(as(scopes.b.user(Role.ENTERPRISE_USER)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
    }

    long count(String sql, String param) {
        return jdbc.sql(sql).param("n", param).query(Long.class).single();
    }
}
