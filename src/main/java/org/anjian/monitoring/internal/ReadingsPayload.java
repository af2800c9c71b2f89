package org.anjian.monitoring.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a batch, the same over MQTT and HTTP:
 * {@code {"readings":[{"sensor":"LT-101","at":"2026-12-03T05:00:00Z","value":1.25,"unit":"m"}, …]}}.
 * {@code sensor} is the sensor's id or the enterprise's code (位号). A body that is not such an
 * object is malformed as a whole; a reading with a missing or wrong field is malformed alone.
 */
public final class ReadingsPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReadingsPayload() {
    }

    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    public static List<ReadingInput> parse(String body, int maxBatch) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new Malformed("不是合法的JSON");
        }
        return readings(root, maxBatch);
    }

    /** The same from the bytes as received (UTF-8), without first decoding the body into a string. */
    public static List<ReadingInput> parse(byte[] body, int maxBatch) {
        if (body == null || body.length == 0) {
            return parse("", maxBatch);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("不是合法的JSON");
        }
        return readings(root, maxBatch);
    }

    private static List<ReadingInput> readings(JsonNode root, int maxBatch) {
        JsonNode list = root == null ? null : root.get("readings");
        if (list == null || !list.isArray()) {
            throw new Malformed("须为 {\"readings\":[…]}");
        }
        if (list.size() == 0 || list.size() > maxBatch) {
            throw new Malformed("一批读数为1到" + maxBatch + "条");
        }
        List<ReadingInput> out = new ArrayList<>(list.size());
        for (JsonNode n : list) {
            if (n == null || !n.isObject()) {
                out.add(null);
                continue;
            }
            JsonNode sensor = n.get("sensor");
            JsonNode at = n.get("at");
            JsonNode value = n.get("value");
            JsonNode unit = n.get("unit");
            out.add(new ReadingInput(sensor != null && sensor.isString() ? sensor.asString() : null, instant(at),
                    value != null && value.isNumber() ? value.asDouble() : null, unit != null && unit.isString() ? unit.asString() : null));
        }
        return out;
    }

    private static Instant instant(JsonNode at) {
        if (at == null) {
            return null;
        }
        if (at.isIntegralNumber()) {
            return Instant.ofEpochMilli(at.asLong());
        }
        if (!at.isString()) {
            return null;
        }
        try {
            return Instant.parse(at.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
