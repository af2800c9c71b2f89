package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserManagement;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENF-8 on a year of its own: the rates and the 三个强度 at zero and with two inspections and one penalty decision. */
@AnjianIntegrationTest
class EnforcementIndicatorsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;
    @Autowired UserDirectory directory;
    @Autowired OrganizationDirectory organization;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    record TestPenalty(UUID caseId, UUID enterpriseId, UUID inspectionId, List<UUID> handlerIds, long fineYuan, Instant decidedAt)
            implements PenaltyDecision {
    }

    void decide(TestPenalty p) {
        tx.executeWithoutResult(s -> events.publishEvent(p));
    }

    String indicators(int year, Integer month) throws Exception {
        var req = get("/api/v1/enforcement-indicators").param("year", "" + year).with(as(Role.AUDITOR));
        if (month != null) {
            req.param("month", "" + month);
        }
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    UUID insertDone(UUID enterprise, String sector, List<UUID> team, LocalDate on, boolean withFinding) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = on.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        jdbc.sql("""
                insert into inspection_inspection (id, enterprise_id, sector, inspector_ids, planned_on, state, started_at, finished_at, created_by, created_at)
                values (?, ?, ?, ?, ?, 'DONE', ?, ?, 'test', ?)""").params(id, enterprise, sector, team.toArray(UUID[]::new), on, at, at.plusHours(2), at)
                .update();
        if (withFinding) {
            jdbc.sql("""
                    insert into inspection_finding (id, inspection_id, place, description, major, deadline, recorded_by, recorded_at)
                    values (?, ?, '仓库', '消防通道堵塞', false, ?, 'test', ?)""").params(UUID.randomUUID(), id, on.plusDays(10), at.plusHours(1)).update();
        }
        return id;
    }

    @Test
    void withoutInspectionsTheRatesAreNotApplicableNotADivisionError() throws Exception {
        int year = InspectionPlanApiTest.freshYear(jdbc);
        String empty = indicators(year, null);
        assertThat((Object) JsonPath.read(empty, "$.onlineEnforcement.value")).isNull();
        assertThat((Integer) JsonPath.read(empty, "$.onlineEnforcement.denominator")).isZero();
        assertThat((Object) JsonPath.read(empty, "$.planCompletion.value")).isNull();
        assertThat((Object) JsonPath.read(empty, "$.intensity.decisionsPer100Inspections")).isNull();
        assertThat((Object) JsonPath.read(empty, "$.intensity.finePerDecisionYuan")).isNull();
        assertThat((Integer) JsonPath.read(empty, "$.intensity.inspections")).isZero();
        assertThat((Integer) JsonPath.read(empty, "$.sectorCoverage.numerator")).isZero();
        assertThat((Double) JsonPath.read(empty, "$.onlineEnforcement.target")).isEqualTo(1.0);
        assertThat((List<?>) JsonPath.read(empty, "$.byMonth")).hasSize(12);
        // entry rates are today's registry and accounts: consistent fractions
        int n = JsonPath.read(empty, "$.inspectorEntry.numerator");
        int d = JsonPath.read(empty, "$.inspectorEntry.denominator");
        assertThat(d).isEqualTo((int) directory.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enabled()).count());
        assertThat(n).isEqualTo((int) directory.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enabled() && u.enforcementCertNo() != null).count());
    }

    @Test
    void theThreeIntensitiesFromTwoInspectionsAndOnePenaltyDecisionCountedOnce() throws Exception {
        int year = InspectionPlanApiTest.freshYear(jdbc);
        UUID enterprise = InspectionPlanApiTest.register(mvc, organization.towns().get(0), "INDUSTRY_TRADE", "MACHINERY", "");
        AnjianUser a = InspectionPlanApiTest.inspector(users);
        AnjianUser b = InspectionPlanApiTest.inspector(users);
        List<UUID> team = List.of(a.id(), b.id());
        UUID first = insertDone(enterprise, "INDUSTRY_TRADE", team, LocalDate.of(year, 3, 5), true);
        insertDone(enterprise, "INDUSTRY_TRADE", team, LocalDate.of(year, 3, 20), false);
        UUID caseId = UUID.randomUUID();
        Instant decided = LocalDate.of(year, 3, 25).atTime(15, 0).atZone(SHANGHAI).toInstant();
        TestPenalty penalty = new TestPenalty(caseId, enterprise, first, List.of(a.id()), 5000, decided);
        decide(penalty);
        decide(penalty); // redelivered: changes nothing
        eventually(() -> assertThat(jdbc.sql("select count(*) from inspection_penalty_tally where case_id = ?").param(caseId).query(Long.class).single())
                .isEqualTo(1));
        Thread.sleep(300);

        String r = indicators(year, null);
        long certified = directory.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enabled() && u.enforcementCertNo() != null).count();
        assertThat((Integer) JsonPath.read(r, "$.onlineEnforcement.numerator")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(r, "$.onlineEnforcement.denominator")).isEqualTo(2);
        assertThat((Double) JsonPath.read(r, "$.onlineEnforcement.value")).isEqualTo(0.5);
        assertThat((Integer) JsonPath.read(r, "$.intensity.inspections")).isEqualTo(2);
        assertThat(((Number) JsonPath.read(r, "$.intensity.inspectionsPerInspector")).doubleValue())
                .isEqualTo(Math.round(200.0 / certified) / 100.0);
        assertThat((Integer) JsonPath.read(r, "$.intensity.decisions")).isEqualTo(1);
        assertThat((Double) JsonPath.read(r, "$.intensity.decisionsPer100Inspections")).isEqualTo(50.0);
        assertThat((Integer) JsonPath.read(r, "$.intensity.finesYuan")).isEqualTo(5000);
        assertThat((Double) JsonPath.read(r, "$.intensity.finePerDecisionYuan")).isEqualTo(5000.0);
        assertThat((Integer) JsonPath.read(r, "$.sectorCoverage.numerator")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(r, "$.byMonth[2].inspections")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(r, "$.byMonth[2].decisions")).isEqualTo(1);
        assertThat((List<Integer>) JsonPath.read(r, "$.bySector[?(@.sector == 'INDUSTRY_TRADE')].decisions")).containsExactly(1);
        assertThat((List<Boolean>) JsonPath.read(r, "$.bySector[?(@.sector == 'INDUSTRY_TRADE')].covered")).containsExactly(true);
        assertThat((List<Integer>) JsonPath.read(r, "$.byInspector[?(@.inspectorId == '" + a.id() + "')].finesYuan")).containsExactly(5000);
        assertThat((List<Integer>) JsonPath.read(r, "$.byInspector[?(@.inspectorId == '" + b.id() + "')].inspections")).containsExactly(2);
        assertThat((List<Integer>) JsonPath.read(r, "$.byInspector[?(@.inspectorId == '" + b.id() + "')].decisions")).containsExactly(0);

        // the decision is whole in every delivery: a corrected fine replaces the old one
        decide(new TestPenalty(caseId, enterprise, first, List.of(a.id()), 6000, decided));
        eventually(() -> assertThat(jdbc.sql("select fine_yuan from inspection_penalty_tally where case_id = ?").param(caseId).query(Long.class).single())
                .isEqualTo(6000));
        assertThat((Integer) JsonPath.read(indicators(year, null), "$.intensity.decisions")).isEqualTo(1);

        // April alone: nothing to divide by
        String april = indicators(year, 4);
        assertThat((Object) JsonPath.read(april, "$.onlineEnforcement.value")).isNull();
        assertThat((Integer) JsonPath.read(april, "$.intensity.decisions")).isZero();
        // coverage runs from 1 January to the period's end: April still counts March's inspections
        assertThat((Integer) JsonPath.read(april, "$.sectorCoverage.numerator")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(indicators(year, 2), "$.sectorCoverage.numerator")).isZero();
    }

    @Test
    void readersAndBadPeriods() throws Exception {
        mvc.perform(get("/api/v1/enforcement-indicators").with(as(Role.TOWN_OFFICIAL))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/enforcement-indicators").with(as(Role.ENTERPRISE_USER))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/enforcement-indicators").param("year", "1999").with(as(Role.INSPECTOR))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/enforcement-indicators").param("month", "13").with(as(Role.INSPECTOR))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(get("/inspections/indicators").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/inspections/plans").with(as(Role.TOWN_OFFICIAL))).andExpect(status().isOk());
    }
}
