package org.anjian.organization;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Maps draw the district's and towns' outlines from the server, so they need no tile server (CMD-1, pages issue #9). */
@AnjianIntegrationTest
class RegionOutlinesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired DistrictProperties district;
    static final JsonMapper json = JsonMapper.builder().build();

    JsonNode outlines() throws Exception {
        // pages fetch the same bytes with their session
        mvc.perform(get("/maps/outlines.geojson").with(as(Role.ENTERPRISE_USER))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"));
        String body = mvc.perform(get("/api/v1/regions/outlines").with(as(Role.ENTERPRISE_USER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/geo+json")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void oneDistrictOutlineAndOneOutlinePerTownOfTheReferenceData() throws Exception {
        JsonNode geo = outlines();
        assertThat(geo.path("type").asString()).isEqualTo("FeatureCollection");
        List<String> districts = new ArrayList<>();
        List<String> towns = new ArrayList<>();
        for (JsonNode f : geo.path("features")) {
            assertThat(f.path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
            (f.path("properties").path("kind").asString().equals("DISTRICT") ? districts : towns).add(f.path("properties").path("name").asString());
        }
        assertThat(districts).hasSize(1);
        Set<String> directoryTowns = organization.towns().stream().map(Region::name).collect(Collectors.toSet());
        assertThat(towns).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(directoryTowns);
    }

    /** The outline and the configured map centre describe the same place: a map opens inside its district. */
    @Test
    void theDistrictOutlineContainsWhereTheMapOpensAndNotAPointOutside() throws Exception {
        JsonNode ring = null;
        for (JsonNode f : outlines().path("features")) {
            if (f.path("properties").path("kind").asString().equals("DISTRICT")) {
                ring = f.path("geometry").path("coordinates").path(0);
            }
        }
        assertThat(ring).isNotNull();
        assertThat(inside(ring, district.map().longitude(), district.map().latitude())).isTrue();
        // 主城 (渝中区), some 50 km north-east, is not in 江津区
        assertThat(inside(ring, 106.57, 29.56)).isFalse();
    }

    @Test
    void aTownUsersMapIsOutlinedAndZoomedToItsTownTheDistrictsIsNot() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        mvc.perform(get("/enterprises/map").with(as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id())))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-town=\"双福街道\"")));
        mvc.perform(get("/enterprises/map").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-town="))));
    }

    /** Ray casting on a GeoJSON ring of [lon, lat] pairs. */
    static boolean inside(JsonNode ring, double lon, double lat) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i).get(0).asDouble(), yi = ring.get(i).get(1).asDouble();
            double xj = ring.get(j).get(0).asDouble(), yj = ring.get(j).get(1).asDouble();
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}
