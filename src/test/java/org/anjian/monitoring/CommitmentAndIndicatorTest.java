package org.anjian.monitoring;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.monitoring.domain.CommitmentDeadline;
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
 * MON-3 daily commitment (on time before 10:00, Guangdong's rule, REFERENCE-RULES §2; once a day) and
 * MON-4 indicators per enterprise and town: online rate, commitment rate, alarm reply rate.
 */
@AnjianIntegrationTest
class CommitmentAndIndicatorTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired Ingestion ingestion;
    @Autowired Alarms alarms;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void tenOClockIsTheLatestOnTimeCommitment() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertThat(CommitmentDeadline.onTime(day, day.atTime(9, 59, 59).atZone(ZONE).toInstant(), ZONE)).isTrue();
        assertThat(CommitmentDeadline.onTime(day, day.atTime(10, 0).atZone(ZONE).toInstant(), ZONE)).isFalse();
        assertThat(CommitmentDeadline.onTime(day, day.minusDays(1).atTime(23, 0).atZone(ZONE).toInstant(), ZONE)).isFalse();
    }

    @Test
    void anEnterpriseCommitsOnceADayAndTheIndicatorsCountItWithOnlineAndReplyRates() throws Exception {
        clock.set(LocalDate.now(ZONE).atTime(8, 30).atZone(ZONE).toInstant()); // today, within the partitions made at start-up
        try {
            Region town = organization.regionByName("几江街道").orElseGet(() -> organization.regionByName("双福街道").orElseThrow());
            UUID enterprise = MonitoringFixture.enterprise(mvc, town);
            String online = "LT-" + UUID.randomUUID().toString().substring(0, 8);
            MonitoringFixture.levelSensor(mvc, enterprise, online);
            MonitoringFixture.levelSensor(mvc, enterprise, online + "-2");
            AnjianUser owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
            // one sensor reports; a high and a low alarm: one answered in time, one not
            Sender device = new Sender("http", enterprise, e -> e.equals(enterprise));
            ingestion.ingest(device, List.of(new ReadingInput(online, clock.instant().minusSeconds(60), 91.0, "%")));
            ingestion.ingest(device, List.of(new ReadingInput(online, clock.instant(), 89.5, "%")));
            UUID high = jdbc.sql("select a.id from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id where s.code = :c and a.condition = 'HIGH'")
                    .param("c", online).query(UUID.class).single();
            alarms.acknowledge(owner, high, new Alarms.Note("已核实"));
            String body = """
                    {"principalName":"王总","unitsRunning":3,"unitsStopped":1,"hotWork":1,"confinedSpace":0,"sourcesControlled":true,
                     "statement":"今日各生产装置、储存设施处于安全运行状态，重大危险源处于安全可控状态"}""";
            mvc.perform(post("/api/v1/safety-commitments").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.onTime").value(true));
            mvc.perform(post("/api/v1/safety-commitments").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isConflict());
            mvc.perform(post("/api/v1/safety-commitments").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
            String path = "$.enterprises[?(@.id == '" + enterprise + "')]";
            mvc.perform(get("/api/v1/monitoring/indicators").with(as(owner))).andExpect(status().isOk())
                    .andExpect(jsonPath(path + ".sensors").value(2))
                    .andExpect(jsonPath(path + ".online").value(1))
                    .andExpect(jsonPath(path + ".onlineRate").value(50.0))
                    .andExpect(jsonPath(path + ".commitmentRate").value(100.0))
                    .andExpect(jsonPath(path + ".alarms").value(1))
                    .andExpect(jsonPath(path + ".replyRate").value(100.0))
                    .andExpect(jsonPath("$.enterprises.length()").value(1));
            // the next day after 10:00: late
            clock.advance(Duration.ofHours(26));
            mvc.perform(post("/api/v1/safety-commitments").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.onTime").value(false));
        } finally {
            clock.set(java.time.Instant.now());
        }
    }
}
