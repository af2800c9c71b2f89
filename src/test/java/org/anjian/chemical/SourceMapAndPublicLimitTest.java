package org.anjian.chemical;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The major hazard sources on the map carry their GB 18218-2018 grade and their enterprise's position,
 * within the reader's scope; the public label page answers 429 to an address walking through codes.
 */
@AnjianIntegrationTest
class SourceMapAndPublicLimitTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    @Test
    void aGradeOneSourceIsOnTheMapOfItsTownAndNotOfAnother() throws Exception {
        TwoScopes scopes = new TwoScopes(mvc, organization);
        // GB 18218-2018 table 1: 氯 Q = 5 t, β = 4 (table 3); 50 t → S = 10, α = 2.0 for ≥ 100 people (table 5): R = 2 × 4 × 10 = 80 → 二级;
        // 150 t → S = 30, R = 240 ≥ 100 → 一级
        String unit = mvc.perform(post("/api/v1/chemical-units").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","name":"液氯库","kind":"STORAGE","peopleWithin500m":120,"inventories":[{"name":"氯","tonnes":150}],
                         "custodians":{"principal":{"name":"王总"},"technical":{"name":"李工"},"operational":{"name":"赵班长"}}}"""
                        .formatted(scopes.b.enterpriseId())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(unit, "$.id");
        assertThat((Integer) JsonPath.read(unit, "$.grade")).isEqualTo(1);

        String own = mvc.perform(get("/api/v1/major-hazard-sources/map").with(as(scopes.b.user(Role.TOWN_OFFICIAL))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> grades = JsonPath.read(own, "$.points[?(@.id == '" + id + "')].grade");
        List<Double> lat = JsonPath.read(own, "$.points[?(@.id == '" + id + "')].lat");
        assertThat(grades).containsExactly(1);
        assertThat(lat.get(0)).isEqualTo(scopes.b.town().latitude());
        String byGrade = mvc.perform(get("/api/v1/major-hazard-sources/map").param("grade", "2").with(as(scopes.b.user(Role.TOWN_OFFICIAL))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byGrade).doesNotContain(id);

        String other = mvc.perform(get("/api/v1/major-hazard-sources/map").with(as(scopes.a.user(Role.TOWN_OFFICIAL))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain(id).doesNotContain(scopes.b.enterpriseId().toString());
        mvc.perform(get("/api/v1/major-hazard-sources/map").param("grade", "5").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isBadRequest());

        mvc.perform(get("/major-hazard-sources/map").param("enterpriseId", scopes.b.enterpriseId().toString()).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/major-hazard-sources/map/data?enterpriseId=" + scopes.b.enterpriseId())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-lat=\"29.1\"")));
    }

    @Test
    void anAddressWalkingThroughCodesIsStoppedAfterSixtyLookUps() throws Exception {
        String address = "10.99." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        RequestPostProcessor from = req -> {
            req.setRemoteAddr(address);
            return req;
        };
        for (int i = 0; i < 60; i++) {
            mvc.perform(get("/public/chemicals/" + ("A".repeat(15) + (char) ('A' + i % 26))).with(from)).andExpect(status().isNotFound());
        }
        // refilled at 30 a minute while the loop ran (a token each 2 s of the wall clock), so a few more may pass, then none
        int more = 0;
        while (more < 10 && mvc.perform(get("/public/chemicals/AAAAAAAAAAAAAAAB").with(from)).andReturn().getResponse().getStatus() == 404) {
            more++;
        }
        assertThat(more).as("look-ups past the 60 before 429").isLessThan(10);
        String refused = mvc.perform(get("/public/chemicals/AAAAAAAAAAAAAAAB").with(from)).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("429");
        // another address is not held up
        mvc.perform(get("/public/chemicals/AAAAAAAAAAAAAAAB").with(req -> {
            req.setRemoteAddr("10.98.0." + Math.floorMod(UUID.randomUUID().hashCode(), 250));
            return req;
        })).andExpect(status().isNotFound());
    }
}
