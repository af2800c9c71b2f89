package org.anjian.standardization.domain;

/** A rule of the grading procedure refused a step; {@code reason} is a message key, {@code args} fill it. */
public class StandardizationViolation extends RuntimeException {

    private final String reason;
    private final transient Object[] args;

    public StandardizationViolation(String reason, String message, Object... args) {
        super(message);
        this.reason = reason;
        this.args = args;
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args;
    }
}
