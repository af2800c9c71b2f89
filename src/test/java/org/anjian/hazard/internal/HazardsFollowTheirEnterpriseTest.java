package org.anjian.hazard.internal;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.enterprise.EnterpriseUpdated;
import org.anjian.enterprise.Sector;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardManagement;
import org.anjian.hazard.HazardSource;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ADR 0009: an enterprise that moves town takes its open hazards with it; a closed hazard keeps the town it was closed in. */
@AnjianIntegrationTest
class HazardsFollowTheirEnterpriseTest {

    static final String FORM = """
            {"creditCode":"%s","name":"%s","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"COMMERCE",
             "scale":"SMALL_MICRO","employees":6,"status":"PRODUCING","flags":[]}""";

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired HazardManagement hazards;
    @Autowired HazardEnterpriseCopies copies;
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

    UUID hazard(UUID enterprise) {
        return hazards.registerFrom(HazardSource.INSPECTION, "move-" + UUID.randomUUID(), enterprise, HazardGrade.GENERAL, "仓库",
                "灭火器过期", null, "张执法", Instant.now().plus(20, ChronoUnit.DAYS));
    }

    UUID townOf(UUID hazard) {
        return jdbc.sql("select town_id from hazard_hazard where id = ?").param(hazard).query(UUID.class).single();
    }

    List<String> idsSeenBy(UUID town, UUID enterprise) throws Exception {
        String body = mvc.perform(get("/api/v1/hazards?enterpriseId=" + enterprise).with(as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items[*].id");
    }

    @Test
    void anOpenHazardFollowsItsEnterpriseToItsNewTownAndAClosedOneStaysWhereItWasClosed() throws Exception {
        UUID shuangfu = town("双福街道");
        UUID degan = town("德感街道");
        String code = newCreditCode();
        UUID shop = register(code, "重庆搬迁小商店" + code.substring(10, 14), shuangfu);
        UUID open = hazard(shop);
        UUID closed = hazard(shop);
        // closed before the move (the loop's steps are another test's subject)
        jdbc.sql("update hazard_hazard set state = 'CLOSED', closed_at = now() where id = ?").param(closed).update();

        mvc.perform(put("/api/v1/enterprises/" + shop).with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(FORM.formatted(code, "重庆德感新店" + code.substring(10, 14), degan))).andExpect(status().isOk());

        eventually(() -> assertThat(townOf(open)).isEqualTo(degan));
        assertThat(jdbc.sql("select enterprise_name from hazard_hazard where id = ?").param(open).query(String.class).single())
                .startsWith("重庆德感新店");
        assertThat(townOf(closed)).isEqualTo(shuangfu);
        assertThat(idsSeenBy(degan, shop)).contains(open.toString()).doesNotContain(closed.toString());
        assertThat(idsSeenBy(shuangfu, shop)).doesNotContain(open.toString()).contains(closed.toString());
    }

    @Test
    void aMoveDeliveredTwiceChangesNothingTheSecondTime() throws Exception {
        String code = newCreditCode();
        UUID shop = register(code, "重庆重投小商店" + code.substring(10, 14), town("双福街道"));
        UUID open = hazard(shop);
        EnterpriseUpdated moved = new EnterpriseUpdated(shop, "重庆重投小商店", town("德感街道"), null, Sector.INDUSTRY_TRADE);

        assertThat(copies.refresh(moved)).isEqualTo(1);
        assertThat(copies.refresh(moved)).isZero();
        assertThat(townOf(open)).isEqualTo(town("德感街道"));
    }
}
