package org.anjian.inspection.internal;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.enterprise.EnterpriseUpdated;
import org.anjian.enterprise.Sector;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ADR 0009: an enterprise that moves town takes its planned and on-site inspections with it; a finished inspection stays where it was done. */
@AnjianIntegrationTest
class InspectionsFollowTheirEnterpriseTest {

    static final String FORM = """
            {"creditCode":"%s","name":"%s","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"COMMERCE",
             "scale":"SMALL_MICRO","employees":6,"status":"PRODUCING","flags":[]}""";

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired UserManagement users;
    @Autowired InspectionEnterpriseCopies copies;
    @Autowired DistrictProperties district;
    @Autowired JdbcClient jdbc;

    UUID town(String name) {
        return organization.regionByName(name).orElseThrow().id();
    }

    UUID register(String code, String name, UUID town) throws Exception {
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(FORM.formatted(code, name, town)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    AnjianUser inspector() {
        var s = users.create(new NewUser("move" + UUID.randomUUID().toString().substring(0, 8), "迁移执法", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 M" + UUID.randomUUID().toString().substring(0, 5)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    UUID plan(UUID enterprise) throws Exception {
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        LocalDate on = LocalDate.now(district.zone()).plusDays(3);
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\",\"reason\":\"COMPLAINT\"}"
                                .formatted(enterprise, a.id(), b.id(), on)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    UUID townOf(UUID inspection) {
        return jdbc.sql("select town_id from inspection_inspection where id = ?").param(inspection).query(UUID.class).single();
    }

    @Test
    void aPlannedInspectionFollowsItsEnterpriseToItsNewTownAndAFinishedOneStaysWhereItWasDone() throws Exception {
        UUID shuangfu = town("双福街道");
        UUID degan = town("德感街道");
        String code = newCreditCode();
        UUID shop = register(code, "重庆检查搬迁小商店" + code.substring(10, 14), shuangfu);
        UUID planned = plan(shop);
        UUID done = plan(shop);
        // finished before the move (the inspection's steps are another test's subject)
        jdbc.sql("update inspection_inspection set state = 'DONE', started_at = now(), finished_at = now() where id = ?").param(done).update();

        mvc.perform(put("/api/v1/enterprises/" + shop).with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(FORM.formatted(code, "重庆检查德感新店" + code.substring(10, 14), degan))).andExpect(status().isOk());

        eventually(() -> assertThat(townOf(planned)).isEqualTo(degan));
        assertThat(townOf(done)).isEqualTo(shuangfu);
    }

    @Test
    void aMoveDeliveredTwiceChangesNothingTheSecondTime() throws Exception {
        String code = newCreditCode();
        UUID shop = register(code, "重庆检查重投小商店" + code.substring(10, 14), town("双福街道"));
        UUID planned = plan(shop);
        EnterpriseUpdated moved = new EnterpriseUpdated(shop, "重庆检查重投小商店", town("德感街道"), null, Sector.INDUSTRY_TRADE);

        assertThat(copies.refresh(moved)).isEqualTo(1);
        assertThat(copies.refresh(moved)).isZero();
        assertThat(townOf(planned)).isEqualTo(town("德感街道"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where action = 'INSPECTION_ENTERPRISE_COPIED' and entity_id = ?")
                .param(shop.toString()).query(Long.class).single()).isEqualTo(1);
    }
}
