package org.anjian.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Group commit for both channels (issue 12): HTTP requests and MQTT messages are queued, and one
 * consumer stores everything queued at once in ONE transaction ({@link Ingestion#ingestAll}), then
 * completes each submission's result. While a batch commits the next one gathers, so under load
 * batches grow by themselves and an idle system adds no delay ({@code anjian.monitoring.mqtt.linger},
 * 0 by default, waits longer for company). Nothing is answered before its commit: the HTTP 2xx and
 * the MQTT PUBACK wait for the result. If a batch fails, its submissions are stored one by one, so
 * one that cannot be stored fails alone.
 */
@Component
public class IngestionQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestionQueue.class);

    private final Ingestion ingestion;
    private final MonitoringProperties properties;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread consumer;

    IngestionQueue(Ingestion ingestion, MonitoringProperties properties) {
        this.ingestion = ingestion;
        this.properties = properties;
    }

    private record Item(Submission submission, CompletableFuture<BatchResult> result) {
    }

    /** Queues a submission; the future completes after its batch committed (or fails when it could not be stored). */
    public CompletableFuture<BatchResult> submit(Submission submission) {
        CompletableFuture<BatchResult> result = new CompletableFuture<>();
        if (!running) {
            store(List.of(new Item(submission, result))); // not started (or stopping): on the caller's thread
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
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Item> batch = new ArrayList<>();
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
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Item left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("ingestion stopped"));
        }
    }

    private void store(List<Item> batch) {
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
                store(List.of(item));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    @Override
    public void start() {
        running = true;
        consumer = new Thread(this::consume, "monitoring-ingestion");
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            try {
                consumer.join(30_000); // what is queued is stored and answered first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer = null;
        }
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
