package org.anjian.shared.live.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.anjian.shared.live.LiveMessage;
import org.anjian.shared.live.LiveUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LiveUpdates} over PostgreSQL: {@code publish} runs {@code pg_notify} on the caller's connection, so the
 * database delivers it when the caller's transaction commits (and never when it rolls back); every node's
 * {@link PgNotificationListener} hears it and hands it to the streams opened on that node whose topic matches and
 * whose filter lets it through. One thread sends, in order: messages and, every 15 s, a comment that keeps idle
 * streams open through proxies. A stream that cannot be written to is dropped.
 */
@Component
class PgLiveUpdates implements LiveUpdates, SmartLifecycle {

    static final String CHANNEL = "anjian_live";
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7900;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(PgLiveUpdates.class);

    private record Subscriber(java.util.Set<String> topics, Predicate<LiveMessage> visible, SseEmitter emitter) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataSource dataSource;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService sender;
    private PgNotificationListener listener;
    private volatile boolean running;

    PgLiveUpdates(JdbcClient jdbc, JsonMapper json, DataSource dataSource) {
        this.jdbc = jdbc;
        this.json = json;
        this.dataSource = dataSource;
    }

    // ---- publishing --------------------------------------------------------------------------------

    @Override
    public void publish(LiveMessage message) {
        String payload = encode(json, message);
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query(rs -> Boolean.TRUE);
    }

    /** The message as JSON under the NOTIFY limit: when the data would not fit, it goes without it (marked truncated). */
    static String encode(JsonMapper json, LiveMessage m) {
        String full = json.writeValueAsString(view(m, m.data()));
        if (full.getBytes(StandardCharsets.UTF_8).length < MAX_PAYLOAD_BYTES) {
            return full;
        }
        String bare = json.writeValueAsString(view(m, Map.of("truncated", "true")));
        if (bare.getBytes(StandardCharsets.UTF_8).length >= MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("live message topic and kind too long");
        }
        return bare;
    }

    private static Map<String, Object> view(LiveMessage m, Map<String, String> data) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("topic", m.topic());
        v.put("kind", m.kind());
        v.put("enterpriseId", m.enterpriseId() == null ? null : m.enterpriseId().toString());
        v.put("data", data);
        return v;
    }

    static LiveMessage decode(JsonMapper json, String payload) {
        JsonNode n = json.readTree(payload);
        Map<String, String> data = new LinkedHashMap<>();
        JsonNode d = n.get("data");
        if (d != null && d.isObject()) {
            d.properties().forEach(e -> data.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
        }
        data.values().removeIf(java.util.Objects::isNull);
        JsonNode e = n.get("enterpriseId");
        return new LiveMessage(text(n, "topic"), text(n, "kind"), e == null || e.isNull() ? null : UUID.fromString(e.asString()), data);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    // ---- subscribing -------------------------------------------------------------------------------

    @Override
    public SseEmitter subscribe(String topic, Predicate<LiveMessage> visible) {
        return subscribe(java.util.Set.of(topic), visible);
    }

    @Override
    public SseEmitter subscribe(java.util.Set<String> topics, Predicate<LiveMessage> visible) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber s = new Subscriber(java.util.Set.copyOf(topics), visible, emitter);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> {
            subscribers.remove(s);
            emitter.complete();
        });
        emitter.onError(t -> subscribers.remove(s));
        try {
            emitter.send(SseEmitter.event().comment("open").reconnectTime(5000));
        } catch (IOException e) {
            subscribers.remove(s);
        }
        return emitter;
    }

    /** Streams open on this node (for tests and metrics). */
    int openStreams() {
        return subscribers.size();
    }

    void dispatch(String payload) {
        LiveMessage m = decode(json, payload);
        for (Subscriber s : subscribers) {
            if (m.topic() == null || !s.topics().contains(m.topic())) {
                continue;
            }
            boolean show;
            try {
                show = s.visible().test(m);
            } catch (RuntimeException e) {
                show = false;
            }
            if (show) {
                send(s, SseEmitter.event().data(payload, MediaType.APPLICATION_JSON));
            }
        }
    }

    private void heartbeat() {
        for (Subscriber s : subscribers) {
            send(s, SseEmitter.event().comment("hb"));
        }
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(s);
            try {
                s.emitter().complete();
            } catch (RuntimeException ignored) {
                // the stream is gone already
            }
        }
    }

    // ---- life cycle --------------------------------------------------------------------------------

    /** A connection of its own for LISTEN, with the pool's settings (a pooled one would be held forever). */
    PgNotificationListener.ConnectionSource connections() {
        return () -> {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource h = dataSource.unwrap(HikariDataSource.class);
                if (h.getJdbcUrl() != null) {
                    return DriverManager.getConnection(h.getJdbcUrl(), h.getUsername(), h.getPassword());
                }
            }
            return dataSource.getConnection();
        };
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-sender");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        listener = new PgNotificationListener(connections(), CHANNEL, payload -> {
            ScheduledExecutorService x = sender;
            if (x != null && !x.isShutdown()) {
                x.execute(() -> {
                    try {
                        dispatch(payload);
                    } catch (RuntimeException e) {
                        log.warn("Live updates: message not delivered: {}", e.toString());
                    }
                });
            }
        });
        listener.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.close();
        }
        if (sender != null) {
            sender.shutdownNow();
        }
        for (Subscriber s : subscribers) {
            try {
                s.emitter().complete();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this node's LISTEN is in place. */
    boolean listening() {
        return listener != null && listener.listening();
    }
}
