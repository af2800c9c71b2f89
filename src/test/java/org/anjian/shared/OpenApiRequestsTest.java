package org.anjian.shared;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.expert.ExpertTestData;
import org.anjian.expert.Field;
import org.anjian.identity.UserManagement;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, defect 10: a client that builds its requests from {@code /v3/api-docs} is understood.
 * Every documented JSON request body is built from its schema (required fields, or all of them; the
 * first enum value; values of the documented format and bounds) and sent: the server must read it
 * (never "unreadable" or "wrong type", which would mean the document and the code disagree) and
 * never answer 5xx. Where the test can create the objects, a body of only the required fields must
 * be accepted outright.
 */
@AnjianIntegrationTest
class OpenApiRequestsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    JsonNode doc() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-docs.json"), body);
        return JSON.readTree(body);
    }

    /** An example of the schema: required properties only, or every property. */
    static JsonNode example(JsonNode doc, JsonNode schema, boolean all, int depth) {
        schema = resolve(doc, schema);
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                if (example(doc, part, all, depth) instanceof ObjectNode o) {
                    merged.setAll(o);
                }
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return example(doc, schema.get(choice).get(0), all, depth);
            }
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("object");
        if (schema.get("type") != null && schema.get("type").isArray()) {
            type = schema.get("type").get(0).asString();
        }
        String format = schema.path("format").asString("");
        switch (type) {
            case "string":
                return schema.has("example") ? schema.get("example") : NODES.stringNode(string(schema, format));
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
            case "number":
                return NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asDouble(), 1) : 1);
            case "boolean":
                return NODES.booleanNode(false);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(example(doc, schema.path("items"), all, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                JsonNode required = schema.path("required");
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").properties().iterator();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    boolean isRequired = false;
                    for (JsonNode r : required) {
                        isRequired |= r.asString().equals(p.getKey());
                    }
                    if ((all || isRequired) && depth < 6 && !p.getValue().path("readOnly").asBoolean(false)) {
                        object.set(p.getKey(), example(doc, p.getValue(), all, depth + 1));
                    }
                }
                return object;
            }
        }
    }

    static String string(JsonNode schema, String format) {
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-12-01";
            case "date-time" -> "2026-12-01T02:00:00Z";
            case "email" -> "a@example.com";
            case "byte" -> "AAAA";
            default -> {
                int min = schema.path("minLength").asInt(1);
                int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                yield "测".repeat(Math.max(1, Math.min(Math.max(min, 2), max)));
            }
        };
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = doc.at(ref.substring(1));
        }
        return schema;
    }

    /** The path with its variables filled: the first enum value, a random id, or a word. */
    static String fill(JsonNode doc, String path, JsonNode op) {
        String filled = path;
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asString().equals("path")) {
                JsonNode value = example(doc, p.path("schema"), false, 0);
                filled = filled.replace("{" + p.path("name").asString() + "}", value.isString() ? value.asString() : value.toString());
            }
        }
        return filled;
    }

    record Call(String method, String path, String body, int status, String answer) {
    }

    @Test
    void everyDocumentedBodyIsReadAsItIsDocumented() throws Exception {
        JsonNode doc = doc();
        List<Call> calls = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                for (boolean all : new boolean[] {false, true}) {
                    String body = JSON.writeValueAsString(example(doc, schema, all, 0));
                    String url = fill(doc, path.getKey(), op);
                    MockHttpServletResponse r = mvc.perform(request(HttpMethod.valueOf(method.toUpperCase()), url).with(as(Role.DISTRICT_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
                    calls.add(new Call(method, path.getKey(), body, r.getStatus(), r.getContentAsString()));
                }
            }
        }
        assertThat(calls).hasSizeGreaterThan(40);
        List<Call> failures = calls.stream().filter(c -> c.status() >= 500
                || c.answer().contains("\"shared.unreadable\"") || c.answer().contains("类型不正确")).toList();
        assertThat(failures).as("requests built from the OpenAPI document that the server could not read, or answered 5xx").isEmpty();
    }

    @Test
    void keyPersonsAndInspectionExpertsAcceptABodyOfTheirRequiredFields() throws Exception {
        JsonNode doc = doc();
        ExpertTestData data = new ExpertTestData(mvc, users, organization);
        UUID enterprise = data.enterprise();
        AnjianUser inspector = data.inspector();
        AnjianUser partner = data.inspector();
        Field first = Field.valueOf(resolve(doc, doc.at("/paths/~1api~1v1~1inspections~1{id}~1experts/post/requestBody/content/application~1json/schema"))
                .at("/properties/fields/items").path("enum").get(0).asString());
        data.expert("文档专家", first, ExpertTestData.today().plusDays(60), null, null);

        String keyPerson = JSON.writeValueAsString(example(doc,
                doc.at("/paths/~1api~1v1~1enterprises~1{id}~1key-persons/post/requestBody/content/application~1json/schema"), false, 0));
        mvc.perform(request(HttpMethod.POST, "/api/v1/enterprises/" + enterprise + "/key-persons").with(as(Role.DISTRICT_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(keyPerson))
                .andDo(r -> assertThat(r.getResponse().getStatus()).as(keyPerson + " → " + r.getResponse().getContentAsString()).isEqualTo(201));

        String inspection = JsonPath.read(mvc.perform(request(HttpMethod.POST, "/api/v1/inspections").with(as(inspector)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}".formatted(enterprise, inspector.id(), partner.id(),
                                ExpertTestData.today().plusDays(2))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String experts = JSON.writeValueAsString(example(doc,
                doc.at("/paths/~1api~1v1~1inspections~1{id}~1experts/post/requestBody/content/application~1json/schema"), false, 0));
        mvc.perform(request(HttpMethod.POST, "/api/v1/inspections/" + inspection + "/experts").with(as(inspector))
                        .contentType(MediaType.APPLICATION_JSON).content(experts))
                .andDo(r -> assertThat(r.getResponse().getStatus()).as(experts + " → " + r.getResponse().getContentAsString()).isEqualTo(201));
    }
}
