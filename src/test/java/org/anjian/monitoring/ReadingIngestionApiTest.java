package org.anjian.monitoring;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
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
 * MON-2 ingestion over HTTP: each reading of a batch is accepted or refused with a reason
 * (malformed, unknown sensor, not the sender's, wrong unit, too far in the future), refusals are
 * counted, and nothing refused is stored; a body that is not a batch is refused whole.
 */
@AnjianIntegrationTest
class ReadingIngestionApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    @Autowired MutableClock clock;

    UUID enterpriseA;
    UUID enterpriseB;
    UUID sensorA;
    UUID sensorB;
    String codeA;
    AnjianUser deviceA;

    @BeforeEach
    void twoEnterprisesWithOneSensorEach() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        enterpriseA = MonitoringFixture.enterprise(mvc, town);
        enterpriseB = MonitoringFixture.enterprise(mvc, town);
        codeA = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        sensorA = MonitoringFixture.levelSensor(mvc, enterpriseA, codeA);
        sensorB = MonitoringFixture.levelSensor(mvc, enterpriseB, "LT-B");
        deviceA = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseA));
    }

    double refused(String reason) {
        var c = meters.find("anjian.monitoring.readings.refused").tag("channel", "http").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    long stored(UUID sensor) {
        return jdbc.sql("select count(*) from monitoring_reading where sensor_id = :s").param("s", sensor).query(Long.class).single();
    }

    @Test
    void eachReadingIsAcceptedOrRefusedWithItsReasonAndOnlyTheAcceptedAreStored() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        double before = refused("WRONG_UNIT") + refused("UNKNOWN_SENSOR") + refused("NOT_OWNED") + refused("FUTURE") + refused("MALFORMED");
        String body = """
                {"readings":[
                  {"sensor":"%s","at":"%s","value":55.5,"unit":"%%"},
                  {"sensor":"NO-SUCH","at":"%s","value":1,"unit":"%%"},
                  {"sensor":"%s","at":"%s","value":55,"unit":"m"},
                  {"sensor":"%s","at":"%s","value":55,"unit":"%%"},
                  {"sensor":"%s","at":"%s","unit":"%%"},
                  {"sensor":"%s","at":"%s","value":56,"unit":"%%"},
                  {"sensor":"%s","at":"%s","value":57,"unit":"%%"}
                ]}""".formatted(codeA, now, now, codeA, now.plusSeconds(1), codeA, now.plus(1, ChronoUnit.HOURS), codeA, now.plusSeconds(2),
                sensorB, now, sensorA, now.plusSeconds(3));
        mvc.perform(post("/api/v1/readings").with(as(deviceA)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.refused").value(5))
                .andExpect(jsonPath("$.results[0].accepted").value(true))
                .andExpect(jsonPath("$.results[1].reason").value("UNKNOWN_SENSOR"))
                .andExpect(jsonPath("$.results[2].reason").value("WRONG_UNIT"))
                .andExpect(jsonPath("$.results[3].reason").value("FUTURE"))
                .andExpect(jsonPath("$.results[4].reason").value("MALFORMED"))
                .andExpect(jsonPath("$.results[5].reason").value("NOT_OWNED"))
                .andExpect(jsonPath("$.results[5].reasonLabel").value("不属于发送企业的传感器"))
                .andExpect(jsonPath("$.results[6].accepted").value(true));
        assertThat(stored(sensorA)).isEqualTo(2);
        assertThat(stored(sensorB)).isZero();
        double after = refused("WRONG_UNIT") + refused("UNKNOWN_SENSOR") + refused("NOT_OWNED") + refused("FUTURE") + refused("MALFORMED");
        assertThat(after - before).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from monitoring_refusal where enterprise_id = :e and reason = 'NOT_OWNED'").param("e", enterpriseA)
                .query(Long.class).single()).isEqualTo(1);
        // the last in-order reading is the sensor's current value
        mvc.perform(get("/api/v1/sensors/{id}", sensorA).with(as(deviceA))).andExpect(jsonPath("$.lastValue").value(57.0))
                .andExpect(jsonPath("$.online").value(true));
    }

    @Test
    void fourMinutesAheadIsClockSkewButSixIsTheFuture() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"readings":[{"sensor":"%s","at":"%s","value":50,"unit":"%%"},{"sensor":"%s","at":"%s","value":50,"unit":"%%"}]}"""
                .formatted(codeA, now.plusSeconds(4 * 60), codeA, now.plusSeconds(6 * 60));
        mvc.perform(post("/api/v1/readings").with(as(deviceA)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(jsonPath("$.results[0].accepted").value(true)).andExpect(jsonPath("$.results[1].reason").value("FUTURE"));
    }

    @Test
    void aBodyThatIsNotABatchIsRefusedWholeAndCounted() throws Exception {
        double before = refused("MALFORMED");
        for (String body : new String[] {"{\"readings\":", "[1,2]", "{\"readings\":[]}", "{\"values\":[{}]}"}) {
            mvc.perform(post("/api/v1/readings").with(as(deviceA)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("monitoring.readings.malformed"));
        }
        assertThat(refused("MALFORMED") - before).isEqualTo(4);
        assertThat(stored(sensorA)).isZero();
    }

    @Test
    void aRedeliveredBatchIsStoredOnce() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"readings":[{"sensor":"%s","at":"%s","value":50,"unit":"%%"},{"sensor":"%s","at":"%s","value":51,"unit":"%%"}]}"""
                .formatted(codeA, now.minusSeconds(60), codeA, now);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/readings").with(as(deviceA)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(jsonPath("$.accepted").value(2));
        }
        assertThat(stored(sensorA)).isEqualTo(2);
    }

    @Test
    void onlyDeviceAccountsAndTheDistrictSendReadings() throws Exception {
        String body = "{\"readings\":[{\"sensor\":\"%s\",\"at\":\"%s\",\"value\":1,\"unit\":\"%%\"}]}".formatted(sensorA, clock.instant());
        mvc.perform(post("/api/v1/readings").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        String result = mvc.perform(post("/api/v1/readings").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(result, "$.accepted")).isEqualTo(1);
    }
}
