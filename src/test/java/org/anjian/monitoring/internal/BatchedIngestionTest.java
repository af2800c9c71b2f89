package org.anjian.monitoring.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.monitoring.MonitoringFixture;
import org.anjian.monitoring.domain.ReadingCheck.Refusal;
import org.anjian.monitoring.internal.Ingestion.BatchResult;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.Ingestion.Sender;
import org.anjian.monitoring.internal.Ingestion.Submission;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boundaries of batched ingestion (issue 12): several MQTT messages in one transaction, the COPY
 * straight into the table for readings later than the sensor's last one, and the careful path for
 * the rest. A bad reading or a bad message in a batch is refused with its reason while the good
 * ones are stored; a reading stored around ingestion neither fails the batch nor is stored twice.
 */
@AnjianIntegrationTest
class BatchedIngestionTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired Ingestion ingestion;
    @Autowired IngestionQueue queue;
    @Autowired ReadingRepository readings;
    @Autowired TransactionTemplate tx;
    @Autowired Devices devices;
    @Autowired MutableClock clock;
    @Autowired MeterRegistry meters;

    UUID enterprise;
    String code;
    UUID sensor;
    Sender device;

    @BeforeEach
    void aLevelSensor() throws Exception {
        enterprise = MonitoringFixture.enterprise(mvc, organization.regionByName("双福街道").orElseThrow());
        code = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        sensor = MonitoringFixture.levelSensor(mvc, enterprise, code);
        device = new Sender("mqtt", enterprise, e -> e.equals(enterprise));
    }

    long stored() {
        return jdbc.sql("select count(*) from monitoring_reading where sensor_id = :s").param("s", sensor).query(Long.class).single();
    }

    long refusalsLogged(String reason) {
        return jdbc.sql("select count(*) from monitoring_refusal where enterprise_id = :e and reason = :r").param("e", enterprise).param("r", reason)
                .query(Long.class).single();
    }

    long openAlarms() {
        return jdbc.sql("select count(*) from monitoring_alarm where sensor_id = :s and state <> 'CLEARED'").param("s", sensor).query(Long.class).single();
    }

    double refused(String reason) {
        var c = meters.find("anjian.monitoring.readings.refused").tag("channel", "mqtt").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void threeMessagesInOneTransactionOneReadingAndOneMessageBadTheGoodStoredTheBadRefusedWithTheirReasons() {
        Instant t = clock.instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        double malformedBefore = refused("MALFORMED");
        double wrongUnitBefore = refused("WRONG_UNIT");
        List<BatchResult> results = ingestion.ingestAll(List.of(
                Submission.of(device, List.of(new ReadingInput(code, t, 50.0, "%"), new ReadingInput(code, t.plusSeconds(60), 51.0, "%"))),
                Submission.of(device, List.of(new ReadingInput(code, t.plusSeconds(120), 52.0, "%"), new ReadingInput(code, t.plusSeconds(180), 53.0, "m"))),
                Submission.malformed(device, "不是合法的JSON")));
        assertThat(results).hasSize(3);
        assertThat(results.get(0).accepted()).isEqualTo(2);
        assertThat(results.get(0).stored()).isEqualTo(2);
        assertThat(results.get(1).accepted()).isEqualTo(1);
        assertThat(results.get(1).refused()).isEqualTo(1);
        assertThat(results.get(1).results().get(1).reason()).isEqualTo(Refusal.WRONG_UNIT);
        assertThat(results.get(1).results().get(0).accepted()).isTrue();
        assertThat(results.get(2).accepted()).isZero();
        assertThat(stored()).isEqualTo(3);
        assertThat(refusalsLogged("WRONG_UNIT")).isEqualTo(1);
        assertThat(refusalsLogged("MALFORMED")).isEqualTo(1);
        assertThat(refused("MALFORMED") - malformedBefore).isEqualTo(1);
        assertThat(refused("WRONG_UNIT") - wrongUnitBefore).isEqualTo(1);
        // the sensor's current value is the newest accepted reading, not the refused one three minutes on
        assertThat(jdbc.sql("select last_value from monitoring_sensor where id = :s").param("s", sensor).query(Double.class).single()).isEqualTo(52.0);
    }

    @Test
    void aCrossingAndItsRedeliveryInTheSameBatchAreStoredOnceAndOpenOneAlarmWithOneOccurrence() {
        Instant t = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        List<ReadingInput> message = List.of(new ReadingInput(code, t, 85.0, "%"), new ReadingInput(code, t, 85.0, "%"));
        List<BatchResult> results = ingestion.ingestAll(List.of(Submission.of(device, message), Submission.of(device, message)));
        assertThat(results.get(0).accepted()).isEqualTo(2);
        assertThat(results.get(0).stored()).isEqualTo(1);
        assertThat(results.get(1).stored()).isZero();
        assertThat(results.get(0).alarmsRaised() + results.get(1).alarmsRaised()).isEqualTo(1);
        assertThat(stored()).isEqualTo(1);
        assertThat(openAlarms()).isEqualTo(1);
        assertThat(jdbc.sql("select occurrences from monitoring_alarm where sensor_id = :s").param("s", sensor).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReadingStoredAroundIngestionLaterThanTheSensorsLastDoesNotFailTheBatchAndIsStoredOnce() {
        Instant t = clock.instant().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        // written straight into the table: the sensor's last reading does not know it, so the COPY meets it and the batch is done again carefully
        tx.executeWithoutResult(s -> readings.copyRaw(List.of(new ReadingRepository.Row(sensor, t, 50.0, clock.instant()))));
        BatchResult r = ingestion.ingest(device, List.of(new ReadingInput(code, t, 50.0, "%"), new ReadingInput(code, t.plusSeconds(60), 90.0, "%")));
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.stored()).isEqualTo(1);
        assertThat(r.alarmsRaised()).isEqualTo(1);
        assertThat(stored()).isEqualTo(2);
        // an older reading after it: the careful path again, stored, no second alarm
        BatchResult late = ingestion.ingest(device, List.of(new ReadingInput(code, t.minusSeconds(60), 91.0, "%")));
        assertThat(late.stored()).isEqualTo(1);
        assertThat(stored()).isEqualTo(3);
        assertThat(openAlarms()).isEqualTo(1);
    }

    @Test
    void aBurstOfMqttMessagesIsAcknowledgedAfterStoringAndABadMessageAmongThemIsCountedAlone() throws Exception {
        int port = 18_800 + new java.util.Random().nextInt(90);
        MonitoringProperties props = new MonitoringProperties(null, null, null, null, null, null, null,
                new MonitoringProperties.Mqtt(true, true, port, null, null, null, "", "anjian/readings", null, null, null), null, null);
        var dev = devices.create(user(Role.DISTRICT_ADMIN), new Devices.DeviceInput(enterprise, "dev-" + code), "anjian/readings");
        EmbeddedBroker broker = new EmbeddedBroker(props, devices);
        broker.start();
        MqttIngestion consumer = new MqttIngestion(queue, props, props.mqtt().brokerUrl(), EmbeddedBroker.PLATFORM_USER,
                broker.platformPassword().toCharArray(), "anjian-batch-" + port);
        double malformedBefore = refused("MALFORMED");
        double unknownBefore = refused("UNKNOWN_SENSOR");
        MqttAsyncClient publisher = new MqttAsyncClient(props.mqtt().brokerUrl(), "dev-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        try {
            consumer.start();
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(dev.username());
            o.setPassword(dev.secret().toCharArray());
            o.setMaxInflight(200);
            publisher.connect(o).waitForCompletion(5_000);
            Instant t = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            List<org.eclipse.paho.client.mqttv3.IMqttDeliveryToken> acks = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String body = i == 40 ? "{\"readings\":"
                        : i == 80 ? "{\"readings\":[{\"sensor\":\"NO-SUCH\",\"at\":\"%s\",\"value\":1,\"unit\":\"%%\"},{\"sensor\":\"%s\",\"at\":\"%s\",\"value\":50,\"unit\":\"%%\"}]}"
                        .formatted(t, code, t.plusSeconds(i))
                        : "{\"readings\":[{\"sensor\":\"%s\",\"at\":\"%s\",\"value\":50,\"unit\":\"%%\"}]}".formatted(code, t.plusSeconds(i));
                acks.add(publisher.publish(dev.topic(), body.getBytes(StandardCharsets.UTF_8), 1, false));
            }
            for (var ack : acks) {
                ack.waitForCompletion(20_000);
            }
            // every PUBACK from the embedded broker came; the consumer's commit follows within moments
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (stored() < 119 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(stored()).isEqualTo(119);
            assertThat(refused("MALFORMED") - malformedBefore).isEqualTo(1);
            assertThat(refused("UNKNOWN_SENSOR") - unknownBefore).isEqualTo(1);
        } finally {
            if (publisher.isConnected()) {
                publisher.disconnect().waitForCompletion(5_000);
            }
            publisher.close();
            consumer.stop();
            broker.stop();
        }
    }
}
