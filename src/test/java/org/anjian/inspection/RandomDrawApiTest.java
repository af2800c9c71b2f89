package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.domain.RandomDraw;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ENF-2 on the API: reproducible, re-runnable from the published snapshot, conflicts honoured,
 * published. Each test runs in a transaction that is rolled back, so its towns, enterprises and
 * inspectors do not leak into other tests' pools.
 */
@AnjianIntegrationTest
@org.springframework.transaction.annotation.Transactional
class RandomDrawApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired UserManagement users;
    @Autowired UserDirectory directory;

    @BeforeEach
    void inspectors() {
        for (int i = 0; i < 3; i++) {
            users.create(new NewUser("draw" + UUID.randomUUID().toString().substring(0, 8), "抽查执法员", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                    ScopeKind.DISTRICT, null, null, "渝执 D" + i));
        }
    }

    /** A town of its own, so that the draw's pool holds exactly this test's enterprises. */
    Region newTown() throws Exception {
        String code = "500116" + (100000 + new java.util.Random().nextInt(900000));
        String body = mvc.perform(post("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"抽查测试镇%s\",\"kind\":\"TOWN\",\"parentId\":\"%s\",\"latitude\":29.0,\"longitude\":106.3}"
                                .formatted(code, code, organization.district().id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return organization.region(UUID.fromString(JsonPath.read(body, "$.id"))).orElseThrow();
    }

    UUID enterprise(Region town, String sector, String subSector) throws Exception {
        String code = newCreditCode();
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆抽查%s有限公司","townId":"%s","sector":"%s","subSector":"%s","scale":"SMALL_MICRO",
                         "employees":12,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id(), sector, subSector)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    String draw(String regionId, String sector, int count, String seed) {
        return """
                {"title":"2026 年第 4 季度危化品双随机抽查","pool":{"sector":"%s","regionId":"%s"},"count":%d%s}"""
                .formatted(sector, regionId, count, seed == null ? "" : ",\"seed\":\"" + seed + "\"");
    }

    @Test
    void theSameSeedAndPoolGiveTheSameDrawAndAnyoneCanReRunIt() throws Exception {
        Region town = newTown();
        for (int i = 0; i < 4; i++) {
            enterprise(town, "HAZCHEM", "HAZCHEM_TRADE");
        }
        String first = mvc.perform(post("/api/v1/random-draws").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(draw(town.id().toString(), "HAZCHEM", 2, "公开种子-2026-Q4")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.seed").value("公开种子-2026-Q4"))
                .andExpect(jsonPath("$.algorithm").value(RandomDraw.ALGORITHM))
                .andExpect(jsonPath("$.result.length()").value(2))
                .andExpect(jsonPath("$.result[0].inspectorIds.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/v1/random-draws").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(draw(town.id().toString(), "HAZCHEM", 2, "公开种子-2026-Q4")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(second, "$.result")).isEqualTo(JsonPath.read(first, "$.result"));

        String id = JsonPath.read(first, "$.id");
        String detail = mvc.perform(get("/api/v1/random-draws/" + id).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.poolSnapshot.enterpriseIds.length()").value(4)).andReturn().getResponse().getContentAsString();
        List<UUID> pool = JsonPath.<List<String>>read(detail, "$.poolSnapshot.enterpriseIds").stream().map(UUID::fromString).toList();
        List<UUID> inspectors = JsonPath.<List<String>>read(detail, "$.poolSnapshot.inspectorIds").stream().map(UUID::fromString).toList();
        RandomDraw.Outcome rerun = RandomDraw.draw(pool, 2, inspectors, (i, e) -> false, 2, "公开种子-2026-Q4");
        assertThat(rerun.assignments().get(0).enterpriseId().toString()).isEqualTo(JsonPath.read(first, "$.result[0].enterpriseId"));
        assertThat(rerun.assignments().get(1).inspectorIds().stream().map(UUID::toString).toList())
                .isEqualTo(JsonPath.read(first, "$.result[1].inspectorIds"));

        mvc.perform(get("/api/v1/public/random-draws")).andExpect(status().isOk()).andExpect(content().string(containsString(id)));
        mvc.perform(get("/public/random-draws")).andExpect(status().isOk()).andExpect(content().string(containsString("公开种子-2026-Q4")));
        // issue 19 #5: the public reads how the draw was made in Chinese (English in the en locale), not the algorithm's code
        String page = mvc.perform(get("/public/random-draws")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("以公布的随机种子生成 SHA-256 计数随机数").doesNotContain(">" + RandomDraw.ALGORITHM + "<").doesNotContain("Fisher-Yates");
        assertThat(mvc.perform(get("/public/random-draws").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("partial Fisher-Yates over the pool sorted by id").doesNotContain(">" + RandomDraw.ALGORITHM + "<");
    }

    @Test
    void aSeedIsGeneratedAndRecordedWhenNoneIsGiven() throws Exception {
        Region town = newTown();
        enterprise(town, "HAZCHEM", "HAZCHEM_TRADE");
        mvc.perform(post("/api/v1/random-draws").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(draw(town.id().toString(), "HAZCHEM", 1, null)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.seed").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}")));
    }

    @Test
    void anEnterpriseWithOnlyOneEligibleInspectorIsNamedAndNothingIsDrawn() throws Exception {
        Region town = newTown();
        UUID blocked = enterprise(town, "HAZCHEM", "HAZCHEM_STORAGE");
        List<UserSummary> all = directory.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enabled() && u.enforcementCertNo() != null).toList();
        for (UserSummary u : all.subList(1, all.size())) {
            mvc.perform(post("/api/v1/inspection-conflicts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"inspectorId\":\"%s\",\"enterpriseId\":\"%s\",\"kind\":\"FORMER_EMPLOYER\"}".formatted(u.id(), blocked)))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/random-draws").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(draw(town.id().toString(), "HAZCHEM", 1, "blocked")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("inspection.draw.shortage"))
                .andExpect(jsonPath("$.shortages[0].enterpriseId").value(blocked.toString()))
                .andExpect(jsonPath("$.shortages[0].eligibleInspectors").value(1));
    }

    @Test
    void badRequestsAndOtherRolesAreRefused() throws Exception {
        Region town = newTown();
        enterprise(town, "FIREWORKS", "FIREWORKS_RETAIL");
        mvc.perform(post("/api/v1/random-draws").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(draw(town.id().toString(), "FIREWORKS", 5, "x")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("count"));
        mvc.perform(post("/api/v1/random-draws").with(as(Role.TOWN_OFFICIAL)).contentType(MediaType.APPLICATION_JSON)
                        .content(draw(town.id().toString(), "FIREWORKS", 1, "x")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inspection-conflicts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectorId\":\"%s\",\"enterpriseId\":\"%s\",\"kind\":\"COUSIN\"}".formatted(UUID.randomUUID(), UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("inspectorId", "enterpriseId", "kind")));
    }
}
