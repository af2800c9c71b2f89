package org.anjian.governance;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** 举一反三: a problem spawns the same check in other towns, or at the other enterprises of its sector within the caller's scope. */
@AnjianIntegrationTest
class ProblemFollowUpTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired org.anjian.enterprise.EnterpriseLookup registry;

    final AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
    final String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20).toString();

    UUID problem(AnjianUser by, String ownerJson) throws Exception {
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/problems").with(as(by)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"listCode":"MAJOR_HAZARD","title":"除尘系统未按规定清灰","description":"灰斗积尘","deadline":"%s",%s}""".formatted(deadline, ownerJson)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    @Test
    void threeChosenTownsGetThreeFollowUpsEachOwnedByItsTownAndEveryOtherTownWhenNoneIsChosen() throws Exception {
        List<Region> towns = organization.towns();
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        UUID origin = problem(admin, "\"ownerKind\":\"TOWN\",\"townId\":\"%s\"".formatted(shuangfu.id()));
        List<Region> three = towns.stream().filter(t -> !t.id().equals(shuangfu.id())).limit(3).toList();
        String created = mvc.perform(post("/api/v1/problems/" + origin + "/follow-ups").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\":\"OTHER_TOWNS\",\"townIds\":[\"%s\",\"%s\",\"%s\",\"%s\"],\"deadline\":\"%s\"}"
                                .formatted(three.get(0).id(), three.get(1).id(), three.get(2).id(), shuangfu.id(), deadline)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<String> owners = JsonPath.read(created, "$[*].ownerName");
        assertThat(owners).containsExactlyInAnyOrderElementsOf(three.stream().map(Region::name).toList());
        assertThat((List<String>) JsonPath.read(created, "$[*].originProblemId")).containsOnly(origin.toString());
        assertThat((List<String>) JsonPath.read(created, "$[*].deadline")).containsOnly(deadline);
        assertThat((List<String>) JsonPath.read(created, "$[*].title")).containsOnly("举一反三：除尘系统未按规定清灰");

        // the family shows on the problem (the origin first) and on each follow-up
        String detail = mvc.perform(get("/api/v1/problems/" + origin).with(as(admin))).andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(detail, "$.family")).hasSize(4);
        assertThat((String) JsonPath.read(detail, "$.family[0].id")).isEqualTo(origin.toString());
        String followUp = JsonPath.read(created, "$[0].id");
        String page = mvc.perform(get("/problems/" + followUp).with(as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"problem-family\"", three.get(0).name(), three.get(2).name(), "双福街道");
        // one of the three towns sees its own follow-up and the family as far as its scope reaches: itself
        AnjianUser third = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, three.get(2).id()));
        String seen = mvc.perform(get("/api/v1/problems/" + JsonPath.read(created, "$[2].id")).with(as(third))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(seen, "$.family[*].ownerName")).containsExactly(three.get(2).name());

        UUID second = problem(admin, "\"ownerKind\":\"TOWN\",\"townId\":\"%s\"".formatted(shuangfu.id()));
        String all = mvc.perform(post("/api/v1/problems/" + second + "/follow-ups").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"target\":\"OTHER_TOWNS\",\"deadline\":\"%s\"}".formatted(deadline))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(all, "$")).hasSize(towns.size() - 1).hasSize(29);
    }

    @Test
    void aTownFollowsUpOnlyAtTheEnterprisesOfTheSectorInItsOwnTownAndNeverInOtherTowns() throws Exception {
        Region bailin = organization.regionByName("柏林镇").orElseThrow();
        Region xianfeng = organization.regionByName("先锋镇").orElseThrow();
        UUID first = GovernanceTestData.enterprise(mvc, bailin, "INDUSTRY_TRADE", "TEXTILE");
        UUID second = GovernanceTestData.enterprise(mvc, bailin, "INDUSTRY_TRADE", "LIGHT_INDUSTRY");
        UUID third = GovernanceTestData.enterprise(mvc, bailin, "INDUSTRY_TRADE", "MACHINERY");
        GovernanceTestData.enterprise(mvc, bailin, "HAZCHEM", "HAZCHEM_USE");
        GovernanceTestData.enterprise(mvc, xianfeng, "INDUSTRY_TRADE", "TEXTILE");
        AnjianUser town = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, bailin.id()));
        UUID origin = problem(town, "\"ownerKind\":\"ENTERPRISE\",\"enterpriseId\":\"%s\"".formatted(first));

        // other towns are the district's call
        mvc.perform(post("/api/v1/problems/" + origin + "/follow-ups").with(as(town)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"target\":\"OTHER_TOWNS\",\"deadline\":\"%s\"}".formatted(deadline))).andExpect(status().isForbidden());
        String created = mvc.perform(post("/api/v1/problems/" + origin + "/follow-ups").with(as(town)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\":\"SAME_SECTOR\",\"deadline\":\"%s\"}".formatted(deadline)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<String> enterprises = JsonPath.read(created, "$[*].enterpriseId");
        // every other 工贸 enterprise of 柏林镇 (other tests register some there too), the two made here among them;
        // never the 危化 one beside them nor the 工贸 one in 先锋镇
        List<String> expected = registry.pool(org.anjian.enterprise.Sector.INDUSTRY_TRADE, null, null).stream()
                .filter(e -> bailin.id().equals(e.townId()) && !e.id().equals(first)).map(e -> e.id().toString()).toList();
        assertThat(enterprises).containsExactlyInAnyOrderElementsOf(expected).contains(second.toString(), third.toString());
        assertThat((List<String>) JsonPath.read(created, "$[*].ownerKind")).containsOnly("ENTERPRISE");
        // another town cannot even find the problem to follow it up
        AnjianUser other = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, xianfeng.id()));
        mvc.perform(post("/api/v1/problems/" + origin + "/follow-ups").with(as(other)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"target\":\"SAME_SECTOR\",\"deadline\":\"%s\"}".formatted(deadline))).andExpect(status().isNotFound());
    }
}
