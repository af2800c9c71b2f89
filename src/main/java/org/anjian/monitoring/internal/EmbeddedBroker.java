package org.anjian.monitoring.internal;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The MQTT broker of the default run (Moquette, on 127.0.0.1 and {@code embeddedPort}), so that
 * {@code ./mvnw spring-boot:run} needs nothing else. Devices sign in with their enterprise's device
 * account and may publish only to {@code <prefix>/<their enterprise id>}; the platform's own client
 * signs in with a secret made at start-up and reads. Production uses an external broker instead
 * (Mosquitto, EMQX) whose ACL does the same.
 */
class EmbeddedBroker implements SmartLifecycle {

    static final String PLATFORM_USER = "anjian-platform";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final MonitoringProperties.Mqtt mqtt;
    private final int maxBatch;
    private final Devices devices;
    private final byte[] platformSecret;
    private Server server;

    EmbeddedBroker(MonitoringProperties properties, Devices devices) {
        this.mqtt = properties.mqtt();
        this.maxBatch = properties.maxBatch();
        this.devices = devices;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.platformSecret = java.util.HexFormat.of().formatHex(random).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    String platformPassword() {
        return new String(platformSecret, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void start() {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(IConfig.PORT_PROPERTY_NAME, String.valueOf(mqtt.embeddedPort()));
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        // a batch of maxBatch readings is about 110 bytes each; Moquette's default (8 KB) would drop them
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, String.valueOf(Math.max(65_536, maxBatch * 160)));
        IAuthenticator authenticator = (clientId, username, password) -> PLATFORM_USER.equals(username)
                ? password != null && java.security.MessageDigest.isEqual(password, platformSecret)
                : devices.authenticate(username, password).isPresent();
        IAuthorizatorPolicy policy = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                return !PLATFORM_USER.equals(user) && devices.enterpriseOf(user)
                        .map(e -> topic.toString().equals(mqtt.topicPrefix() + "/" + e)).orElse(false);
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return PLATFORM_USER.equals(user);
            }
        };
        server = new Server();
        try {
            server.startServer(new MemoryConfig(p), List.of(), null, authenticator, policy);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded MQTT broker cannot start on port " + mqtt.embeddedPort(), e);
        }
        log.info("embedded MQTT broker on 127.0.0.1:{} (devices publish to {}/<enterpriseId>)", mqtt.embeddedPort(), mqtt.topicPrefix());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
            Arrays.fill(platformSecret, (byte) 0);
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Before the platform's client connects, after it disconnects. */
    @Override
    public int getPhase() {
        return 0;
    }
}
