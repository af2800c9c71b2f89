package org.anjian.inspection.domain;

import java.util.List;

/**
 * A rule of enforcement said no. Spring-free: it carries the reason code (also the message key, so
 * the refusal reads in Chinese on pages and in problem details) and an English fallback. A refused
 * transition ({@link #refused}) is a conflict with the record's state (409); refused input
 * ({@link #invalid}) names the fields (400). The module's services map it once to the shared
 * problem details.
 */
public class InspectionRuleViolation extends RuntimeException {

    /** A field that failed a rule: the message key and a fallback text. */
    public record Field(String field, String code, String defaultMessage) {
    }

    /** The reason of refused input naming several fields at once. */
    public static final String VALIDATION = "shared.validation";

    private final String reason;
    private final transient List<Field> fields;

    private InspectionRuleViolation(String reason, String message, List<Field> fields) {
        super(message);
        this.reason = reason;
        this.fields = List.copyOf(fields);
    }

    /** The action is not possible in the state the record is in. */
    public static InspectionRuleViolation refused(String reason, String message) {
        return new InspectionRuleViolation(reason, message, List.of());
    }

    /** One field is wrong; the reason is its code. */
    public static InspectionRuleViolation invalid(String field, String code, String message) {
        return new InspectionRuleViolation(code, message, List.of(new Field(field, code, message)));
    }

    /** Several fields are wrong. */
    public static InspectionRuleViolation invalid(List<Field> fields) {
        return new InspectionRuleViolation(VALIDATION, "validation failed", fields);
    }

    /** Throws when any field was found wrong. */
    static void throwIfAny(List<Field> fields) {
        if (!fields.isEmpty()) {
            throw invalid(fields);
        }
    }

    public String reason() {
        return reason;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Refused input (400) rather than a refused transition (409). */
    public boolean isInvalidInput() {
        return !fields.isEmpty();
    }
}
