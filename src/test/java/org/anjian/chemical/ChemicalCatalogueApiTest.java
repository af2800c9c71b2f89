package org.anjian.chemical;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CHM-1: the district keeps the catalogue, business roles read it, every change is audited. */
@AnjianIntegrationTest
class ChemicalCatalogueApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void theDistrictAddsAndFlagsAChemicalAndEveryChangeIsAudited() throws Exception {
        String name = "氯-" + UUID.randomUUID().toString().substring(0, 8);
        // the demo loader of other tests may have made products of the demo catalogue's chlorine
        jdbc.sql("delete from chemical_product where chemical_id in (select id from chemical_chemical where cas = '7782-50-5')").update();
        jdbc.sql("delete from chemical_chemical where cas = '7782-50-5'").update();
        String body = mvc.perform(post("/api/v1/chemicals").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","cas":"7782-50-5","unNumber":"1017","hazardClasses":["加压气体","急性毒性-吸入，类别2"],"keySupervised":true}"""
                        .formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.keySupervised").value(true))
                .andExpect(jsonPath("$.hazardClasses[1]").value("急性毒性-吸入，类别2"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(put("/api/v1/chemicals/" + id).with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","cas":"7782-50-5","unNumber":"1017","restricted":true,"keySupervised":true}""".formatted(name)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.restricted").value(true));
        mvc.perform(get("/api/v1/chemicals").param("q", name).param("restricted", "true").with(as(Role.ENTERPRISE_USER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].unNumber").value("1017"));
        mvc.perform(get("/api/v1/chemicals").param("q", "7782-50-5").with(as(Role.TOWN_OFFICIAL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(id));

        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_type = 'chemical' and entity_id = :id").param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aWrongCasCheckDigitAndUnNumberAreNamed() throws Exception {
        mvc.perform(post("/api/v1/chemicals").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"氨\",\"cas\":\"7664-41-8\",\"unNumber\":\"10\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cas"))
                .andExpect(jsonPath("$.errors[1].field").value("unNumber"));
    }

    @Test
    void onlyTheDistrictKeepsTheCatalogue() throws Exception {
        mvc.perform(post("/api/v1/chemicals").with(as(Role.ENTERPRISE_USER)).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"氨\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/chemicals/" + UUID.randomUUID()).with(as(Role.INSPECTOR))).andExpect(status().isNotFound());
    }
}
