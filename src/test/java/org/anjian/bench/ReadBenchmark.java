package org.anjian.bench;

import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The district-scale read benchmark (issue 17; not a test: run by hand against an application started with the
 * {@code district-scale} profile, see docs/benchmarks.md). For each query, at 1, 8 and 32 concurrent clients: a
 * warm-up, then requests for a fixed time window, measuring p50/p95/p99 latency and throughput, first through the
 * application's own endpoint and then through the bare-JDBC reference ({@code /api/v1/bench/jdbc/…}) in the same run.
 * JDK only (no JSON library), so it runs from {@code target/test-classes} alone. API endpoints with a bearer token ({@code POST /api/v1/auth/token}); page endpoints (the hazard dashboard, the risk
 * map's data) with a signed-in session per client. Bounded: every cell stops by itself after its window.
 *
 * <pre>
 * java -cp target/test-classes org.anjian.bench.ReadBenchmark \
 *     [baseUrl=http://127.0.0.1:8204] [only=substring,…] [skip=substring,…] [clients=1,8,32] [seconds=4]
 * </pre>
 */
public final class ReadBenchmark {

    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

    record Query(String name, String app, boolean appSession, String jdbc) {
    }

    record Cell(double p50, double p95, double p99, double perSecond, int n, int errors) {
        String text() {
            return n == 0 ? "— | — | — | —" : String.format(Locale.ROOT, "%.1f | %.1f | %.1f | %.0f", p50, p95, p99, perSecond)
                    + (errors > 0 ? " (" + errors + " errors)" : "");
        }
    }

    private final String base;
    private final String user;
    private final String password;
    private String token;

    ReadBenchmark(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:8204";
        List<String> only = List.of();
        List<String> skip = List.of();
        int[] clients = {1, 8, 32};
        int seconds = 4;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "baseUrl" -> base = kv[1];
                case "only" -> only = Arrays.asList(kv[1].split(","));
                case "skip" -> skip = Arrays.asList(kv[1].split(","));
                case "clients" -> clients = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "seconds" -> seconds = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        ReadBenchmark b = new ReadBenchmark(base, System.getProperty("bench.user", "admin"), System.getProperty("bench.password", "Anjian@2023"));
        b.run(only, skip, clients, seconds);
    }

    void run(List<String> only, List<String> skip, int[] clients, int seconds) throws Exception {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        token = token(plain);
        String town = field(get(plain, "/api/v1/bench/jdbc/enterprises?size=1", false).body(), "town_id");
        int year = java.time.Year.now().getValue() - 1;
        // keyset cursors at the same depths as the numbered deep pages (the row before the page's first)
        String hazardsAfter = field(get(plain, "/api/v1/bench/jdbc/cursor/hazards?offset=499999", false).body(), "cursor");
        String inspectionsAfter = field(get(plain, "/api/v1/bench/jdbc/cursor/inspections?offset=99999", false).body(), "cursor");
        String casesAfter = field(get(plain, "/api/v1/bench/jdbc/cursor/penalty-cases?offset=39999", false).body(), "cursor");
        String enterprisesAfter = field(get(plain, "/api/v1/bench/jdbc/cursor/enterprises?offset=15999", false).body(), "cursor");
        List<Query> all = List.of(
                new Query("enterprises page 1", "/api/v1/enterprises?size=20", false, "/api/v1/bench/jdbc/enterprises?size=20"),
                new Query("enterprises town", "/api/v1/enterprises?size=20&regionId=" + town, false, "/api/v1/bench/jdbc/enterprises?size=20&regionId=" + town),
                new Query("enterprises sector+class", "/api/v1/enterprises?size=20&sector=HAZCHEM&supervisionClass=B", false,
                        "/api/v1/bench/jdbc/enterprises?size=20&sector=HAZCHEM&supervisionClass=B"),
                new Query("enterprises name search", "/api/v1/enterprises?size=20&q=" + enc("华森"), false, "/api/v1/bench/jdbc/enterprises?size=20&q=" + enc("华森")),
                new Query("enterprises deep page (800)", "/api/v1/enterprises?size=20&page=800", false, "/api/v1/bench/jdbc/enterprises?size=20&page=800"),
                new Query("enterprises keyset (after 16,000)", "/api/v1/enterprises?size=20&after=" + enterprisesAfter, false,
                        "/api/v1/bench/jdbc/enterprises?size=20&after=" + enterprisesAfter),
                new Query("hazards page 1", "/api/v1/hazards?size=20", false, "/api/v1/bench/jdbc/hazards?size=20"),
                new Query("hazards state", "/api/v1/hazards?size=20&state=RECTIFYING", false, "/api/v1/bench/jdbc/hazards?size=20&state=RECTIFYING"),
                new Query("hazards major", "/api/v1/hazards?size=20&grade=MAJOR", false, "/api/v1/bench/jdbc/hazards?size=20&grade=MAJOR"),
                new Query("hazards town", "/api/v1/hazards?size=20&regionId=" + town, false, "/api/v1/bench/jdbc/hazards?size=20&regionId=" + town),
                new Query("hazards overdue", "/api/v1/hazards?size=20&overdue=true", false, "/api/v1/bench/jdbc/hazards?size=20&overdue=true"),
                new Query("hazards deep page (25000)", "/api/v1/hazards?size=20&page=25000", false, "/api/v1/bench/jdbc/hazards?size=20&page=25000"),
                new Query("hazards keyset (after 500,000)", "/api/v1/hazards?size=20&after=" + hazardsAfter, false,
                        "/api/v1/bench/jdbc/hazards?size=20&after=" + hazardsAfter),
                new Query("inspections page 1", "/api/v1/inspections?size=20", false, "/api/v1/bench/jdbc/inspections?size=20"),
                new Query("inspections state+year", "/api/v1/inspections?size=20&state=DONE&year=" + year, false,
                        "/api/v1/bench/jdbc/inspections?size=20&state=DONE&year=" + year),
                new Query("inspections deep page (5000)", "/api/v1/inspections?size=20&page=5000", false, "/api/v1/bench/jdbc/inspections?size=20&page=5000"),
                new Query("inspections keyset (after 100,000)", "/api/v1/inspections?size=20&after=" + inspectionsAfter, false,
                        "/api/v1/bench/jdbc/inspections?size=20&after=" + inspectionsAfter),
                new Query("penalty cases page 1", "/api/v1/penalty-cases?size=20", false, "/api/v1/bench/jdbc/penalty-cases?size=20"),
                new Query("penalty cases state", "/api/v1/penalty-cases?size=20&state=CLOSED", false, "/api/v1/bench/jdbc/penalty-cases?size=20&state=CLOSED"),
                new Query("penalty cases deep page (2000)", "/api/v1/penalty-cases?size=20&page=2000", false,
                        "/api/v1/bench/jdbc/penalty-cases?size=20&page=2000"),
                new Query("penalty cases keyset (after 40,000)", "/api/v1/penalty-cases?size=20&after=" + casesAfter, false,
                        "/api/v1/bench/jdbc/penalty-cases?size=20&after=" + casesAfter),
                new Query("hazard dashboard (page)", "/hazards/dashboard", true, "/api/v1/bench/jdbc/hazard-dashboard"),
                new Query("risk map data (page JSON)", "/risk/map/data", true, "/api/v1/bench/jdbc/risk-map"),
                new Query("command overview", "/api/v1/command/overview", false, "/api/v1/bench/jdbc/command-overview"),
                new Query("command overview town", "/api/v1/command/overview?town=" + town, false, null),
                new Query("command layer enterprises", "/api/v1/command/layers/enterprises", false, "/api/v1/bench/jdbc/command-layer/enterprises"),
                new Query("command layer risk", "/api/v1/command/layers/risk", false, "/api/v1/bench/jdbc/command-layer/risk"),
                new Query("command layer hazards", "/api/v1/command/layers/hazards", false, "/api/v1/bench/jdbc/command-layer/hazards"),
                new Query("command layer alarms", "/api/v1/command/layers/alarms", false, "/api/v1/bench/jdbc/command-layer/alarms"),
                new Query("command layer accidents", "/api/v1/command/layers/accidents", false, "/api/v1/bench/jdbc/command-layer/accidents"),
                new Query("command layer permits", "/api/v1/command/layers/permits", false, "/api/v1/bench/jdbc/command-layer/permits"),
                new Query("command layer inspections", "/api/v1/command/layers/inspections", false, "/api/v1/bench/jdbc/command-layer/inspections"),
                new Query("command trends", "/api/v1/command/trends", false, "/api/v1/bench/jdbc/command-trends"),
                new Query("command analysis (page)", "/command/analysis", true, "/api/v1/bench/jdbc/command-analysis"));
        int maxClients = Arrays.stream(clients).max().orElse(1);
        List<HttpClient> sessions = new ArrayList<>();
        OUT.println("| query | clients | app p50 | app p95 | app p99 | app req/s | JDBC p50 | JDBC p95 | JDBC p99 | JDBC req/s | p95 app/JDBC |");
        OUT.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Query q : all) {
            if (!only.isEmpty() && only.stream().noneMatch(o -> q.name().contains(o)) || skip.stream().anyMatch(o -> q.name().contains(o))) {
                continue;
            }
            if (q.appSession() && sessions.isEmpty()) {
                for (int i = 0; i < maxClients; i++) {
                    sessions.add(signIn());
                }
            }
            HttpResponse<String> probe = q.appSession() ? sessions.get(0).send(request(q.app(), false), HttpResponse.BodyHandlers.ofString())
                    : get(plain, q.app(), true);
            if (probe.statusCode() != 200) {
                OUT.println("| " + q.name() + " | — | HTTP " + probe.statusCode() + " (not measured) | | | | | | | | |");
                continue;
            }
            for (int c : clients) {
                Cell app = measure(q.app(), c, seconds, q.appSession() ? sessions : null, true);
                Cell ref = q.jdbc() == null ? null : measure(q.jdbc(), c, seconds, null, false);
                OUT.println("| " + q.name() + " | " + c + " | " + app.text().replace(" | ", " | ") + " | "
                        + (ref == null ? "— | — | — | —" : ref.text()) + " | "
                        + (ref == null || ref.n() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", app.p95() / ref.p95())) + " |");
            }
        }
    }

    private Cell measure(String path, int clients, int seconds, List<HttpClient> sessions, boolean app) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            HttpClient shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // warm-up: every client a few requests, not recorded
            runFor(pool, clients, Math.max(1, seconds / 2), path, sessions, shared, null, new AtomicInteger());
            List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            long start = System.nanoTime();
            runFor(pool, clients, seconds, path, sessions, shared, nanos, errors);
            double elapsed = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Cell(0, 0, 0, 0, 0, errors.get());
            }
            return new Cell(pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.size() / elapsed, sorted.size(), errors.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private void runFor(ExecutorService pool, int clients, int seconds, String path, List<HttpClient> sessions, HttpClient shared, List<Long> nanos,
                        AtomicInteger errors) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            HttpClient client = sessions == null ? shared : sessions.get(i);
            boolean bearer = sessions == null;
            futures.add(pool.submit(() -> {
                int done = 0;
                // at least two requests per client, then until the window closes
                while (done < 2 || System.nanoTime() < until) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = client.send(request(path, bearer), HttpResponse.BodyHandlers.discarding());
                        long t = System.nanoTime() - t0;
                        if (r.statusCode() == 200) {
                            if (nanos != null) {
                                nanos.add(t);
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    done++;
                    if (done > 10_000) {
                        break;
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    private HttpRequest request(String path, boolean bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (bearer) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpResponse<String> get(HttpClient client, String path, boolean bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        b.header("Authorization", "Bearer " + token);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(HttpClient client) throws Exception {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token: HTTP " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "token");
    }

    /** A client with its own signed-in session (form login with the page's CSRF token). */
    private HttpClient signIn() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("sign-in failed: HTTP " + r.statusCode() + " → " + location);
        }
        return client;
    }

    /** The first string value of this field in a JSON text (no JSON library: the client runs on the JDK alone). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
