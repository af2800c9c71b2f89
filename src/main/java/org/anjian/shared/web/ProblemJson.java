package org.anjian.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem where no controller runs (servlet filters, Tomcat's own error
 * reports): the same members the {@link ApiExceptionHandler} writes, with Chinese detail first.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** Whether a request path belongs to the API, whose every answer is problem details. */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    public static void write(HttpServletResponse res, int status, String reason, String detail) throws IOException {
        write(res, status, reason, detail, null, null);
    }

    /** With one field error when {@code field} is not null. */
    public static void write(HttpServletResponse res, int status, String reason, String detail, String field, String message) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(body(status, reason, detail, field, message));
        res.getWriter().flush();
    }

    public static String body(int status, String reason, String detail, String field, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"")
                .append(escape(known == null ? "Error" : known.getReasonPhrase())).append("\",\"status\":").append(status)
                .append(",\"detail\":\"").append(escape(detail)).append("\",\"reason\":\"").append(escape(reason)).append('"');
        if (field != null) {
            json.append(",\"errors\":[{\"field\":\"").append(escape(field)).append("\",\"message\":\"").append(escape(message)).append("\"}]");
        }
        return json.append('}').toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
