package org.anjian.command;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.anjian.AnjianApplication;
import org.anjian.enterprise.EnterpriseTestData;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.anjian.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL (two application contexts on random ports against the same test database, as two
 * servers behind a load balancer): a client of node B's command stream ({@code /api/v1/command/live}) hears of an
 * alarm raised by a reading sent to node A, through PostgreSQL's NOTIFY; a town official of another town on node B
 * does not, since the alarm is outside their scope.
 */
class CommandTwoNodesTest {

    static final String PASSWORD = "TwoNodes#2026";

    static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(AnjianApplication.class).profiles("test").run("--server.port=0", "--anjian.embedded-db.mode=test",
                "--anjian.demo.enabled=false", "--anjian.monitoring.mqtt.enabled=false", "--spring.jmx.enabled=false");
    }

    static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    static String token(String base, String username) {
        return JsonPath.read(RestClient.create(base).post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
    }

    /** The lines of an SSE stream, read on another thread as they come. */
    static List<String> listen(HttpClient http, String url, String token) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines.add("status:" + r.statusCode());
            r.body().forEach(lines::add);
        });
        return lines;
    }

    @Test
    void anAlarmRaisedOnNodeAReachesTheCommandStreamOfNodeB() throws Exception {
        try (ConfigurableApplicationContext a = node(); ConfigurableApplicationContext b = node()) {
            OrganizationDirectory organization = a.getBean(OrganizationDirectory.class);
            Region xihu = organization.regionByName("西湖镇").orElseThrow();
            Region jiaping = organization.regionByName("嘉平镇").orElseThrow();
            UserManagement users = a.getBean(UserManagement.class);
            users.ensure(new NewUser("cmd-two-admin", "两节点测试", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
            users.ensure(new NewUser("cmd-two-jiaping", "嘉平镇安办", PASSWORD, EnumSet.of(Role.TOWN_OFFICIAL), ScopeKind.REGION, jiaping.id(), null, null));
            String nodeA = base(a);
            String nodeB = base(b);
            assertThat(nodeA).isNotEqualTo(nodeB);
            String adminA = token(nodeA, "cmd-two-admin");
            RestClient apiA = RestClient.builder().baseUrl(nodeA).defaultHeader("Authorization", "Bearer " + adminA).build();

            String code = EnterpriseTestData.newCreditCode();
            UUID enterprise = UUID.fromString(JsonPath.read(apiA.post().uri("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).body("""
                    {"creditCode":"%s","name":"重庆两节点测试%s化工有限公司","legalRepresentative":"张三","address":"西湖镇测试路1号","phone":"023-47520000",
                     "latitude":%s,"longitude":%s,"townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_STORAGE","scale":"ABOVE_SIZE",
                     "employees":80,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), xihu.latitude(), xihu.longitude(), xihu.id()))
                    .retrieve().body(String.class), "$.id"));
            String sensor = "TWO-" + enterprise.toString().substring(0, 8);
            String sensorId = JsonPath.read(apiA.post().uri("/api/v1/sensors").contentType(MediaType.APPLICATION_JSON).body("""
                    {"enterpriseId":"%s","code":"%s","name":"1号储罐液位","kind":"LEVEL","unit":"%%","objectKind":"TANK","objectRef":"T-101 甲醇储罐",
                     "hh":90,"h":80,"l":20,"ll":10,"ratePerMinute":5,"intervalSeconds":60}""".formatted(enterprise, sensor)).retrieve().body(String.class), "$.id");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> district = listen(http, nodeB + "/api/v1/command/live", token(nodeB, "cmd-two-admin"));
            List<String> otherTown = listen(http, nodeB + "/api/v1/command/live", token(nodeB, "cmd-two-jiaping"));
            eventually(() -> {
                assertThat(district).contains("status:200", ":open");
                assertThat(otherTown).contains("status:200", ":open");
            });

            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(2);
            String result = apiA.post().uri("/api/v1/readings").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"readings\":[{\"sensor\":\"%s\",\"at\":\"%s\",\"value\":95,\"unit\":\"%%\"}]}".formatted(sensorId, at))
                    .retrieve().body(String.class);
            assertThat(JsonPath.<Integer>read(result, "$.accepted")).isEqualTo(1);

            eventually(() -> assertThat(district).anySatisfy(line -> assertThat(line).startsWith("data:").contains("\"topic\":\"alarm\"",
                    "\"kind\":\"raised\"", enterprise.toString())));
            // the other town's official heard nothing of it (their stream is open, and only comments came)
            assertThat(otherTown).noneMatch(line -> line.contains(enterprise.toString()));
        }
    }
}
