package org.anjian.chemical;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CHM-1 一企一品一码: an enterprise's product gets an unguessable public code; the public label page
 * shows the GB 15258-2009 label facts and the duty phone and nothing private; withdrawal is final and
 * shown; products, codes and safety data sheets are seen only within scope; every write is audited.
 */
@AnjianIntegrationTest
class ChemicalProductApiTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    TwoScopes scopes;
    String chemical;

    @BeforeEach
    void aCatalogueChemicalWithItsLabelAndTwoEnterprises() throws Exception {
        scopes = new TwoScopes(mvc, organization);
        String body = mvc.perform(post("/api/v1/chemicals").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"测试醇-%s","cas":"%s","unNumber":"1230","hazardClasses":["易燃液体，类别2","急性毒性-经口，类别3"]}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 6), ChemicalTestData.newCas())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        chemical = JsonPath.read(body, "$.id");
        mvc.perform(put("/api/v1/chemicals/" + chemical + "/label").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"signalWord":"危险","pictograms":["GHS02","ghs06"],"hazardStatements":"高度易燃液体和蒸气；吞咽会中毒",
                         "precautions":"远离热源、火花、明火","firstAid":"食入：饮足量温水，催吐，就医","fireFighting":"用抗溶性泡沫、干粉灭火",
                         "leakHandling":"消除所有点火源，用砂土吸收"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pictograms[1]").value("GHS06"));
    }

    String product(Role role, UUID enterprise) throws Exception {
        var user = role == Role.ENTERPRISE_USER ? scopes.b.user(role) : org.anjian.TestUsers.user(role);
        String body = mvc.perform(post("/api/v1/chemical-products").with(as(user)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","chemicalId":"%s","productName":"工业甲醇","specification":"优等品 ≥99.9%%","roles":["STORED","SOLD"],
                         "emergencyPhone":"023-47551234"}""".formatted(enterprise, chemical)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", matchesPattern("[A-Z2-7]{16}")))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        return body;
    }

    @Test
    void theEnterpriseRegistersAProductWhoseCodeOpensTheLabelAndNothingPrivate() throws Exception {
        // a unit with stock and 包保责任人 of the same enterprise: none of it may show on the public page
        mvc.perform(post("/api/v1/chemical-units").with(as(scopes.b.user(Role.ENTERPRISE_USER))).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","name":"甲醇储罐区","kind":"STORAGE","peopleWithin500m":36,"inventories":[{"name":"甲醇","tonnes":987.65}],
                         "custodians":{"principal":{"name":"欧阳主任","phone":"13811112222"},"technical":{"name":"司马工","phone":"13811113333"},
                                       "operational":{"name":"上官班长","phone":"13811114444"}}}""".formatted(scopes.b.enterpriseId())))
                .andExpect(status().isCreated());
        String body = product(Role.ENTERPRISE_USER, scopes.b.enterpriseId());
        String id = JsonPath.read(body, "$.id");
        String code = JsonPath.read(body, "$.code");
        assertThat(code).isNotEqualTo(id).doesNotContain(id.substring(0, 8).toUpperCase());

        String html = mvc.perform(get("/public/chemicals/" + code)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("工业甲醇", "1230", "危险", "GHS02", "GHS06", "高度易燃液体和蒸气", "远离热源", "食入：饮足量温水", "抗溶性泡沫",
                "消除所有点火源", "023-47551234", "易燃液体，类别2", "重庆范围测试");
        // nothing private: no stock, no unit, no people, no address, no legal representative, no registry phone
        assertThat(html).doesNotContain("987.65", "甲醇储罐区", "欧阳主任", "司马工", "上官班长", "138111", "江津区测试路", "张三", "023-47520000",
                scopes.b.enterpriseId().toString(), id);
        // the code is case-insensitive for people who type it; an unknown one is a Chinese 404 page
        mvc.perform(get("/public/chemicals/" + code.toLowerCase())).andExpect(status().isOk());
        String missing = mvc.perform(get("/public/chemicals/AAAAAAAAAAAAAAAA")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("未找到该产品");
        mvc.perform(get("/public/chemicals/" + id)).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/chemical-products/" + id + "/qr.png").with(as(scopes.b.user(Role.ENTERPRISE_USER))))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG));
        byte[] pdf = mvc.perform(get("/api/v1/chemical-products/" + id + "/label.pdf").with(as(scopes.b.user(Role.TOWN_OFFICIAL))))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(audits("CHEMICAL_PRODUCT_CREATED", id)).isEqualTo(1);
    }

    @Test
    void anotherEnterprisesProductIsNotFoundForEveryReadAndWrite() throws Exception {
        String id = JsonPath.read(product(Role.DISTRICT_ADMIN, scopes.b.enterpriseId()), "$.id");
        var outsider = scopes.a.user(Role.ENTERPRISE_USER);
        var otherTown = scopes.a.user(Role.TOWN_OFFICIAL);
        for (String path : new String[] {"", "/qr.png", "/label.pdf", "/msds"}) {
            mvc.perform(get("/api/v1/chemical-products/" + id + path).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/chemical-products/" + id + path).with(as(otherTown))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/chemical-products/" + id + "/withdrawal").with(as(outsider)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"停产\"}")).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/chemical-products/" + id + "/msds").file(new MockMultipartFile("file", "msds.pdf", "application/pdf", PDF))
                .with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/chemical-products").with(as(outsider)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","chemicalId":"%s","productName":"冒名","roles":["STORED"],"emergencyPhone":"023-47551234"}"""
                .formatted(scopes.b.enterpriseId(), chemical))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/chemical-products").param("enterpriseId", scopes.b.enterpriseId().toString()).with(as(outsider)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/chemical-products").param("enterpriseId", scopes.b.enterpriseId().toString())
                .with(as(scopes.b.user(Role.DEPARTMENT_OFFICIAL)))).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aWithdrawnProductsCodeSaysSoWithItsDateAndWithdrawalIsFinal() throws Exception {
        String body = product(Role.ENTERPRISE_USER, scopes.b.enterpriseId());
        String id = JsonPath.read(body, "$.id");
        String code = JsonPath.read(body, "$.code");
        var owner = scopes.b.user(Role.ENTERPRISE_USER);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        mvc.perform(post("/api/v1/chemical-products/" + id + "/withdrawal").with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"停产\",\"withdrawnOn\":\"%s\"}".formatted(today.plusDays(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("withdrawnOn"));
        mvc.perform(post("/api/v1/chemical-products/" + id + "/withdrawal").with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        LocalDate on = today.minusDays(3);
        mvc.perform(post("/api/v1/chemical-products/" + id + "/withdrawal").with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"停产，产品退出市场\",\"withdrawnOn\":\"%s\"}".formatted(on)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN")).andExpect(jsonPath("$.withdrawnOn").value(on.toString()));
        mvc.perform(post("/api/v1/chemical-products/" + id + "/withdrawal").with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"再次\"}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/chemical-products/" + id).with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                {"chemicalId":"%s","productName":"改名","roles":["STORED"],"emergencyPhone":"023-47551234"}""".formatted(chemical)))
                .andExpect(status().isConflict());

        String html = mvc.perform(get("/public/chemicals/" + code)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("该产品已停用", on.getYear() + "年" + on.getMonthValue() + "月" + on.getDayOfMonth() + "日");
        assertThat(audits("CHEMICAL_PRODUCT_WITHDRAWN", id)).isEqualTo(1);
    }

    @Test
    void theSafetyDataSheetIsAPdfByItsBytesAtMostTenMegabytesAndAudited() throws Exception {
        String id = JsonPath.read(product(Role.ENTERPRISE_USER, scopes.b.enterpriseId()), "$.id");
        var owner = scopes.b.user(Role.ENTERPRISE_USER);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        // a PNG named .pdf and declared application/pdf is still a PNG
        mvc.perform(multipart("/api/v1/chemical-products/" + id + "/msds").file(new MockMultipartFile("file", "msds.pdf", "application/pdf", png))
                        .with(as(owner)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        // a PDF header without the end-of-file marker (a truncated upload) is refused too
        mvc.perform(multipart("/api/v1/chemical-products/" + id + "/msds")
                        .file(new MockMultipartFile("file", "msds.pdf", "application/pdf", "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII)))
                        .with(as(owner)))
                .andExpect(status().isBadRequest());
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, 9);
        System.arraycopy(PDF, PDF.length - 6, big, big.length - 6, 6);
        mvc.perform(multipart("/api/v1/chemical-products/" + id + "/msds").file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .with(as(owner)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(get("/api/v1/chemical-products/" + id + "/msds").with(as(owner))).andExpect(status().isNotFound());

        mvc.perform(multipart("/api/v1/chemical-products/" + id + "/msds").file(new MockMultipartFile("file", "../甲醇MSDS.pdf", "text/plain", PDF))
                .with(as(owner))).andExpect(status().isCreated()).andExpect(jsonPath("$.fileName").value("甲醇MSDS.pdf"));
        mvc.perform(get("/api/v1/chemical-products/" + id + "/msds").with(as(scopes.b.user(Role.TOWN_OFFICIAL))))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("X-Content-Type-Options", "nosniff")).andExpect(content().bytes(PDF));
        assertThat(audits("CHEMICAL_MSDS_UPLOADED", id)).isEqualTo(1);

        // the catalogue's own sheet: the district only
        mvc.perform(multipart("/api/v1/chemicals/" + chemical + "/msds").file(new MockMultipartFile("file", "c.pdf", "application/pdf", PDF))
                .with(as(owner))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/chemicals/" + chemical + "/msds").file(new MockMultipartFile("file", "c.pdf", "application/pdf", PDF))
                .with(as(Role.DISTRICT_ADMIN))).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/chemicals/" + chemical + "/msds").with(as(Role.INSPECTOR))).andExpect(status().isOk());
        assertThat(audits("CHEMICAL_MSDS_UPLOADED", chemical)).isEqualTo(1);
    }

    @Test
    void aProductNamesItsMissingFields() throws Exception {
        mvc.perform(post("/api/v1/chemical-products").with(as(scopes.b.user(Role.ENTERPRISE_USER))).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","chemicalId":"%s","productName":"","roles":["BURNED"],"emergencyPhone":"call us"}"""
                        .formatted(scopes.b.enterpriseId(), UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("chemicalId"))
                .andExpect(jsonPath("$.errors[1].field").value("productName"))
                .andExpect(jsonPath("$.errors[2].field").value("roles"))
                .andExpect(jsonPath("$.errors[3].field").value("emergencyPhone"));
        mvc.perform(put("/api/v1/chemicals/" + chemical + "/label").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signalWord\":\"小心\",\"pictograms\":[\"GHS10\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signalWord")).andExpect(jsonPath("$.errors[1].field").value("pictograms"));
        mvc.perform(put("/api/v1/chemicals/" + chemical + "/label").with(as(scopes.b.user(Role.ENTERPRISE_USER))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"signalWord\":\"警告\"}")).andExpect(status().isForbidden());
        assertThat(audits("CHEMICAL_LABEL_UPDATED", chemical)).isEqualTo(1);
    }

    long audits(String action, String entityId) {
        return jdbc.sql("select count(*) from identity_audit_entry where action = :action and entity_id = :id")
                .param("action", action).param("id", entityId).query(Long.class).single();
    }
}
