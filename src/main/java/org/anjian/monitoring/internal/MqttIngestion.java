package org.anjian.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.anjian.monitoring.internal.Ingestion.BatchResult;
import org.anjian.monitoring.internal.Ingestion.Sender;
import org.anjian.monitoring.internal.Ingestion.Submission;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * MQTT ingestion (MON-2): subscribes with QoS 1 to {@code <prefix>/+} (one topic per enterprise;
 * with an external broker as the shared subscription {@code $share/<group>/<prefix>/+}, so the nodes
 * split the load), and acknowledges a message (PUBACK) only after its readings are committed.
 *
 * <p>Batching: Paho's callback thread only parses a message and queues it; one consumer thread
 * takes the queued messages — what arrives within {@code linger} (5 ms) of the first, up to
 * {@code batchMessages} / {@code batchReadings} — stores them in ONE transaction and then sends
 * their PUBACKs, in arrival order. If that transaction fails, its messages are tried one by one;
 * one that still fails is not acknowledged: the client drops the connection and connects again, and
 * the broker redelivers everything unacknowledged (persistent session, clean session off), to this
 * or another node. A message that can never be stored (malformed, unknown topic) is refused, counted
 * and acknowledged. An acknowledgement is sent only on the connection the message came on (a
 * generation number): after a reconnect, message ids name other messages.
 */
class MqttIngestion implements SmartLifecycle, MqttCallbackExtended {

    private static final Logger log = LoggerFactory.getLogger(MqttIngestion.class);

    private final Ingestion ingestion;
    private final MonitoringProperties properties;
    private final String url;
    private final String username;
    private final char[] password;
    private final String clientId;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Guards the generation against a PUBACK racing a lost connection. */
    private final Object connection = new Object();
    private volatile long generation;
    private volatile boolean running;
    private Thread consumer;
    private volatile MqttClient client;

    MqttIngestion(Ingestion ingestion, MonitoringProperties properties, String url, String username, char[] password, String clientId) {
        this.ingestion = ingestion;
        this.properties = properties;
        this.url = url;
        this.username = username;
        this.password = password;
        this.clientId = clientId;
    }

    String filter() {
        MonitoringProperties.Mqtt mqtt = properties.mqtt();
        String plain = mqtt.topicPrefix() + "/+";
        boolean shared = !mqtt.embedded() && mqtt.sharedGroup() != null && !mqtt.sharedGroup().isBlank();
        return shared ? "$share/" + mqtt.sharedGroup() + "/" + plain : plain;
    }

    @Override
    public void start() {
        running = true;
        consumer = new Thread(this::consume, "mqtt-ingestion");
        consumer.setDaemon(true);
        consumer.start();
        try {
            client = new MqttClient(url, clientId, new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(this);
            client.connect(options());
            client.subscribe(filter(), 1);
            log.info("MQTT ingestion subscribed to {} on {} as {}", filter(), url, clientId);
        } catch (MqttException e) {
            // the application still runs (HTTP ingestion); the client retries in the background
            log.error("MQTT broker {} not reachable ({}); readings over HTTP only until it is", url, e.getMessage());
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxInflight(1000);
        o.setKeepAliveInterval(30);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null && !username.isBlank()) {
            o.setUserName(username);
            o.setPassword(password);
        }
        return o;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (reconnect) {
            try {
                client.subscribe(filter(), 1);
            } catch (MqttException e) {
                log.warn("MQTT resubscribe failed: {}", e.getMessage());
            }
        }
    }

    /** A message parsed and waiting for the consumer. */
    private record Pending(int id, int qos, long generation, Submission submission) {
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        UUID enterprise = enterprise(topic);
        Sender sender = new Sender("mqtt", enterprise, e -> e.equals(enterprise));
        Submission submission;
        if (enterprise == null) {
            submission = Submission.malformed(sender, "topic " + topic);
        } else {
            try {
                submission = Submission.of(sender, ReadingsPayload.parse(new String(message.getPayload(), StandardCharsets.UTF_8), properties.maxBatch()));
            } catch (ReadingsPayload.Malformed e) {
                submission = Submission.malformed(sender, e.getMessage());
            }
        }
        queue.add(new Pending(message.getId(), message.getQos(), generation, submission));
    }

    /** The consumer: a batch of what is queued, one transaction, then the PUBACKs. */
    private void consume() {
        MonitoringProperties.Mqtt mqtt = properties.mqtt();
        long linger = mqtt.linger().toNanos();
        while (running) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                int readings = first.submission().readings().size();
                long until = System.nanoTime() + linger;
                while (batch.size() < mqtt.batchMessages() && readings < mqtt.batchReadings()) {
                    long wait = until - System.nanoTime();
                    Pending next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    readings += next.submission().readings().size();
                }
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("MQTT consumer: {}", e.toString(), e);
            }
        }
    }

    private void store(List<Pending> batch) throws InterruptedException {
        try {
            List<BatchResult> results = ingestion.ingestAll(batch.stream().map(Pending::submission).toList());
            acknowledge(batch);
            for (BatchResult r : results) {
                if (r.refused() > 0) {
                    log.debug("MQTT message: {} accepted, {} refused", r.accepted(), r.refused());
                }
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                log.warn("MQTT batch of {} messages failed ({}); one by one", batch.size(), e.toString());
                for (Pending p : batch) {
                    if (p.generation() == generation) {
                        store(List.of(p));
                    }
                }
                return;
            }
            log.error("MQTT message not stored ({}); not acknowledged, reconnecting for the broker to redeliver", e.toString());
            reconnect();
        }
    }

    /** PUBACKs in arrival order, only for messages of the current connection. */
    private void acknowledge(List<Pending> batch) {
        synchronized (connection) {
            for (Pending p : batch) {
                if (p.generation() != generation) {
                    continue; // came on a connection since lost: the broker redelivers it (stored once, it raises nothing again)
                }
                try {
                    client.messageArrivedComplete(p.id(), p.qos());
                } catch (MqttException | RuntimeException e) {
                    log.debug("MQTT PUBACK {} not sent: {}", p.id(), e.toString());
                }
            }
        }
    }

    /** Forgets the queued messages of the connection that ends: the broker redelivers them. */
    private void newGeneration() {
        synchronized (connection) {
            generation++;
            queue.clear();
        }
    }

    private void reconnect() throws InterruptedException {
        newGeneration();
        Thread.sleep(1000);
        try {
            if (client.isConnected()) {
                client.disconnect(5_000);
            }
            client.connect(options());
            client.subscribe(filter(), 1);
        } catch (MqttException e) {
            log.warn("MQTT reconnect failed: {}; retrying in the background", e.getMessage());
            try {
                client.reconnect();
            } catch (MqttException again) {
                log.debug("MQTT reconnect: {}", again.getMessage());
            }
        }
    }

    private UUID enterprise(String topic) {
        String prefix = properties.mqtt().topicPrefix() + "/";
        if (!topic.startsWith(prefix)) {
            return null;
        }
        try {
            return UUID.fromString(topic.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        newGeneration();
        log.warn("MQTT connection lost ({}); reconnecting", cause == null ? "?" : cause.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            try {
                consumer.join(10_000); // the batch in hand is committed and acknowledged; then the loop ends
                consumer.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer = null;
        }
        newGeneration(); // queued, unacknowledged: the broker redelivers them at the next start
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(5_000);
                }
                client.close(true);
            } catch (MqttException e) {
                log.debug("MQTT close: {}", e.getMessage());
            }
            client = null;
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    @Override
    public int getPhase() {
        return 10;
    }
}
