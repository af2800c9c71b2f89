package org.anjian.monitoring.internal;

import java.util.List;
import java.util.UUID;
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
 * <p>Batching: Paho's callback thread only parses a message and hands it to the {@link IngestionQueue}
 * (group commit with the HTTP requests: everything queued is stored in ONE transaction); the PUBACK is
 * sent when the message's batch has committed, in arrival order. A message that cannot be stored is
 * not acknowledged: the client drops the connection and connects again, and the broker redelivers
 * everything unacknowledged (persistent session, clean session off), to this or another node. A
 * message that can never be stored (malformed, unknown topic) is refused, counted and acknowledged.
 * An acknowledgement is sent only on the connection the message came on (a generation number):
 * after a reconnect, message ids name other messages.
 */
class MqttIngestion implements SmartLifecycle, MqttCallbackExtended {

    private static final Logger log = LoggerFactory.getLogger(MqttIngestion.class);

    private final MonitoringProperties properties;
    private final String url;
    private final String username;
    private final char[] password;
    private final String clientId;
    private final IngestionQueue queue;
    private final java.util.concurrent.atomic.AtomicBoolean reconnecting = new java.util.concurrent.atomic.AtomicBoolean();
    /** Guards the generation against a PUBACK racing a lost connection. */
    private final Object connection = new Object();
    private volatile long generation;
    private volatile MqttClient client;

    MqttIngestion(IngestionQueue queue, MonitoringProperties properties, String url, String username, char[] password, String clientId) {
        this.queue = queue;
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

    /** A message handed to the queue: what its PUBACK needs. */
    private record Pending(int id, int qos, long generation) {
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
                submission = Submission.of(sender, ReadingsPayload.parse(message.getPayload(), properties.maxBatch()));
            } catch (ReadingsPayload.Malformed e) {
                submission = Submission.malformed(sender, e.getMessage());
            }
        }
        Pending pending = new Pending(message.getId(), message.getQos(), generation);
        queue.submit(submission).whenComplete((result, failure) -> {
            if (failure == null) {
                acknowledge(pending);
                if (result.refused() > 0) {
                    log.debug("MQTT message on {}: {} accepted, {} refused", topic, result.accepted(), result.refused());
                }
            } else if (pending.generation() == generation) {
                log.error("MQTT message not stored ({}); not acknowledged, reconnecting for the broker to redeliver", failure.toString());
                reconnectLater();
            }
        });
    }

    /** The PUBACK, only on the connection the message came on (called in arrival order by the queue's consumer). */
    private void acknowledge(Pending p) {
        synchronized (connection) {
            if (p.generation() != generation || client == null) {
                return; // came on a connection since lost: the broker redelivers it (stored once, it raises nothing again)
            }
            try {
                client.messageArrivedComplete(p.id(), p.qos());
            } catch (MqttException | RuntimeException e) {
                log.debug("MQTT PUBACK {} not sent: {}", p.id(), e.toString());
            }
        }
    }

    private void newGeneration() {
        synchronized (connection) {
            generation++;
        }
    }

    /** Off the consumer's thread: a second later, disconnect and connect again, so the broker redelivers what is unacknowledged. */
    private void reconnectLater() {
        newGeneration();
        if (!reconnecting.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                reconnect();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                reconnecting.set(false);
            }
        }, "mqtt-reconnect");
        t.setDaemon(true);
        t.start();
    }

    private void reconnect() throws InterruptedException {
        Thread.sleep(1000);
        MqttClient client = this.client;
        if (client == null) {
            return;
        }
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
        newGeneration(); // queued, not yet acknowledged: the broker redelivers them at the next start
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
