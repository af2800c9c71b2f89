package org.anjian;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every operation the OpenAPI document ({@code /v3/api-docs}) describes, so that tests cover
 * endpoints added later without being told about them.
 */
public final class OpenApiOperations {

    static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** One documented operation with what the document says of its path variables and body. */
    public record Operation(HttpMethod method, String path, Map<String, Object> spec, Map<String, Object> document) {

        public boolean isWrite() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        public List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The declared schema of a path variable ({@code type}, {@code format}, {@code enum}), empty when none. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> variableSchema(String name) {
            for (Object p : (List<Object>) spec.getOrDefault("parameters", List.of())) {
                Map<String, Object> param = (Map<String, Object>) p;
                if (name.equals(param.get("name")) && "path".equals(param.get("in"))) {
                    return (Map<String, Object>) param.getOrDefault("schema", Map.of());
                }
            }
            return Map.of();
        }

        /** The path with each variable replaced. */
        public String expand(java.util.function.Function<String, String> value) {
            Matcher m = VARIABLE.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(value.apply(m.group(1))));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        /** The request body's media types, first preferred. */
        @SuppressWarnings("unchecked")
        public List<String> bodyTypes() {
            Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
            if (body == null) {
                return List.of();
            }
            return List.copyOf(((Map<String, Object>) body.getOrDefault("content", Map.of())).keySet());
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> bodySchema(String mediaType) {
            Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) body.get("content")).get(mediaType);
            return resolve((Map<String, Object>) content.getOrDefault("schema", Map.of()));
        }

        /** Follows a {@code $ref} to the components of the document. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> resolve(Map<String, Object> schema) {
            Object ref = schema.get("$ref");
            if (ref instanceof String r && r.startsWith("#/components/schemas/")) {
                Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
                return (Map<String, Object>) schemas.getOrDefault(r.substring("#/components/schemas/".length()), Map.of());
            }
            return schema;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    @SuppressWarnings("unchecked")
    public static List<Operation> read(MockMvc mvc) throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        Map<String, Object> document = JsonPath.read(json, "$");
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, spec) -> {
            if (spec instanceof Map<?, ?> m && List.of("get", "put", "post", "delete", "patch").contains(method)) {
                operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path, (Map<String, Object>) m, document));
            }
        }));
        return operations;
    }
}
