package org.anjian.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.monitoring.internal.Alarms;
import org.anjian.monitoring.internal.Ingestion;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.Ingestion.Sender;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * MON-2 alarms: exactly one open alarm per sensor and condition however often the condition repeats
 * and however messages are redelivered (the ThingsBoard duplicate-alarm bug, REFERENCE-RULES §2);
 * the life cycle raised → acknowledged → disposed → cleared; escalation when the reply is late;
 * silence; an alarm becomes a hazard once.
 */
@AnjianIntegrationTest
class AlarmLifecycleTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Ingestion ingestion;
    @Autowired Alarms alarms;

    UUID enterprise;
    UUID sensor;
    String code;
    AnjianUser owner;
    Sender device;

    @BeforeEach
    void aTankLevelSensor() throws Exception {
        Region town = organization.regionByName("德感街道").orElseThrow();
        enterprise = MonitoringFixture.enterprise(mvc, town);
        code = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        sensor = MonitoringFixture.levelSensor(mvc, enterprise, code);
        owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        device = new Sender("mqtt", enterprise, e -> e.equals(enterprise));
    }

    long open(String condition) {
        return jdbc.sql("select count(*) from monitoring_alarm where sensor_id = :s and condition = :c and state <> 'CLEARED'")
                .param("s", sensor).param("c", condition).query(Long.class).single();
    }

    long all() {
        return jdbc.sql("select count(*) from monitoring_alarm where sensor_id = :s").param("s", sensor).query(Long.class).single();
    }

    UUID openAlarm(String condition) {
        return jdbc.sql("select id from monitoring_alarm where sensor_id = :s and condition = :c and state <> 'CLEARED'")
                .param("s", sensor).param("c", condition).query(UUID.class).single();
    }

    /** 2,000 readings alternating 85 % (above H 80) and 70 %, 1,000 crossings, in messages of 50 readings. */
    List<List<ReadingInput>> flapping(Instant start) {
        List<List<ReadingInput>> messages = new ArrayList<>();
        List<ReadingInput> current = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // 15 % in 20 s is 45 %/min, over the 5 %/min limit: the rate alarm opens too, once
            current.add(new ReadingInput(code, start.plusSeconds(20L * i), i % 2 == 0 ? 85.0 : 70.0, "%"));
            if (current.size() == 50) {
                messages.add(current);
                current = new ArrayList<>();
            }
        }
        return messages;
    }

    @Test
    void aFlappingSensorWithRedeliveredMessagesLeavesExactlyOneOpenAlarm() throws Exception {
        Instant start = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        List<List<ReadingInput>> messages = flapping(start);
        // every message delivered twice, by four consumers at once (QoS 1 redelivery after a lost PUBACK, two nodes)
        List<List<ReadingInput>> deliveries = new ArrayList<>();
        for (List<ReadingInput> m : messages) {
            deliveries.add(m);
            deliveries.add(m);
        }
        java.util.Collections.shuffle(deliveries, new java.util.Random(12));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<ReadingInput> d : deliveries) {
                done.add(pool.submit(() -> ingestion.ingest(device, d)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(open("HIGH")).isEqualTo(1);
        assertThat(open("RATE")).isEqualTo(1);
        assertThat(open("LOW")).isZero();
        assertThat(jdbc.sql("select count(*) from monitoring_reading where sensor_id = :s").param("s", sensor).query(Long.class).single())
                .isEqualTo(2000);
        // each of the 1,000 crossings counted once: a redelivered reading raises nothing again
        assertThat(jdbc.sql("select occurrences from monitoring_alarm where id = :id").param("id", openAlarm("HIGH")).query(Long.class).single())
                .isEqualTo(1000);
    }

    @Test
    void theDatabaseRefusesASecondOpenAlarmWhateverTheCode() {
        ingestion.ingest(device, List.of(new ReadingInput(code, clock.instant().minusSeconds(5), 95.0, "%")));
        UUID id = openAlarm("HIGH");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                insert into monitoring_alarm (id, sensor_id, enterprise_id, condition, level, state, raised_at, last_seen_at, reply_due_at)
                select gen_random_uuid(), sensor_id, enterprise_id, condition, level, 'ACKNOWLEDGED', raised_at, last_seen_at, reply_due_at
                from monitoring_alarm where id = :id""").param("id", id).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        // an alarm that rose from H to HH stays one alarm at level HH
        assertThat(jdbc.sql("select level from monitoring_alarm where id = :id").param("id", id).query(String.class).single()).isEqualTo("HH");
    }

    @Test
    void lifeCycleRaisedAcknowledgedDisposedClearedAndTheNextCrossingOpensANewAlarm() throws Exception {
        ingestion.ingest(device, List.of(new ReadingInput(code, clock.instant().minusSeconds(30), 8.0, "%")));
        UUID id = openAlarm("LOW");
        mvc.perform(get("/api/v1/alarms/{id}", id).with(as(owner))).andExpect(jsonPath("$.level").value("LL"))
                .andExpect(jsonPath("$.state").value("RAISED")).andExpect(jsonPath("$.threshold").value(10.0));
        // clearing an unanswered alarm is refused, naming the state and the action
        mvc.perform(post("/api/v1/alarms/{id}/clear", id).with(as(owner))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("报警处于“待响应”状态，不能消警"));
        mvc.perform(post("/api/v1/alarms/{id}/acknowledge", id).with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/alarms/{id}/acknowledge", id).with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"已派人到现场核查\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.replyLate").value(false));
        mvc.perform(post("/api/v1/alarms/{id}/dispose", id).with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"补液至正常液位\"}")).andExpect(jsonPath("$.state").value("DISPOSED"));
        mvc.perform(post("/api/v1/alarms/{id}/clear", id).with(as(owner))).andExpect(jsonPath("$.state").value("CLEARED"));
        assertThat(open("LOW")).isZero();
        ingestion.ingest(device, List.of(new ReadingInput(code, clock.instant().minusSeconds(10), 9.0, "%")));
        assertThat(open("LOW")).isEqualTo(1);
        assertThat(all()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = :id").param("id", id.toString()).query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aLateReplyEscalatesToTheTownThenTheDistrictButAnAnsweredAlarmDoesNot() throws Exception {
        ingestion.ingest(device, List.of(new ReadingInput(code, clock.instant().minusSeconds(1), 99.0, "%")));
        UUID late = openAlarm("HIGH");
        ingestion.ingest(device, List.of(new ReadingInput(code, clock.instant(), 5.0, "%")));
        UUID answered = openAlarm("LOW");
        alarms.acknowledge(owner, answered, new Alarms.Note("现场核查中"));
        // reply period 30 min: at 29 min nothing happens
        clock.advance(Duration.ofMinutes(29));
        alarms.escalate();
        mvc.perform(get("/api/v1/alarms/{id}", late).with(as(owner))).andExpect(jsonPath("$.escalation").value("NONE"));
        clock.advance(Duration.ofMinutes(2));
        alarms.escalate();
        mvc.perform(get("/api/v1/alarms/{id}", late).with(as(owner))).andExpect(jsonPath("$.escalation").value("TOWN"))
                .andExpect(jsonPath("$.replyLate").value(true));
        clock.advance(Duration.ofMinutes(30));
        alarms.escalate();
        mvc.perform(get("/api/v1/alarms/{id}", late).with(as(owner))).andExpect(jsonPath("$.escalation").value("DISTRICT"));
        mvc.perform(get("/api/v1/alarms/{id}", answered).with(as(owner))).andExpect(jsonPath("$.escalation").value("NONE"));
        mvc.perform(get("/api/v1/alarms").param("escalation", "DISTRICT").param("condition", "HIGH").param("enterpriseId", enterprise.toString()).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aSensorThatMissesThreeIntervalsGetsOneOfflineAlarm() throws Exception {
        ingestion.ingest(device, List.of(new ReadingInput(code, clock.instant(), 50.0, "%")));
        clock.advance(Duration.ofSeconds(179));
        alarms.silence();
        assertThat(open("OFFLINE")).isZero();
        clock.advance(Duration.ofSeconds(2));
        alarms.silence();
        alarms.silence();
        assertThat(open("OFFLINE")).isEqualTo(1);
        mvc.perform(get("/api/v1/sensors/{id}", sensor).with(as(owner))).andExpect(jsonPath("$.online").value(false));
    }

    @Test
    void anOpenAlarmBecomesAHazardOnceAndOthersDoNotSeeIt() throws Exception {
        ingestion.ingest(device, List.of(new ReadingInput(code, clock.instant(), 92.0, "%")));
        UUID id = openAlarm("HIGH");
        AnjianUser stranger = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/api/v1/alarms/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/alarms/{id}/acknowledge", id).with(as(stranger)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/alarms/{id}/hazard", id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.hazardId").isNotEmpty());
        mvc.perform(post("/api/v1/alarms/{id}/hazard", id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from hazard_hazard where source = 'ALARM' and source_ref = :r").param("r", id.toString())
                .query(Long.class).single()).isEqualTo(1);
    }
}
