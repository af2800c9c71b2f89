package org.anjian.penalty.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule of the penalty procedure said no. Carries the reason code (also the message key), a
 * fallback text and the message's arguments; when the input itself was wrong, the fields at fault.
 * Knows nothing of HTTP: the service maps it once to the module's problem details, a wrong input
 * to 400 with its fields and a refusal to 409, with the same Chinese texts as before.
 */
public class ProcedureViolation extends RuntimeException {

    private final String reason;
    private final transient Object[] args;
    private final List<FieldProblem> fields;

    private ProcedureViolation(String reason, String message, List<FieldProblem> fields, Object... args) {
        super(message);
        this.reason = reason;
        this.args = args;
        this.fields = List.copyOf(fields);
    }

    /** The rule refuses what was asked in this state of the case (409). */
    public static ProcedureViolation refused(String reason, String message, Object... args) {
        return new ProcedureViolation(reason, message, List.of(), args);
    }

    /** One field of the input is wrong (400). */
    public static ProcedureViolation invalid(String field, String code, String message) {
        return new ProcedureViolation(code, message, List.of(new FieldProblem(field, code, message)));
    }

    /** Several fields of the input are wrong (400). */
    public static ProcedureViolation invalid(List<FieldProblem> fields) {
        return new ProcedureViolation("shared.validation", "validation failed", fields);
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** Whether the input was wrong (rather than the action refused). */
    public boolean isInvalidInput() {
        return !fields.isEmpty();
    }

    /** A field that failed a rule: the message key and a fallback text. */
    public record FieldProblem(String field, String code, String defaultMessage) {
    }

    /** Collects the wrong fields of one input, so that the form shows them all at once. */
    static final class Problems {

        private final List<FieldProblem> list = new ArrayList<>();

        Problems add(String field, String code, String message) {
            list.add(new FieldProblem(field, code, message));
            return this;
        }

        Problems unless(boolean ok, String field, String code, String message) {
            return ok ? this : add(field, code, message);
        }

        Problems required(String value, int maxLength, String field) {
            return unless(value != null && !value.isBlank() && value.length() <= maxLength, field, "shared.validation.required", "必填");
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw invalid(list);
            }
        }
    }
}
