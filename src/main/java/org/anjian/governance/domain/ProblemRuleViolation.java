package org.anjian.governance.domain;

/** A problem's rules refuse a step; {@code reason} is the message key, {@code args} fill its placeholders. */
public class ProblemRuleViolation extends RuntimeException {

    private final String reason;
    private final transient Object[] args;

    public ProblemRuleViolation(String reason, String message, Object... args) {
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
