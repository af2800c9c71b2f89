package org.anjian.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, defect 6, on a real Tomcat: what Tomcat itself refuses (an over-long request line, an
 * encoded {@code ../}, an upload over the limit, a NUL) still answers RFC 9457 problem details under
 * {@code /api/v1} and a Chinese page elsewhere. Same context as the browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProblemDetailsOverHttpTest {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String rawPath) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath)).header("Accept", "application/json"));
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":" + status).contains("\"title\"");
    }

    @Test
    void anOverlongQueryStringIsAProblem() throws Exception {
        assertProblem(get("/api/v1/users?q=" + "x".repeat(20_000)), 400);
    }

    @Test
    void anEncodedDotDotIsAProblem() throws Exception {
        assertProblem(get("/api/v1/..%2f..%2fetc%2fpasswd"), 400);
        assertProblem(get("/api/v1/users/%2e%2e/%2e%2e/actuator"), 400);
    }

    @Test
    void anUnknownApiPathIsANotFoundProblemEvenWithoutSigningIn() throws Exception {
        HttpResponse<String> r = get("/api/v1/public/no-such-thing");
        assertProblem(r, 404);
    }

    @Test
    void anUploadOverTheLimitIsAProblemWithABody() throws Exception {
        String boundary = "----anjian" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 11 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/penalty-decisions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertProblem(r, 413);
        assertThat(r.body()).contains("shared.tooLarge");
    }

    @Test
    void aNulOnAPageShowsAChineseErrorNamingTheField() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/enforcement?keyword=a%00b"))
                .header("Accept", "text/html"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("keyword").contains("不允许");
    }

    @Test
    void aNulInAnApiQueryIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> r = get("/api/v1/public/penalty-decisions?keyword=a%00b");
        assertProblem(r, 400);
        assertThat(r.body()).contains("\"field\":\"keyword\"");
    }

    @Test
    void anUnknownPageIsAChinesePage() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/no-such-page")).header("Accept", "text/html"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("页面或记录不存在");
    }
}
