package org.anjian.shared.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Carries a reason code (also the message key, prefixed by the module)
 * and the HTTP status it maps to; mapped once to problem details on the API and to a Chinese
 * message on pages.
 */
public class DomainException extends RuntimeException {

    private final String reason;
    private final HttpStatus status;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;

    public DomainException(HttpStatus status, String reason, String message, Object... args) {
        this(status, reason, message, List.of(), args);
    }

    public DomainException(HttpStatus status, String reason, String message, List<FieldError> fieldErrors, Object... args) {
        super(message);
        this.reason = reason;
        this.status = status;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static DomainException notFound(String what) {
        return new DomainException(HttpStatus.NOT_FOUND, "shared.notFound", what + " not found");
    }

    public static DomainException conflict(String reason, String message, Object... args) {
        return new DomainException(HttpStatus.CONFLICT, reason, message, args);
    }

    public static DomainException invalid(String field, String reason, String message) {
        return new DomainException(HttpStatus.BAD_REQUEST, reason, message, List.of(new FieldError(field, reason, message)));
    }

    public static DomainException invalid(List<FieldError> errors) {
        return new DomainException(HttpStatus.BAD_REQUEST, "shared.validation", "validation failed", errors);
    }

    public String reason() {
        return reason;
    }

    public HttpStatus status() {
        return status;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Further members of the problem details, for refusals that must say more than a message (which records, why). */
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of();
    }

    /** A field that failed a rule: the message key and a fallback text. */
    public record FieldError(String field, String code, String defaultMessage) {
    }
}
