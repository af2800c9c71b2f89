package org.anjian.monitoring.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.monitoring.MonitoringFixture;
import org.anjian.monitoring.internal.Ingestion.BatchResult;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.Ingestion.Sender;
import org.anjian.monitoring.internal.Ingestion.Submission;
import org.anjian.organization.OrganizationDirectory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several group-commit consumers (issue 12): two enterprises' flapping sensors fed interleaved, every
 * tenth message redelivered, and a district account's requests that name a sensor of each enterprise
 * (in alternating order), so that two consumers' transactions over the same sensors run at once. None
 * deadlocks or fails, every reading is stored once and evaluated once, each sensor keeps exactly one
 * open alarm per condition, and the submissions are answered in the order they came.
 */
@AnjianIntegrationTest
class ConcurrentConsumersTest {

    static final int ROUNDS = 100;

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired IngestionQueue queue;
    @Autowired MutableClock clock;

    @Test
    void twoConsumersOnTheSameSensorsNeitherDeadlockNorDuplicateAnOpenAlarm() throws Exception {
        assertThat(queue.consumers()).isEqualTo(2); // anjian.monitoring.ingestion.consumers, default
        UUID a = MonitoringFixture.enterprise(mvc, organization.regionByName("双福街道").orElseThrow());
        UUID b = MonitoringFixture.enterprise(mvc, organization.regionByName("双福街道").orElseThrow());
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID a1 = MonitoringFixture.levelSensor(mvc, a, "A1-" + tag);
        UUID a2 = MonitoringFixture.levelSensor(mvc, a, "A2-" + tag);
        UUID b1 = MonitoringFixture.levelSensor(mvc, b, "B1-" + tag);
        UUID b2 = MonitoringFixture.levelSensor(mvc, b, "B2-" + tag);
        Sender deviceA = new Sender("mqtt", a, e -> e.equals(a));
        Sender deviceB = new Sender("mqtt", b, e -> e.equals(b));
        Sender district = new Sender("http", null, e -> true);

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger queueLog = (Logger) LoggerFactory.getLogger(IngestionQueue.class);
        log.start();
        queueLog.addAppender(log);
        Instant start = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        List<CompletableFuture<BatchResult>> results = new ArrayList<>();
        List<Integer> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < ROUNDS; i++) {
                // every 20 s the enterprises' sensors flap 85 / 70 (H 80; 15 in 20 s is over the 5 %/min rate limit)
                Instant at = start.plusSeconds(20L * i);
                double value = i % 2 == 0 ? 85.0 : 70.0;
                List<ReadingInput> fromA = List.of(new ReadingInput("A1-" + tag, at, value, "%"), new ReadingInput("A2-" + tag, at, value, "%"));
                List<ReadingInput> fromB = List.of(new ReadingInput("B2-" + tag, at, value, "%"), new ReadingInput("B1-" + tag, at, value, "%"));
                // 10 s later the district account reports 70 for one sensor of each enterprise, the order flipping every round
                List<ReadingInput> both = new ArrayList<>(List.of(new ReadingInput(a1.toString(), at.plusSeconds(10), 70.0, "%"),
                        new ReadingInput(b1.toString(), at.plusSeconds(10), 70.0, "%")));
                if (i % 2 == 1) {
                    java.util.Collections.reverse(both);
                }
                List<Submission> round = new ArrayList<>(List.of(Submission.of(deviceA, fromA), Submission.of(district, both), Submission.of(deviceB, fromB)));
                if (i % 10 == 8) { // at 85: the crossing must not count twice
                    round.add(Submission.of(deviceA, fromA)); // redelivered (lost PUBACK)
                }
                for (Submission s : round) {
                    int n = results.size();
                    results.add(queue.submit(s).whenComplete((r, e) -> answered.add(n)));
                }
            }
            int accepted = 0;
            int stored = 0;
            for (CompletableFuture<BatchResult> r : results) {
                BatchResult done = r.get(60, TimeUnit.SECONDS); // a deadlock would stop here or fail the batch
                accepted += done.accepted();
                stored += done.stored();
            }
            assertThat(results).hasSize(3 * ROUNDS + ROUNDS / 10);
            // answered (HTTP 2xx, PUBACK) in the order submitted, though two consumers stored them
            assertThat(answered).hasSize(results.size()).isSorted();
            assertThat(accepted).isEqualTo(6 * ROUNDS + 2 * ROUNDS / 10);
            assertThat(stored).isEqualTo(6 * ROUNDS);
        } finally {
            queueLog.detachAppender(log);
        }
        // no batch failed and was retried one by one (a deadlock victim would have been)
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).map(ILoggingEvent::getFormattedMessage)).isEmpty();

        assertThat(readings(a1)).isEqualTo(2 * ROUNDS);
        assertThat(readings(a2)).isEqualTo(ROUNDS);
        assertThat(readings(b1)).isEqualTo(2 * ROUNDS);
        assertThat(readings(b2)).isEqualTo(ROUNDS);
        for (UUID s : List.of(a1, a2, b1, b2)) {
            assertThat(open(s, "HIGH")).as("open HIGH alarms of %s", s).isEqualTo(1);
            assertThat(open(s, "RATE")).as("open RATE alarms of %s", s).isEqualTo(1);
            assertThat(open(s, "LOW")).isZero();
            // each of the 50 readings at 85 counted once: no reading evaluated twice, none skipped
            assertThat(jdbc.sql("select occurrences from monitoring_alarm where sensor_id = :s and condition = 'HIGH' and state <> 'CLEARED'")
                    .param("s", s).query(Long.class).single()).isEqualTo(ROUNDS / 2);
        }
        // the last reading recorded is the newest of each sensor, whichever consumer stored it
        assertThat(jdbc.sql("select count(*) from monitoring_sensor where id in (:ids) and last_read_at = :last")
                .param("ids", List.of(a1, b1)).param("last", SensorRepository.at(start.plusSeconds(20L * (ROUNDS - 1) + 10))).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from monitoring_sensor where id in (:ids) and last_read_at = :last")
                .param("ids", List.of(a2, b2)).param("last", SensorRepository.at(start.plusSeconds(20L * (ROUNDS - 1)))).query(Long.class).single())
                .isEqualTo(2);
    }

    long readings(UUID sensor) {
        return jdbc.sql("select count(*) from monitoring_reading where sensor_id = :s").param("s", sensor).query(Long.class).single();
    }

    long open(UUID sensor, String condition) {
        return jdbc.sql("select count(*) from monitoring_alarm where sensor_id = :s and condition = :c and state <> 'CLEARED'")
                .param("s", sensor).param("c", condition).query(Long.class).single();
    }
}
