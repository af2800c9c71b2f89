package org.anjian.permit;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The demo puts permits in every state at the hazchem enterprises, and leaves the others alone. */
@AnjianIntegrationTest
class DemoPermitsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired PermitDemo demo;
    @Autowired JdbcClient jdbc;

    UUID enterprise(String sector, String subSector) throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆演示%s化工有限公司","townId":"%s","sector":"%s","subSector":"%s",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id(),
                        sector, subSector)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    @Test
    void permitsInEveryStateAtTheHazchemEnterprisesOnce() throws Exception {
        UUID trade = enterprise("INDUSTRY_TRADE", "BUILDING_MATERIALS");
        UUID chem1 = enterprise("HAZCHEM", "HAZCHEM_PRODUCTION");
        UUID chem2 = enterprise("HAZCHEM", "HAZCHEM_STORAGE");
        demo.load(List.of(trade, chem1, chem2));
        List<String> states = jdbc.sql("select distinct state from permit_work_permit where enterprise_id = ? order by state").param(chem1)
                .query(String.class).list();
        assertThat(states).containsExactlyInAnyOrder("DRAFT", "APPLIED", "APPROVED", "IN_PROGRESS", "SUSPENDED", "COMPLETED", "CLOSED", "CANCELLED",
                "EXPIRED");
        assertThat(count(trade)).isZero();
        assertThat(jdbc.sql("select count(*) from permit_work_permit where enterprise_id = ? and state in ('IN_PROGRESS', 'SUSPENDED')").param(chem2)
                .query(Long.class).single()).isPositive();
        long before = count(chem1);
        demo.load(new ArrayList<>(List.of(trade, chem1, chem2)));
        assertThat(count(chem1)).isEqualTo(before);
    }

    long count(UUID enterprise) {
        return jdbc.sql("select count(*) from permit_work_permit where enterprise_id = ?").param(enterprise).query(Long.class).single();
    }
}
