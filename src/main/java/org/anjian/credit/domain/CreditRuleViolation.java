package org.anjian.credit.domain;

/**
 * A credit rule refused an action: either the input is wrong (400, naming the field) or the state or
 * the time does not allow it (409). The message is Chinese; {@code reason} is the message key.
 */
public class CreditRuleViolation extends RuntimeException {

    private final String field;
    private final String reason;
    private final transient Object[] args;

    private CreditRuleViolation(String field, String reason, String message, Object... args) {
        super(message);
        this.field = field;
        this.reason = reason;
        this.args = args;
    }

    public static CreditRuleViolation invalid(String field, String reason, String message) {
        return new CreditRuleViolation(field, reason, message);
    }

    public static CreditRuleViolation refused(String reason, String message, Object... args) {
        return new CreditRuleViolation(null, reason, message, args);
    }

    public boolean isInvalidInput() {
        return field != null;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args.clone();
    }
}
