package org.anjian.monitoring.internal;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The load and the count of {@code scripts/monitoring-kill9.sh} (issue 12, NOT a test).
 * {@code setup <jdbc>}: 50 sensors of a new enterprise, printed. {@code load <dir> <port> <enterprise> <seconds>}:
 * readings over MQTT (the machine's Mosquitto, QoS 1) and HTTP as fast as they are taken, writing
 * every reading whose PUBACK or HTTP 2xx came back to {@code acked.txt}, whatever happens to the
 * application meanwhile. {@code verify <dir> <jdbc>}: every acknowledged reading is in the database,
 * and no sensor has two open alarms of one condition.
 */
public final class Kill9Load {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1]);
            case "load" -> load(Path.of(args[1]), args[2], UUID.fromString(args[3]), Integer.parseInt(args[4]), args[5]);
            case "verify" -> System.exit(verify(Path.of(args[1]), args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Connection db(String url) throws Exception {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    static void setup(String url) throws Exception {
        UUID enterprise = UUID.randomUUID();
        try (Connection c = db(url); PreparedStatement ps = c.prepareStatement("""
                insert into monitoring_sensor (id, enterprise_id, code, name, kind, unit, object_kind, object_ref, hh, h, l, ll,
                  interval_seconds, active, created_at, updated_at)
                values (?, ?, ?, 'kill-9 液位', 'LEVEL', '%', 'TANK', 'kill9', 95, 80, 10, 5, 60, true, now(), now())""")) {
            for (int i = 0; i < 50; i++) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, enterprise);
                ps.setString(3, "K-" + i);
                ps.executeUpdate();
            }
        }
        System.out.println(enterprise);
    }

    static void load(Path dir, String port, UUID enterprise, int seconds, String url) throws Exception {
        Files.createDirectories(dir);
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        try (Connection c = db(url); PreparedStatement ps = c.prepareStatement("select code, id from monitoring_sensor where enterprise_id = ?")) {
            ps.setObject(1, enterprise);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread mqtt = new Thread(() -> run(dir.resolve("acked-mqtt.txt"), end, (batch) -> {
            MqttHolder.publish("anjian-kill9/readings/" + enterprise, json(batch));
            return true;
        }));
        HttpClient http = HttpClient.newHttpClient();
        String token = token(http, port);
        Thread web = new Thread(() -> run(dir.resolve("acked-http.txt"), end, (batch) -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/readings"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(json(batch.stream().map(x -> new String[] {ids.get(x[0]), x[1], x[2]}).toList())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        }));
        mqtt.start();
        web.start();
        mqtt.join();
        web.join();
        MqttHolder.close();
    }

    interface Sender {
        boolean send(List<String[]> batch) throws Exception;
    }

    static int counter = 0;

    static synchronized int next() {
        return counter++;
    }

    static void run(Path file, long end, Sender sender) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true)) {
            Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            while (System.nanoTime() < end) {
                int n = next();
                List<String[]> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    // the same code K-i and a time unique to this batch: the key of a reading
                    batch.add(new String[] {"K-" + i, base.plusMillis(n).toString(), String.valueOf(n % 97 == 0 ? 85 : 50)});
                }
                try {
                    if (sender.send(batch)) {
                        for (String[] r : batch) {
                            out.println(r[0] + " " + r[1]);
                        }
                    }
                } catch (Exception e) {
                    Thread.sleep(200); // the application is down: not acknowledged, not counted; try again
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(HttpClient http, String port) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + System.getenv().getOrDefault("ANJIAN_DEMO_PASSWORD", "Anjian@2023") + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static String json(List<String[]> batch) {
        StringBuilder b = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < batch.size(); i++) {
            String[] r = batch.get(i);
            b.append(i == 0 ? "" : ",").append("{\"sensor\":\"").append(r[0]).append("\",\"at\":\"").append(r[1]).append("\",\"value\":")
                    .append(r[2]).append(",\"unit\":\"%\"}");
        }
        return b.append("]}").toString();
    }

    /** One MQTT publisher that reconnects to the machine's Mosquitto; a publish returns when Mosquitto's PUBACK came. */
    static final class MqttHolder {
        static MqttClient client;

        static synchronized void publish(String topic, String body) throws Exception {
            if (client == null || !client.isConnected()) {
                client = new MqttClient(System.getProperty("kill9.mqtt", "tcp://127.0.0.1:1883"), "kill9-dev-" + UUID.randomUUID().toString().substring(0, 6), new MemoryPersistence());
                MqttConnectOptions o = new MqttConnectOptions();
                o.setCleanSession(true);
                client.connect(o);
                client.setTimeToWait(10_000);
            }
            client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        static synchronized void close() throws Exception {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
        }
    }

    static long kill9Readings(String url) throws Exception {
        try (Connection c = db(url); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from monitoring_reading r join monitoring_sensor s on s.id = r.sensor_id where s.object_ref = 'kill9'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int verify(Path dir, String url) throws Exception {
        // what the broker kept for the platform's session while it was down is delivered after the restart: wait until the count is still
        long before = -1;
        long now = kill9Readings(url);
        for (int i = 0; i < 90 && now != before; i++) {
            Thread.sleep(3000);
            before = now;
            now = kill9Readings(url);
        }
        Set<String> stored = new HashSet<>();
        try (Connection c = db(url); ResultSet rs = c.createStatement().executeQuery(
                "select s.code, r.read_at from monitoring_reading r join monitoring_sensor s on s.id = r.sensor_id where s.object_ref = 'kill9'")) {
            while (rs.next()) {
                stored.add(rs.getString(1) + " " + rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
            }
        }
        int missing = 0;
        int acked = 0;
        for (String f : new String[] {"acked-mqtt.txt", "acked-http.txt"}) {
            int m = 0;
            List<String> lines = Files.readAllLines(dir.resolve(f));
            for (String line : lines) {
                if (!stored.contains(line)) {
                    m++;
                }
            }
            System.out.printf("%s: %,d acknowledged readings, %,d missing from the database%n", f, lines.size(), m);
            missing += m;
            acked += lines.size();
        }
        long duplicates;
        try (Connection c = db(url); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from (select sensor_id, condition from monitoring_alarm where state <> 'CLEARED' group by 1, 2 having count(*) > 1) d")) {
            rs.next();
            duplicates = rs.getLong(1);
        }
        long open;
        try (Connection c = db(url); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id where s.object_ref = 'kill9' and a.state <> 'CLEARED'")) {
            rs.next();
            open = rs.getLong(1);
        }
        System.out.printf("stored %,d kill9 readings; %,d acknowledged; %d missing; %d open kill9 alarms; %d sensor+condition pairs with more than one open alarm%n",
                stored.size(), acked, missing, open, duplicates);
        return missing == 0 && duplicates == 0 ? 0 : 1;
    }
}
