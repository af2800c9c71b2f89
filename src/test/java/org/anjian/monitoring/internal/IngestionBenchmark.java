package org.anjian.monitoring.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.anjian.AnjianApplication;
import org.anjian.identity.UserManagement;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingestion benchmark (issue 12; NOT a test): the application on a throw-away embedded
 * PostgreSQL with its embedded MQTT broker; the same number of readings is written
 * (1) by a raw {@code COPY} into the readings table, (2) over HTTP {@code POST /api/v1/readings} and
 * (3) over MQTT (QoS 1, device account), both with alarm evaluation on; then the reading-to-alarm
 * latency is sampled over MQTT while background load runs at half the MQTT peak rate.
 * Run: {@code scripts/monitoring-benchmark.sh [readings]}; results belong in docs/benchmarks.md.
 */
public final class IngestionBenchmark {

    static final int SENSORS = 200;
    static final int BATCH = 1000;
    static final int PARALLEL = 4;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int mqttPort = args.length > 1 ? Integer.parseInt(args[1]) : 18_839;
        // as command-line arguments: they outrank application.properties (builder properties would not)
        List<String> spring = new ArrayList<>(List.of("--anjian.embedded-db.mode=test", "--anjian.demo.enabled=false", "--server.port=0",
                "--spring.main.banner-mode=off", "--anjian.monitoring.mqtt.enabled=true", "--anjian.monitoring.mqtt.embedded-port=" + mqttPort,
                "--logging.level.root=WARN", "--anjian.monitoring.max-age=P30D", "--spring.datasource.hikari.maximum-pool-size=20"));
        spring.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length)); // more --properties after the two numbers
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjianApplication.class).run(spring.toArray(String[]::new));
        try {
            run(ctx, total, mqttPort);
        } finally {
            ctx.close();
        }
        System.exit(0);
    }

    static List<UUID> sensors(JdbcClient jdbc, UUID enterprise, String prefix, int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into monitoring_sensor (id, enterprise_id, code, name, kind, unit, object_kind, object_ref, hh, h, l, ll,
                      rate_per_minute, interval_seconds, active, created_at, updated_at)
                    values (:id, :e, :code, '压测液位', 'LEVEL', '%', 'TANK', 'bench', 95, 80, 10, 5, null, 60, true, now(), now())""")
                    .param("id", id).param("e", enterprise).param("code", prefix + i).update();
            ids.add(id);
        }
        return ids;
    }

    /** Readings i = 0..n-1: sensor i mod S, one second apart per sensor from {@code start}; 1 % above H 80. */
    static List<ReadingRepository.Row> rows(List<UUID> sensors, Instant start, int n, long seed) {
        Random r = new Random(seed);
        List<ReadingRepository.Row> rows = new ArrayList<>(n);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            double v = r.nextInt(100) == 0 ? 85 : 40 + r.nextDouble() * 20;
            rows.add(new ReadingRepository.Row(sensors.get(i % sensors.size()), start.plusSeconds(i / sensors.size()), Math.round(v * 100) / 100.0, now));
        }
        return rows;
    }

    static String json(List<ReadingRepository.Row> batch) {
        StringBuilder b = new StringBuilder(batch.size() * 110).append("{\"readings\":[");
        for (int i = 0; i < batch.size(); i++) {
            ReadingRepository.Row row = batch.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"sensor\":\"").append(row.sensorId()).append("\",\"at\":\"").append(row.readAt()).append("\",\"value\":")
                    .append(row.value()).append(",\"unit\":\"%\"}");
        }
        return b.append("]}").toString();
    }

    static long count(JdbcClient jdbc, UUID enterprise) {
        return jdbc.sql("select count(*) from monitoring_reading r join monitoring_sensor s on s.id = r.sensor_id where s.enterprise_id = :e")
                .param("e", enterprise).query(Long.class).single();
    }

    static void run(ConfigurableApplicationContext ctx, int total, int mqttPort) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        ReadingRepository readings = ctx.getBean(ReadingRepository.class);
        TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
        String port = ctx.getEnvironment().getProperty("local.server.port");
        Instant start = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        System.out.printf("readings per run: %,d; sensors %d; batch %d; %d senders; cores %d%n", total, SENSORS, BATCH, PARALLEL,
                Runtime.getRuntime().availableProcessors());

        // the senders: a district account's bearer token for HTTP, an enterprise device account for MQTT
        ctx.getBean(UserManagement.class).ensure(new UserManagement.NewUser("bench-device", "压测设备", "Bench@2026-device", EnumSet.of(Role.DISTRICT_ADMIN),
                ScopeKind.DISTRICT, null, null, null));
        HttpClient http = HttpClient.newHttpClient();
        String tokenBody = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-device\",\"password\":\"Bench@2026-device\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = tokenBody.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        UUID mqttEnterprise = UUID.randomUUID();
        String secret = "bench-secret-" + UUID.randomUUID();
        ctx.getBean(DeviceRepository.class).insert(new DeviceRepository.Device(UUID.randomUUID(), mqttEnterprise, "bench-" + mqttEnterprise.toString().substring(0, 8),
                Devices.sha256(secret), Instant.now()));
        String user = "bench-" + mqttEnterprise.toString().substring(0, 8);
        String topic = "anjian/readings/" + mqttEnterprise;
        List<MqttClient> publishers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            MqttClient c = new MqttClient("tcp://127.0.0.1:" + mqttPort, "bench" + i, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(user);
            o.setPassword(secret.toCharArray());
            o.setMaxInflight(100);
            c.connect(o);
            publishers.add(c);
        }

        // 0. warm-up, not timed: each path once with a fifth of the readings (at most 5,000) on sensors of their own, so that
        // no channel is timed while the JIT is still compiling its code (HTTP, timed first, used to pay for that alone)
        // WARM_UP=n (environment) warms up with n readings per path instead: on two cores the C2 compiler still took most of a core
        // during the timed runs after the default warm-up (top -H, 2026-12-02 14:22), time that COPY, mostly PostgreSQL's work, does not pay
        String warmUp = System.getenv("WARM_UP");
        int warm = warmUp == null || warmUp.isBlank() ? Math.min(5_000, Math.max(BATCH, total / 5)) : Integer.parseInt(warmUp.strip());
        UUID warmEnterprise = UUID.randomUUID();
        List<ReadingRepository.Row> warmCopy = rows(sensors(jdbc, warmEnterprise, "WC", SENSORS), start, warm, 11);
        parallel(warmCopy, batch -> tx.executeWithoutResult(s -> readings.copyRaw(batch)));
        httpRun(http, port, token, rows(sensors(jdbc, warmEnterprise, "WH", SENSORS), start, warm, 12));
        mqttRun(publishers, topic, rows(sensors(jdbc, mqttEnterprise, "WM", SENSORS), start, warm, 13));
        while (count(jdbc, mqttEnterprise) < warm) {
            Thread.sleep(20);
        }
        System.out.printf("warm-up: %,d readings by COPY, HTTP and MQTT each (not timed)%n", warm);

        // 1. raw COPY
        UUID copyEnterprise = UUID.randomUUID();
        List<ReadingRepository.Row> copyRows = rows(sensors(jdbc, copyEnterprise, "C", SENSORS), start, total, 1);
        long t0 = System.nanoTime();
        parallel(copyRows, batch -> tx.executeWithoutResult(s -> readings.copyRaw(batch)));
        double copyRate = total / seconds(t0);
        System.out.printf("COPY raw:          %,10.0f readings/s (%,d rows)%n", copyRate, count(jdbc, copyEnterprise));

        // 2. HTTP with alarm evaluation: 4 concurrent requests of 1,000 readings, each answered after its commit
        UUID httpEnterprise = UUID.randomUUID();
        List<ReadingRepository.Row> httpRows = rows(sensors(jdbc, httpEnterprise, "H", SENSORS), start, total, 2);
        t0 = System.nanoTime();
        httpRun(http, port, token, httpRows);
        double httpRate = total / seconds(t0);
        System.out.printf("HTTP + alarms:     %,10.0f readings/s (%,d rows) = %.0f %% of COPY%n", httpRate, count(jdbc, httpEnterprise),
                100 * httpRate / copyRate);

        // 3. MQTT with alarm evaluation: QoS 1 publishes, done when the last reading is committed
        List<ReadingRepository.Row> mqttRows = rows(sensors(jdbc, mqttEnterprise, "M", SENSORS), start, total, 3);
        t0 = System.nanoTime();
        mqttRun(publishers, topic, mqttRows);
        while (count(jdbc, mqttEnterprise) < warm + total) {
            Thread.sleep(20);
        }
        double mqttRate = total / seconds(t0);
        System.out.printf("MQTT + alarms:     %,10.0f readings/s (%,d rows) = %.0f %% of COPY%n", mqttRate, count(jdbc, mqttEnterprise) - warm,
                100 * mqttRate / copyRate);
        long open = jdbc.sql("select count(*) from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id "
                        + "where a.enterprise_id in (:e) and a.state <> 'CLEARED' and s.code not like 'W%'")
                .param("e", List.of(httpEnterprise, mqttEnterprise)).query(Long.class).single();
        System.out.printf("open alarms after HTTP + MQTT runs: %d (at most one per sensor and condition: <= %d)%n", open, 2 * SENSORS * 2);

        // 4. latency reading → alarm visible, at half the MQTT peak with background load
        latency(jdbc, publishers, topic, mqttEnterprise, mqttRate / 2, start.plus(10, ChronoUnit.DAYS));
        for (MqttClient c : publishers) {
            c.disconnect();
            c.close();
        }
    }

    static void latency(JdbcClient jdbc, List<MqttClient> publishers, String topic, UUID enterprise, double rate, Instant start) throws Exception {
        List<UUID> probes = sensors(jdbc, enterprise, "L", 200);
        List<UUID> load = sensors(jdbc, enterprise, "B", SENSORS);
        int perMessage = 100;
        long intervalNanos = (long) (1e9 * perMessage / rate);
        AtomicInteger sent = new AtomicInteger();
        Thread background = new Thread(() -> {
            int i = 0;
            long nextAt = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                List<ReadingRepository.Row> batch = rows(load, start.plusSeconds(i * 10L), perMessage, i);
                try {
                    publishers.get(i % publishers.size()).publish(topic, json(batch).getBytes(StandardCharsets.UTF_8), 1, false);
                } catch (Exception e) {
                    return;
                }
                i++;
                sent.addAndGet(perMessage);
                nextAt += intervalNanos;
                long wait = nextAt - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        background.start();
        Thread.sleep(2000);
        long[] latencies = new long[probes.size()];
        for (int p = 0; p < probes.size(); p++) {
            UUID sensor = probes.get(p);
            String body = "{\"readings\":[{\"sensor\":\"" + sensor + "\",\"at\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"value\":99,\"unit\":\"%\"}]}";
            long t = System.nanoTime();
            publishers.get(p % publishers.size()).publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
            while (jdbc.sql("select count(*) from monitoring_alarm where sensor_id = :s").param("s", sensor).query(Long.class).single() == 0) {
                Thread.sleep(1);
            }
            latencies[p] = System.nanoTime() - t;
            Thread.sleep(20);
        }
        background.interrupt();
        background.join();
        Arrays.sort(latencies);
        System.out.printf("latency reading → alarm visible at %,.0f readings/s background load: p50 %.1f ms, p99 %.1f ms (%d probes)%n", rate,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, latencies.length);
    }

    static void httpRun(HttpClient http, String port, String token, List<ReadingRepository.Row> rows) throws Exception {
        parallel(rows, batch -> {
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/readings"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json(batch))).build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + res.statusCode() + " " + res.body());
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Publishes the rows (QoS 1) round robin over the publishers; returns when all are PUBACKed, not when they are stored. */
    static void mqttRun(List<MqttClient> publishers, String topic, List<ReadingRepository.Row> rows) throws Exception {
        AtomicInteger next = new AtomicInteger();
        parallel(rows, batch -> {
            try {
                publishers.get(Math.floorMod(next.getAndIncrement(), PARALLEL)).publish(topic, json(batch).getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface BatchSink {
        void accept(List<ReadingRepository.Row> batch);
    }

    static void parallel(List<ReadingRepository.Row> rows, BatchSink sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < rows.size(); i += BATCH) {
                List<ReadingRepository.Row> batch = rows.subList(i, Math.min(rows.size(), i + BATCH));
                done.add(pool.submit(() -> sink.accept(batch)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
