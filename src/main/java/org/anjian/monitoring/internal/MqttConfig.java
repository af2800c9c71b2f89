package org.anjian.monitoring.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The embedded broker (default run) and the platform's MQTT client; off with {@code anjian.monitoring.mqtt.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${anjian.monitoring.mqtt.enabled:true}")
class MqttConfig {

    @Bean
    @ConditionalOnExpression("${anjian.monitoring.mqtt.embedded:true} and '${anjian.monitoring.mqtt.url:}' == ''")
    EmbeddedBroker embeddedBroker(MonitoringProperties properties, Devices devices) {
        return new EmbeddedBroker(properties, devices);
    }

    @Bean
    MqttIngestion mqttIngestion(IngestionQueue queue, MonitoringProperties properties, ObjectProvider<EmbeddedBroker> embedded, Environment env) {
        EmbeddedBroker broker = embedded.getIfAvailable();
        MonitoringProperties.Mqtt mqtt = properties.mqtt();
        String clientId = env.getProperty("anjian.monitoring.mqtt.client-id", "anjian-" + host() + "-" + env.getProperty("server.port", "8080"));
        if (broker != null) {
            return new MqttIngestion(queue, properties, mqtt.brokerUrl(), EmbeddedBroker.PLATFORM_USER, broker.platformPassword().toCharArray(),
                    clientId);
        }
        return new MqttIngestion(queue, properties, mqtt.brokerUrl(), mqtt.username(), mqtt.password() == null ? null : mqtt.password().toCharArray(),
                clientId);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
