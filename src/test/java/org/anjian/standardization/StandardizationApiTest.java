package org.anjian.standardization;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TwoScopes;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** STD-1: apply → on-site review within an inspection → decision by the reviewing level → grade, revocation on a death accident, scope. */
@AnjianIntegrationTest
class StandardizationApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    TwoScopes scopes;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        scopes = new TwoScopes(mvc, organization);
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    ResultActions postJson(String path, AnjianUser user, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String apply(AnjianUser user, UUID enterprise, String level, String score, LocalDate on) throws Exception {
        String json = postJson("/api/v1/standardization/applications", user, """
                {"enterpriseId":"%s","level":"%s","selfScore":%s,"submittedOn":"%s"}""".formatted(enterprise, level, score, on))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("SUBMITTED")).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    String graded(UUID enterprise, String level, LocalDate decided) throws Exception {
        AnjianUser inspector = scopes.a.user(Role.INSPECTOR);
        String id = apply(scopes.a.user(Role.ENTERPRISE_USER), enterprise, level, "80", decided.minusDays(20));
        postJson("/api/v1/standardization/applications/" + id + "/onsite-review", inspector,
                "{\"score\":82.5,\"reviewedOn\":\"%s\",\"note\":\"现场评审\"}".formatted(decided.minusDays(5))).andExpect(status().isOk());
        postJson("/api/v1/standardization/applications/" + id + "/decision", inspector,
                "{\"granted\":true,\"decidedOn\":\"%s\",\"authority\":\"重庆市应急管理局\",\"documentNo\":\"渝应急标〔2026〕8号\"}".formatted(decided))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("GRADED"));
        return id;
    }

    @Test
    void anEnterpriseAppliesTheDistrictGradesThreeYearsAndTheRegistryFollows() throws Exception {
        UUID e = scopes.a.enterpriseId();
        AnjianUser own = scopes.a.user(Role.ENTERPRISE_USER);
        // 三级 needs 60 (2014 thresholds): 59.9 is refused with the field named
        postJson("/api/v1/standardization/applications", own, "{\"enterpriseId\":\"%s\",\"level\":\"LEVEL_3\",\"selfScore\":59.9}".formatted(e))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("selfScore")));
        String id = apply(own, e, "LEVEL_3", "60", today.minusDays(30));
        assertThat(JsonPath.<String>read(mvc.perform(get("/api/v1/standardization/applications/" + id).with(as(own)))
                .andReturn().getResponse().getContentAsString(), "$.reviewingLevel")).isEqualTo("DISTRICT");
        // a second open application is refused
        postJson("/api/v1/standardization/applications", own, "{\"enterpriseId\":\"%s\",\"level\":\"LEVEL_2\",\"selfScore\":80}".formatted(e))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("standardization.apply.open"));
        // deciding before the on-site review: 409 naming the state and the step
        AnjianUser inspector = scopes.a.user(Role.INSPECTOR);
        postJson("/api/v1/standardization/applications/" + id + "/decision", inspector, "{\"granted\":true}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("standardization.transition.refused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SUBMITTED")));
        // the enterprise and its town do not review
        postJson("/api/v1/standardization/applications/" + id + "/onsite-review", own, "{\"score\":70}").andExpect(status().isForbidden());
        postJson("/api/v1/standardization/applications/" + id + "/onsite-review", scopes.a.user(Role.TOWN_OFFICIAL), "{\"score\":70}")
                .andExpect(status().isForbidden());
        // 一体化: the on-site review names an inspection of this enterprise, not another's
        String otherInspection = inspection(scopes.b.enterpriseId());
        postJson("/api/v1/standardization/applications/" + id + "/onsite-review", inspector,
                "{\"score\":70,\"inspectionId\":\"%s\"}".formatted(otherInspection))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("inspectionId")));
        String ownInspection = inspection(e);
        postJson("/api/v1/standardization/applications/" + id + "/onsite-review", inspector,
                "{\"score\":71.5,\"inspectionId\":\"%s\",\"reviewedOn\":\"%s\"}".formatted(ownInspection, today.minusDays(10)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ONSITE_REVIEWED"))
                .andExpect(jsonPath("$.onsiteInspectionId").value(ownInspection));
        LocalDate decided = today.minusDays(7);
        postJson("/api/v1/standardization/applications/" + id + "/decision", inspector, "{\"granted\":true,\"decidedOn\":\"%s\"}".formatted(decided))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("GRADED"))
                .andExpect(jsonPath("$.validUntil").value(decided.plusYears(3).minusDays(1).toString()));
        // the registry's grade comes from here
        eventually(() -> mvc.perform(get("/api/v1/enterprises/" + e + "/classification").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.firedRules[*].code").value(hasItem("STANDARDIZATION_LEVEL_3"))));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action in "
                        + "('STANDARDIZATION_APPLIED', 'STANDARDIZATION_ONSITE_REVIEWED', 'STANDARDIZATION_GRANTED')")
                .param(id).query(Long.class).single()).isEqualTo(3);

        // 二级 is the city's: the district records it with the city's document; the 三级 grade is superseded
        String second = apply(own, e, "LEVEL_2", "78", today.minusDays(5));
        postJson("/api/v1/standardization/applications/" + second + "/onsite-review", inspector, "{\"score\":76}").andExpect(status().isOk());
        postJson("/api/v1/standardization/applications/" + second + "/decision", inspector, "{\"granted\":true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("documentNo")));
        postJson("/api/v1/standardization/applications/" + second + "/decision", inspector,
                "{\"granted\":true,\"authority\":\"重庆市应急管理局\",\"documentNo\":\"渝应急标〔2026〕15号\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.reviewingLevel").value("CITY"));
        mvc.perform(get("/api/v1/standardization/applications/" + id).with(as(own))).andExpect(jsonPath("$.state").value("SUPERSEDED"));
        eventually(() -> mvc.perform(get("/api/v1/enterprises/" + e + "/classification").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.firedRules[*].code").value(hasItem("STANDARDIZATION_LEVEL_2"))));
        // and the registry refuses a typed-in grade
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/enterprises/" + e + "/classification-inputs")
                        .with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("{\"standardizationGrade\":\"LEVEL_1\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDeathAccidentInAGradedEnterpriseProposesRevocationThroughTheEvent83hao() throws Exception {
        UUID e = scopes.a.enterpriseId();
        String id = graded(e, "LEVEL_3", today.minusDays(60));
        // an accident without deaths proposes nothing
        accident(e, 0);
        // a death accident does
        accident(e, 1);
        eventually(() -> mvc.perform(get("/api/v1/standardization/applications/" + id).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.revocationProposedOn").value(today.toString()))
                .andExpect(jsonPath("$.revocationSource").value(org.hamcrest.Matchers.startsWith("accident:")))
                .andExpect(jsonPath("$.state").value("GRADED")));
        // only the district revokes
        postJson("/api/v1/standardization/applications/" + id + "/revoke", scopes.a.user(Role.INSPECTOR), "{}").andExpect(status().isForbidden());
        postJson("/api/v1/standardization/applications/" + id + "/revoke", scopes.a.user(Role.DISTRICT_ADMIN), "{}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REVOKED"))
                .andExpect(jsonPath("$.nextApplicationFrom").value(today.plusYears(1).toString()));
        eventually(() -> mvc.perform(get("/api/v1/enterprises/" + e + "/classification").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.firedRules[*].code").value(hasItem("NO_STANDARDIZATION"))));
        // 83号: a new application one year after the revocation
        postJson("/api/v1/standardization/applications", scopes.a.user(Role.ENTERPRISE_USER),
                "{\"enterpriseId\":\"%s\",\"level\":\"LEVEL_3\",\"selfScore\":70}".formatted(e))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("standardization.apply.wait"));
    }

    @Test
    void everyRoleOfTheOtherSideGets404AndTheOwnTownReads() throws Exception {
        String id = graded(scopes.a.enterpriseId(), "LEVEL_3", today.minusDays(3));
        for (Role role : new Role[] {Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER, Role.AGENCY_USER}) {
            mvc.perform(get("/api/v1/standardization/applications/" + id).with(as(scopes.b.user(role)))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/standardization/applications?enterpriseId=" + scopes.a.enterpriseId()).with(as(scopes.b.user(role))))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        }
        for (Role role : new Role[] {Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER, Role.AUDITOR, Role.INSPECTOR}) {
            mvc.perform(get("/api/v1/standardization/applications/" + id).with(as(scopes.a.user(role)))).andExpect(status().isOk());
        }
        // an agency without a contract with A sees nothing of A; the auditor only reads
        mvc.perform(get("/api/v1/standardization/applications/" + id).with(as(scopes.a.user(Role.AGENCY_USER)))).andExpect(status().isNotFound());
        postJson("/api/v1/standardization/applications/" + id + "/revocation-proposal", scopes.a.user(Role.AUDITOR), "{\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        // the rates are the regulators'
        mvc.perform(get("/api/v1/standardization/rates").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.aboveSize.target").value(80)).andExpect(jsonPath("$.fourPlusTwo.target").value(90));
        mvc.perform(get("/api/v1/standardization/rates").with(as(scopes.a.user(Role.ENTERPRISE_USER)))).andExpect(status().isForbidden());
        mvc.perform(get("/standardization/rates").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/standardization").with(as(scopes.a.user(Role.ENTERPRISE_USER)))).andExpect(status().isOk());
        mvc.perform(get("/standardization/" + id).with(as(scopes.a.user(Role.ENTERPRISE_USER)))).andExpect(status().isOk());
        mvc.perform(get("/standardization/" + id).with(as(scopes.b.user(Role.ENTERPRISE_USER)))).andExpect(status().isNotFound());
    }

    @Autowired org.anjian.identity.UserManagement users;

    AnjianUser inspector() {
        var s = users.create(new org.anjian.identity.UserManagement.NewUser("sx" + UUID.randomUUID().toString().substring(0, 8), "标准化执法", "Anjian@2023",
                java.util.EnumSet.of(Role.INSPECTOR), org.anjian.shared.security.ScopeKind.DISTRICT, null, null, "渝执 S1"));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    String inspection(UUID enterprise) throws Exception {
        AnjianUser a = inspector();
        AnjianUser b = inspector();
        String json = postJson("/api/v1/inspections", a, "{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}"
                .formatted(enterprise, a.id(), b.id(), today)).andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    void accident(UUID enterprise, int deaths) throws Exception {
        postJson("/api/v1/accidents", scopes.a.user(Role.DISTRICT_ADMIN), """
                {"enterpriseId":"%s","type":"MACHINERY","place":"冲压车间","occurredAt":"%s","peopleInvolved":20,"deaths":%d,"missing":0,
                 "seriousInjuries":1,"minorInjuries":1,"directLossYuan":10000,"summary":"冲床伤人"}"""
                .formatted(enterprise, Instant.now().minus(Duration.ofMinutes(30)), deaths)).andExpect(status().isCreated());
    }
}
