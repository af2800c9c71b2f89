package org.anjian.shared;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 18: no input answers 5xx. A property test over what the OpenAPI document says the API
 * takes, so new endpoints are fuzzed without anyone listing them: the query parameters of every
 * documented GET (page, size, sorts and filters) and every field of every documented JSON body get
 * hostile values (NUL, huge and absurd numbers, very long and odd Unicode text, wrong JSON types,
 * path tricks). Seeded, so a failure repeats; a few hundred tries, seconds of run time.
 */
@AnjianIntegrationTest
class InputFuzzTest {

    static final long SEED = Long.getLong("anjian.fuzz.seed", 20261202L);
    static final int QUERY_TRIES = 250;
    static final int BODY_TRIES = 250;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Hostile text: what an attacker (or a confused client) puts into a parameter. */
    static final List<String> TEXTS = List.of("", " ", "-1", "0", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e309",
            "-1e30", "NaN", "Infinity", "0x1F", "1.5", "\u0000", "a\u0000b", "%00", "' OR 1=1 --", "\"; drop table x; --", "../../etc/passwd",
            "..%2f..%2f", "<script>alert(1)</script>", "😀🀄", "\uD800", "测试".repeat(2000), "x".repeat(10_000), "\u202e\u200b", "null", "true",
            "2026-13-45", "2026-02-30T25:61:00Z", "-999999999-01-01", "+999999999-12-31", "00000000-0000-0000-0000-000000000000",
            "not-a-uuid", "ASC", "name,desc", "id;", "\r\nSet-Cookie: x=1", "\t", "%", "_", "\\", "*");

    @Autowired MockMvc mvc;

    JsonNode doc() throws Exception {
        return OpenApiRequestsTest.JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    static String text(Random random) {
        if (random.nextInt(5) == 0) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                s.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x20) : random.nextInt(0x2FFFF));
            }
            return s.toString();
        }
        return TEXTS.get(random.nextInt(TEXTS.size()));
    }

    /** A hostile JSON value of any type. */
    static JsonNode value(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(new java.math.BigDecimal("1e30"));
            case 1 -> NODES.numberNode(new java.math.BigDecimal("-1e30"));
            case 2 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 3 -> NODES.numberNode(random.nextBoolean() ? Integer.MAX_VALUE : Long.MIN_VALUE);
            case 4 -> NODES.numberNode(new java.math.BigDecimal("0.000000000000000000000000000001"));
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.nullNode();
            case 7 -> NODES.arrayNode().add(text(random)).add(NODES.nullNode());
            case 8 -> NODES.objectNode().put("x", text(random));
            default -> NODES.stringNode(text(random));
        };
    }

    record Answer(String request, int status, String body) {
    }

    @Test
    void noQueryParameterOfAnyDocumentedReadAnswers5xx() throws Exception {
        JsonNode doc = doc();
        List<String> paths = new ArrayList<>();
        List<List<String>> params = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode op = p.getValue().get("get");
            if (op == null) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of("page", "size", "sort"));
            for (JsonNode param : op.path("parameters")) {
                if (param.path("in").asString().equals("query")) {
                    names.add(param.path("name").asString());
                }
            }
            paths.add(p.getKey());
            params.add(names);
        }
        assertThat(paths).hasSizeGreaterThan(30);
        Random random = new Random(SEED);
        List<Answer> failures = new ArrayList<>();
        for (int i = 0; i < QUERY_TRIES; i++) {
            int n = random.nextInt(paths.size());
            String path = fill(paths.get(n), random);
            MockHttpServletRequestBuilder request = get(path);
            StringBuilder described = new StringBuilder(path).append('?');
            for (int k = 0, count = 1 + random.nextInt(3); k < count; k++) {
                String name = params.get(n).get(random.nextInt(params.get(n).size()));
                String value = text(random);
                request.param(name, value);
                described.append(name).append('=').append(value.length() > 40 ? value.substring(0, 40) + "…" : value).append('&');
            }
            if (random.nextInt(4) > 0) {
                request.with(as(Role.DISTRICT_ADMIN));
            }
            MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
            if (r.getStatus() >= 500) {
                failures.add(new Answer(described.toString(), r.getStatus(), r.getContentAsString()));
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    @Test
    void noFieldOfAnyDocumentedBodyAnswers5xx() throws Exception {
        JsonNode doc = doc();
        record Op(String method, String path, JsonNode schema) {
        }
        List<Op> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            // the organisation's regions, departments and accounts are shared by every test in this context: not filled with junk
            if (p.getKey().matches("/api/v1/(regions|departments|special-offices|users).*")) {
                continue;
            }
            for (String method : List.of("post", "put", "patch")) {
                JsonNode schema = p.getValue().path(method).path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    ops.add(new Op(method, p.getKey(), schema));
                }
            }
        }
        assertThat(ops).hasSizeGreaterThan(40);
        Random random = new Random(SEED);
        List<Answer> failures = new ArrayList<>();
        for (int i = 0; i < BODY_TRIES; i++) {
            Op op = ops.get(random.nextInt(ops.size()));
            JsonNode body = OpenApiRequestsTest.example(doc, op.schema(), true, 0);
            String json;
            if (random.nextInt(10) == 0) {
                json = switch (random.nextInt(4)) {
                    case 0 -> "[".repeat(2000) + "]".repeat(2000);
                    case 1 -> "\"" + text(random).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                    case 2 -> "{\"a\":" + "1".repeat(2000) + "}";
                    default -> "null";
                };
            } else {
                mutate(body, random);
                json = OpenApiRequestsTest.JSON.writeValueAsString(body);
            }
            String path = fill(op.path(), random);
            MockHttpServletResponse r = mvc.perform(request(HttpMethod.valueOf(op.method().toUpperCase()), path).with(as(Role.DISTRICT_ADMIN))
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
            if (r.getStatus() >= 500) {
                failures.add(new Answer(op.method() + " " + path + " " + (json.length() > 300 ? json.substring(0, 300) + "…" : json), r.getStatus(),
                        r.getContentAsString()));
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    /** Puts a hostile value into one random field, at any depth. */
    static void mutate(JsonNode node, Random random) {
        if (node instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            JsonNode child = object.get(name);
            if ((child.isObject() || child.isArray()) && !child.isEmpty() && random.nextBoolean()) {
                mutate(child, random);
            } else {
                object.set(name, value(random));
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            if ((array.get(index).isObject() || array.get(index).isArray()) && random.nextBoolean()) {
                mutate(array.get(index), random);
            } else {
                array.set(index, value(random));
            }
        }
    }

    /** Path variables: mostly a random id, sometimes something hostile. */
    static String fill(String path, Random random) {
        String filled = path;
        while (filled.contains("{")) {
            int start = filled.indexOf('{');
            int end = filled.indexOf('}', start);
            String value = random.nextInt(5) == 0 ? java.net.URLEncoder.encode(text(random), java.nio.charset.StandardCharsets.UTF_8)
                    : UUID.randomUUID().toString();
            if (value.isEmpty()) {
                value = "x";
            }
            filled = filled.substring(0, start) + value + filled.substring(end + 1);
        }
        return filled;
    }
}
