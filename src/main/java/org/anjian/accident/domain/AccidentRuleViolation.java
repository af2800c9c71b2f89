package org.anjian.accident.domain;

/** An accident's rules refuse a step; {@code reason} is the message key that says why. */
public class AccidentRuleViolation extends RuntimeException {

    private final String reason;

    public AccidentRuleViolation(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
