package org.anjian.shared.web;

import java.sql.SQLException;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Which database refusals were caused by the request's values. SQLSTATE class 22 (data exception:
 * a value too long, out of range, an invalid byte, a date beyond the calendar) and class 23
 * (integrity: not null, check, foreign key) come from input; a unique violation is a conflict.
 * Anything else (connection, syntax, deadlock) is the server's own fault.
 */
final class SqlStates {

    private SqlStates() {
    }

    static HttpStatus clientFault(Throwable ex) {
        String state = state(ex);
        if (state == null) {
            return null;
        }
        if (state.equals("23505")) {
            return HttpStatus.CONFLICT;
        }
        return state.startsWith("22") || state.startsWith("23") ? HttpStatus.BAD_REQUEST : null;
    }

    static String state(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The column PostgreSQL names (not-null violations do), in the API's camelCase. */
    static Optional<String> column(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getServerErrorMessage().getColumn() != null) {
                return Optional.of(camel(psql.getServerErrorMessage().getColumn()));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    static String describe(Throwable ex) {
        String state = state(ex);
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int detail = message.indexOf("\n");
        return state + " " + (detail < 0 ? message : message.substring(0, detail));
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }
}
