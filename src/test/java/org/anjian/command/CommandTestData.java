package org.anjian.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.anjian.monitoring.MonitoringFixture;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One of everything the command map shows, for one enterprise: a major risk point (LS 5×5) and an open alarm made
 * through the API as their users would, and an open major hazard, an open general one, a permit under way, an
 * accident and an inspection planned today written to the owning modules' tables (their own tests cover the paths
 * that lead there).
 */
final class CommandTestData {

    private CommandTestData() {
    }

    /** An enterprise at the town's centre with nothing else. */
    static UUID enterprise(MockMvc mvc, Region town) throws Exception {
        return MonitoringFixture.enterprise(mvc, town);
    }

    /** An enterprise at the town's centre with one of each layer's things (two hazards, one of them major). */
    static UUID fullEnterprise(MockMvc mvc, JdbcClient jdbc, Region town, Instant now, ZoneId zone) throws Exception {
        UUID e = enterprise(mvc, town);
        var owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, e));
        mvc.perform(post("/api/v1/risk-points").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","unitName":"储罐区","name":"甲醇储罐装卸","kind":"ACTIVITY","hazardousFactors":["静电积聚"],
                         "method":"LS","likelihood":5,"severity":5,
                         "controlMeasures":[{"type":"ENGINEERING","description":"静电接地报警"},{"type":"MANAGEMENT","description":"装卸旁站"},
                                            {"type":"EMERGENCY","description":"泄漏时关闭紧急切断阀"}],
                         "responsibleLevel":"COMPANY","responsiblePerson":"赵经理"}""".formatted(e)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.level").value("MAJOR"));
        String sensor = "CMD-" + e.toString().substring(0, 8);
        UUID sensorId = MonitoringFixture.levelSensor(mvc, e, sensor);
        Instant at = now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        mvc.perform(post("/api/v1/readings").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"readings\":[{\"sensor\":\"%s\",\"at\":\"%s\",\"value\":95,\"unit\":\"%%\"}]}".formatted(sensorId, at)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        hazard(jdbc, e, town, "MAJOR", now);
        hazard(jdbc, e, town, "GENERAL", now);
        jdbc.sql("""
                        insert into permit_work_permit (id, number, enterprise_id, town_id, sector, type, grade, state, location, valid_from, valid_to, body,
                          created_by, created_at, updated_at)
                        values (:id, :number, :e, :town, 'HAZCHEM', 'HOT_WORK', 'SECOND', 'IN_PROGRESS', '储罐区东侧', :from, :to, '{}'::jsonb, 'test', :from, :from)""")
                .param("id", UUID.randomUUID()).param("number", "CMD" + e.toString().substring(0, 12)).param("e", e).param("town", town.id())
                .param("from", now.minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC)).param("to", now.plus(3, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        insert into acc_accident (id, enterprise_id, enterprise_name, town_id, sector, accident_type, place, occurred_at, deaths, missing,
                          serious_injuries, minor_injuries, direct_loss, summary, grade, state, recorded_at, recorded_by)
                        values (:id, :e, '一张图测试企业', :town, 'HAZCHEM', 'FIRE', '储罐区', :at, 0, 0, 0, 1, 1000, '储罐区小火', 'ORDINARY', 'REPORTED', :at, 'test')""")
                .param("id", UUID.randomUUID()).param("e", e).param("town", town.id()).param("at", now.minus(2, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        insert into inspection_inspection (id, enterprise_id, town_id, sector, inspector_ids, planned_on, state, created_by, created_at)
                        values (:id, :e, :town, 'HAZCHEM', '{}', :day, 'PLANNED', 'test', :at)""")
                .param("id", UUID.randomUUID()).param("e", e).param("town", town.id()).param("day", LocalDate.ofInstant(now, zone))
                .param("at", now.atOffset(ZoneOffset.UTC)).update();
        return e;
    }

    /**
     * Removes the rows written straight to other modules' tables (hazards, permit, accident, inspection), so that the
     * tests that count those modules' records in the same database find only their own.
     */
    static void cleanUp(JdbcClient jdbc, UUID enterprise) {
        jdbc.sql("delete from hazard_hazard where enterprise_id = :e and description like '一张图测试%'").param("e", enterprise).update();
        for (String table : java.util.List.of("permit_work_permit", "acc_accident", "inspection_inspection")) {
            jdbc.sql("delete from " + table + " where enterprise_id = :e").param("e", enterprise).update();
        }
    }

    /** An open hazard found now, due in a week. */
    static void hazard(JdbcClient jdbc, UUID enterprise, Region town, String grade, Instant now) {
        jdbc.sql("""
                        insert into hazard_hazard (id, enterprise_id, enterprise_name, town_id, sector, place, description, grade, source, finder_name,
                          found_at, deadline, state)
                        values (:id, :e, '一张图测试企业', :town, 'HAZCHEM', '储罐区', :d, :grade, 'SELF_CHECK', '测试', :found, :deadline, 'REPORTED')""")
                .param("id", UUID.randomUUID()).param("e", enterprise).param("town", town.id()).param("d", "一张图测试" + grade)
                .param("grade", grade).param("found", now.atOffset(ZoneOffset.UTC)).param("deadline", now.plus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .update();
    }
}
