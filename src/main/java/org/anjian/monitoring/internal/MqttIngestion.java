package org.anjian.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.anjian.monitoring.internal.Ingestion.BatchResult;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.Ingestion.Sender;
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
 * split the load), and acknowledges a message (PUBACK) only after its readings are committed. A
 * message that fails to commit is not acknowledged: the client drops the connection and the broker
 * redelivers it to this or another node (persistent session, clean session off). A message that
 * can never be stored (malformed, unknown topic) is refused, counted and acknowledged.
 */
class MqttIngestion implements SmartLifecycle, MqttCallbackExtended {

    private static final Logger log = LoggerFactory.getLogger(MqttIngestion.class);

    private final Ingestion ingestion;
    private final MonitoringProperties properties;
    private final String url;
    private final String username;
    private final char[] password;
    private final String clientId;
    private MqttClient client;

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

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        UUID enterprise = enterprise(topic);
        Sender sender = new Sender("mqtt", enterprise, e -> e.equals(enterprise));
        String body = new String(message.getPayload(), StandardCharsets.UTF_8);
        if (enterprise == null) {
            ingestion.refuseMalformed(sender, "topic " + topic);
        } else {
            List<ReadingInput> readings;
            try {
                readings = ReadingsPayload.parse(body, properties.maxBatch());
            } catch (ReadingsPayload.Malformed e) {
                ingestion.refuseMalformed(sender, e.getMessage());
                readings = null;
            }
            if (readings != null) {
                // throws when the commit fails: no PUBACK, the connection drops and the broker redelivers
                BatchResult result = ingestion.ingest(sender, readings);
                if (result.refused() > 0) {
                    log.debug("MQTT message on {}: {} accepted, {} refused", topic, result.accepted(), result.refused());
                }
            }
        }
        client.messageArrivedComplete(message.getId(), message.getQos());
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
        log.warn("MQTT connection lost ({}); reconnecting", cause == null ? "?" : cause.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void stop() {
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
