package org.anjian.publicreport.domain;

/**
 * A rule of report handling said no: the reason code (also the message key), a fallback text and
 * the message's arguments. Knows nothing of HTTP; the service maps it to 409 (refused) or 400 (a
 * wrong input, with the field at fault).
 */
public class ReportRuleViolation extends RuntimeException {

    private final String reason;
    private final String field;
    private final transient Object[] args;

    private ReportRuleViolation(String reason, String field, String message, Object... args) {
        super(message);
        this.reason = reason;
        this.field = field;
        this.args = args;
    }

    /** The rule refuses the action in the report's present state (409). */
    public static ReportRuleViolation refused(String reason, String message, Object... args) {
        return new ReportRuleViolation(reason, null, message, args);
    }

    /** One field of the input is wrong (400). */
    public static ReportRuleViolation invalid(String field, String reason, String message) {
        return new ReportRuleViolation(reason, field, message);
    }

    public String reason() {
        return reason;
    }

    /** The field at fault, or null when the action was refused. */
    public String field() {
        return field;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }

    public boolean isInvalidInput() {
        return field != null;
    }
}
