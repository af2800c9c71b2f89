package org.anjian.hazard.domain;

/** A hazard's rules refuse a step; {@code reason} is the message key that says why. */
public class HazardRuleViolation extends RuntimeException {

    private final String reason;

    public HazardRuleViolation(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
