package org.anjian.enterprise.web;

import static org.anjian.enterprise.EnterpriseTestData.admin;
import static org.anjian.enterprise.EnterpriseTestData.as;
import static org.anjian.enterprise.EnterpriseTestData.enterpriseUser;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.anjian.enterprise.EnterpriseTestData.user;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.enterprise.domain.RuleSet;
import org.anjian.enterprise.internal.ClassificationService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@EnterpriseIntegrationTest
class EnterpriseClassificationApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationDirectory organization;
    @Autowired
    ClassificationService classification;
    @Autowired
    JsonMapper json;

    @Test
    void theClassificationListsFiredRulesAndARuleChangeChangesTheClassAfterReclassification() throws Exception {
        Region town = organization.regionByName("白沙镇").orElseThrow();
        String body = """
                {"creditCode":"%s","name":"重庆白沙铸造有限公司","townId":"%s","latitude":29.08,"longitude":106.13,"sector":"INDUSTRY_TRADE",
                 "subSector":"METALLURGY","scale":"ABOVE_SIZE","employees":300,"status":"PRODUCING",
                 "flags":["MOLTEN_METAL","DUST_EXPLOSION","METAL_SMELTING"]}""".formatted(newCreditCode(), town.id());
        String id = JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        // STD-1: the grade is the standardization module's, no longer typed in; it arrives as a fact
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification-inputs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standardizationGrade\":\"LEVEL_3\",\"accidentsIn3Years\":0,\"openMajorHazards\":0,\"enforcementCount\":0,\"majorHazardSources\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("standardizationGrade")));
        java.util.Map<UUID, String> grades = new java.util.HashMap<>();
        grades.put(UUID.fromString(id), "LEVEL_3");
        tx.executeWithoutResult(s -> events.publishEvent(new Graded(grades)));
        org.anjian.Eventually.eventually(() -> mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(admin()))
                .andExpect(jsonPath("$.firedRules[?(@.code == 'STANDARDIZATION_LEVEL_3')].points").value(hasItem(-5))));

        // 5 sector + 10 size + 15 molten + 15 dust + 10 smelting − 5 grade = 50 → B under the rule set in force
        RuleSet current = classification.currentRuleSet();
        int moltenPoints = current.rules().stream().filter(r -> r.code().equals("MOLTEN_METAL")).findFirst().orElseThrow().points();
        mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firedRules[*].code").value(hasItem("MOLTEN_METAL")))
                .andExpect(jsonPath("$.firedRules[?(@.code == 'MOLTEN_METAL')].points").value(hasItem(moltenPoints)))
                .andExpect(jsonPath("$.firedRules[?(@.code == 'MOLTEN_METAL')].description").value(hasItem("风险标识：涉高温熔融金属")))
                .andExpect(jsonPath("$.firedRules[?(@.code == 'STANDARDIZATION_LEVEL_3')].points").value(hasItem(-5)));
        String before = JsonPath.read(mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(admin()))
                .andReturn().getResponse().getContentAsString(), "$.supervisionClass");
        int score = JsonPath.read(mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(admin()))
                .andReturn().getResponse().getContentAsString(), "$.score");

        // raise molten metal so the score crosses A's threshold
        int needed = current.thresholds().get(org.anjian.enterprise.SupervisionClass.A) - score;
        String rules = json.writeValueAsString(current.rules().stream()
                .map(r -> r.code().equals("MOLTEN_METAL") ? new RuleSet.Rule(r.code(), r.kind(), r.parameter(), r.points() + Math.max(needed, 1), null, true) : r)
                .toList());
        mvc.perform(put("/api/v1/enterprises/rule-set").with(as(user(Role.INSPECTOR, DataScope.DISTRICT))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rules\":" + rules + ",\"note\":\"inspector may not\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/enterprises/rule-set").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rules\":" + rules + ",\"note\":\"熔融金属加分\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(current.version() + 1));
        // not yet: the class changes at reclassification
        mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(admin())).andExpect(jsonPath("$.supervisionClass").value(before));
        mvc.perform(post("/api/v1/enterprises/reclassification").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/" + id + "/classification").with(admin()))
                .andExpect(jsonPath("$.supervisionClass").value("A"))
                .andExpect(jsonPath("$.ruleSetVersion").value(current.version() + 1))
                .andExpect(jsonPath("$.inspectionsPerYear").value(4))
                .andExpect(jsonPath("$.history.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
    }

    @Test
    void anOpenMajorHazardForcesClassAAndOnlyRegulatorsSetInputs() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        String body = """
                {"creditCode":"%s","name":"重庆双福商贸有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"COMMERCE",
                 "scale":"SMALL_MICRO","employees":8,"status":"PRODUCING","flags":[]}""".formatted(newCreditCode(), town.id());
        String id = JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String inputs = "{\"openMajorHazards\":1}";
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification-inputs").with(enterpriseUser(UUID.fromString(id)))
                .contentType(MediaType.APPLICATION_JSON).content(inputs)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification-inputs").with(admin()).contentType(MediaType.APPLICATION_JSON).content(inputs))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supervisionClass").value("A"))
                .andExpect(jsonPath("$.firedRules[?(@.code == 'OPEN_MAJOR_HAZARD')].forcesClass").value(hasItem("A")));
        mvc.perform(put("/api/v1/enterprises/" + id + "/classification-inputs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standardizationGrade\":\"LEVEL_9\",\"accidentsIn3Years\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("standardizationGrade")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("accidentsIn3Years")));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** What the standardization module publishes, as the registry sees it. */
    record Graded(java.util.Map<UUID, String> currentGrades) implements org.anjian.enterprise.StandardizationGradeTally {
    }
    @Autowired
    org.anjian.enterprise.EnterpriseLookup lookup;

    @Test
    void theNightlyRunPicksUpInputsThatChangedWithoutAReclassificationAndRecordsTheHistory() throws Exception {
        Region town = organization.regionByName("油溪镇").orElseThrow();
        String body = """
                {"creditCode":"%s","name":"重庆油溪纺织有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"TEXTILE",
                 "scale":"SMALL_MICRO","employees":20,"status":"PRODUCING","flags":[]}""".formatted(newCreditCode(), town.id());
        UUID id = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        assertThat(lookup.find(id).orElseThrow().supervisionClass()).isEqualTo(org.anjian.enterprise.SupervisionClass.D);
        // an input written behind the service's back, as an event listener of another module would
        jdbc.update("update ent_enterprise set accidents_3y = 2 where id = ?", id);
        classification.nightly();
        assertThat(lookup.find(id).orElseThrow().supervisionClass()).isEqualTo(org.anjian.enterprise.SupervisionClass.A);
        assertThat(classification.history(id)).extracting(ClassificationService.Record::trigger).containsSubsequence("NIGHTLY", "REGISTERED");
        // the facade answers by scope: the town sees it, another town does not
        assertThat(lookup.inScope(new DataScope(org.anjian.shared.security.ScopeKind.REGION, town.id()), id)).isTrue();
        assertThat(lookup.inScope(new DataScope(org.anjian.shared.security.ScopeKind.REGION,
                organization.regionByName("双福街道").orElseThrow().id()), id)).isFalse();
        assertThat(lookup.inScope(new DataScope(org.anjian.shared.security.ScopeKind.ENTERPRISE, UUID.randomUUID()), id)).isFalse();
    }
}
