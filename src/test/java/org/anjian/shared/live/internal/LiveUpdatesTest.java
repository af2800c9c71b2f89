package org.anjian.shared.live.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.live.LiveMessage;
import org.anjian.shared.live.LiveUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes share one database: each has its own listener. A message published in a committed transaction
 * reaches both; one published in a transaction that rolls back reaches neither.
 */
@AnjianIntegrationTest
class LiveUpdatesTest {

    @Autowired LiveUpdates live;
    @Autowired PgLiveUpdates pg;
    @Autowired TransactionTemplate tx;
    @Autowired JsonMapper json;

    @Test
    void twoListenersBothHearACommittedMessageAndNeitherARolledBackOne() throws Exception {
        String run = UUID.randomUUID().toString();
        List<LiveMessage> nodeA = new CopyOnWriteArrayList<>();
        List<LiveMessage> nodeB = new CopyOnWriteArrayList<>();
        try (var a = new PgNotificationListener(pg.connections(), PgLiveUpdates.CHANNEL, p -> nodeA.add(PgLiveUpdates.decode(json, p)));
             var b = new PgNotificationListener(pg.connections(), PgLiveUpdates.CHANNEL, p -> nodeB.add(PgLiveUpdates.decode(json, p)))) {
            a.start();
            b.start();
            assertThat(a.awaitListening(Duration.ofSeconds(10))).isTrue();
            assertThat(b.awaitListening(Duration.ofSeconds(10))).isTrue();
            UUID enterprise = UUID.randomUUID();

            tx.executeWithoutResult(s -> {
                live.publish(new LiveMessage("test", "rolled-back", enterprise, Map.of("run", run)));
                s.setRollbackOnly();
            });
            tx.executeWithoutResult(s -> {
                live.publish(new LiveMessage("test", "committed", enterprise, Map.of("run", run, "state", "作业中")));
                // not before the commit: the other node has nothing yet
                sleep(300);
                assertThat(mine(nodeA, run)).isEmpty();
            });

            waitFor(() -> mine(nodeA, run).size() == 1 && mine(nodeB, run).size() == 1);
            sleep(300);
            for (List<LiveMessage> node : List.of(nodeA, nodeB)) {
                assertThat(mine(node, run)).singleElement().satisfies(m -> {
                    assertThat(m.kind()).isEqualTo("committed");
                    assertThat(m.enterpriseId()).isEqualTo(enterprise);
                    assertThat(m.data()).containsEntry("state", "作业中");
                });
            }
        }
    }

    @Test
    void withoutATransactionTheMessageGoesAtOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        List<LiveMessage> heard = new CopyOnWriteArrayList<>();
        try (var a = new PgNotificationListener(pg.connections(), PgLiveUpdates.CHANNEL, p -> heard.add(PgLiveUpdates.decode(json, p)))) {
            a.start();
            assertThat(a.awaitListening(Duration.ofSeconds(10))).isTrue();
            live.publish(new LiveMessage("test", "now", null, Map.of("run", run)));
            waitFor(() -> mine(heard, run).size() == 1);
        }
    }

    @Test
    void aMessageTooLargeForNotifyLosesItsDataButStillGoes() {
        String big = "作".repeat(4000); // 12,000 bytes in UTF-8, over PostgreSQL's 8000-byte payload limit
        String payload = PgLiveUpdates.encode(json, new LiveMessage("permit", "state", null, Map.of("note", big)));
        assertThat(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(8000);
        assertThat(PgLiveUpdates.decode(json, payload).data()).containsEntry("truncated", "true").doesNotContainKey("note");
        String small = PgLiveUpdates.encode(json, new LiveMessage("permit", "state", null, Map.of("note", "作".repeat(2000))));
        assertThat(PgLiveUpdates.decode(json, small).data().get("note")).hasSize(2000);
    }

    @Test
    void theNodesOwnListenerIsInPlace() throws Exception {
        waitFor(pg::listening);
    }

    private static List<LiveMessage> mine(List<LiveMessage> heard, String run) {
        return heard.stream().filter(m -> run.equals(m.data().get("run"))).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            Thread.sleep(25);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
