package org.anjian.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.anjian.monitoring.internal.Ingestion.BatchResult;
import org.anjian.monitoring.internal.Ingestion.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for both channels (issue 12): HTTP requests and MQTT messages are queued, and a
 * consumer stores everything queued at once in ONE transaction ({@link Ingestion#ingestAll}), then
 * completes each submission's result. While a batch commits the next one gathers, so under load
 * batches grow by themselves and an idle system adds no delay ({@code anjian.monitoring.mqtt.linger},
 * 0 by default, waits longer for company). Nothing is answered before its commit: the HTTP 2xx and
 * the MQTT PUBACK wait for the result. If a batch fails, its submissions are stored one by one, so
 * one that cannot be stored fails alone.
 *
 * <p><b>Several consumers</b> ({@code anjian.monitoring.ingestion.consumers}, 2 by default) take
 * batches from the one queue in turn, each in its own transaction, and overlap: one batch's readings
 * are copied while the previous batch raises its alarms and commits, so that two database backends
 * work at once (with one consumer, one backend worked at a time). The order stays the
 * arrival order whatever the number of consumers ({@link Ingestion.Turns}): a batch writes its readings
 * after the previous batch has written, locks its sensors after the previous one has locked them (so it
 * evaluates after it), and answers after it has answered (PUBACKs in arrival order). Each wait is for an
 * earlier batch only, so the consumers cannot deadlock each other; the sensors are locked in id order.
 */
@Component
public class IngestionQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestionQueue.class);

    private final Ingestion ingestion;
    private final MonitoringProperties properties;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final List<Thread> consumers = new ArrayList<>();
    /** Batches are formed one at a time, so their turns follow the arrival order. */
    private final Object forming = new Object();
    private Turn lastTurn = Turn.DONE;
    private volatile boolean running;

    IngestionQueue(Ingestion ingestion, MonitoringProperties properties) {
        this.ingestion = ingestion;
        this.properties = properties;
    }

    private record Item(Submission submission, CompletableFuture<BatchResult> result) {
    }

    /**
     * A batch's place in line: it writes, locks and answers after the batch before it did. Each step is
     * signalled at most once and stays signalled; whatever happens to a batch, all its steps are
     * signalled when it is done, so the next ones never wait for a failed one.
     */
    static final class Turn implements Ingestion.Turns {

        static final Turn DONE = new Turn(null);

        static {
            DONE.finish();
        }

        /** Dropped when this batch is done, so that the line of finished batches can be collected. */
        private Turn previous;
        private final CountDownLatch written = new CountDownLatch(1);
        private final CountDownLatch locked = new CountDownLatch(1);
        private final CountDownLatch answered = new CountDownLatch(1);

        Turn(Turn previous) {
            this.previous = previous;
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the previous batch", e);
            }
        }

        @Override
        public void awaitWrite() {
            await(previous.written);
        }

        @Override
        public void written() {
            written.countDown();
        }

        @Override
        public void awaitLock() {
            await(previous.locked);
        }

        @Override
        public void locked() {
            locked.countDown();
        }

        void awaitAnswer() {
            await(previous.answered);
        }

        void finish() {
            previous = null;
            written.countDown();
            locked.countDown();
            answered.countDown();
        }
    }

    /** Queues a submission; the future completes after its batch committed (or fails when it could not be stored). */
    public CompletableFuture<BatchResult> submit(Submission submission) {
        CompletableFuture<BatchResult> result = new CompletableFuture<>();
        if (!running) {
            storeAlone(List.of(new Item(submission, result))); // not started (or stopping): on the caller's thread
            return result;
        }
        queue.add(new Item(submission, result));
        return result;
    }

    /** Submits and waits for the commit: what the HTTP request answers. */
    public BatchResult ingest(Submission submission) {
        try {
            return submit(submission).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the readings were stored", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("readings not stored within two minutes", e);
        }
    }

    private void consume() {
        MonitoringProperties.Mqtt limits = properties.mqtt();
        long linger = limits.linger().toNanos();
        while (running || !queue.isEmpty()) {
            List<Item> batch = new ArrayList<>();
            Turn turn;
            try {
                synchronized (forming) {
                    Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    int readings = first.submission().readings().size();
                    long until = System.nanoTime() + linger;
                    while (batch.size() < limits.batchMessages() && readings < limits.batchReadings()) {
                        long wait = until - System.nanoTime();
                        Item next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                        readings += next.submission().readings().size();
                    }
                    turn = new Turn(lastTurn);
                    lastTurn = turn;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (Item item : batch) {
                    item.result().completeExceptionally(new IllegalStateException("ingestion stopped"));
                }
                break;
            }
            store(batch, turn);
        }
        Item left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("ingestion stopped"));
        }
    }

    /** A batch in its turn; answered after the previous batch was. */
    private void store(List<Item> batch, Turn turn) {
        List<BatchResult> results = null;
        RuntimeException failure = null;
        try {
            results = ingestion.ingestAll(batch.stream().map(Item::submission).toList(), turn);
        } catch (RuntimeException e) {
            failure = e;
        }
        // whatever happened, the next batches may write and lock now (after a failure the one-by-one retries below
        // run out of turn: they write what is not stored yet, evaluated as late readings)
        turn.written();
        turn.locked();
        try {
            turn.awaitAnswer();
        } catch (IllegalStateException interrupted) {
            // stopping: answer anyway, out of order, rather than leave a sender without an answer
        }
        try {
            if (failure == null) {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
            } else if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(failure);
            } else {
                log.warn("a batch of {} submissions failed ({}); one by one", batch.size(), failure.toString());
                for (Item item : batch) {
                    storeAlone(List.of(item));
                }
            }
        } finally {
            turn.finish();
        }
    }

    /** Out of turn: on the caller's thread before the start, or one by one after a batch failed. */
    private void storeAlone(List<Item> batch) {
        List<BatchResult> results;
        try {
            results = ingestion.ingestAll(batch.stream().map(Item::submission).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            log.warn("a batch of {} submissions failed ({}); one by one", batch.size(), e.toString());
            for (Item item : batch) {
                storeAlone(List.of(item));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    /** How many consumers store batches at once. */
    public int consumers() {
        return properties.ingestion().consumers();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 1; i <= consumers(); i++) {
            Thread consumer = new Thread(this::consume, "monitoring-ingestion-" + i);
            consumer.setDaemon(true);
            consumer.start();
            consumers.add(consumer);
        }
    }

    @Override
    public void stop() {
        running = false;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // what is queued is stored and answered first
        for (Thread consumer : consumers) {
            try {
                consumer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        consumers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the MQTT client (phase 10) and stops after it. */
    @Override
    public int getPhase() {
        return 5;
    }
}
