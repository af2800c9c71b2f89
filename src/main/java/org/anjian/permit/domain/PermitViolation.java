package org.anjian.permit.domain;

/**
 * A rule of GB 30871-2022 (or of the permit's life cycle) said no. Carries the reason code (also the
 * message key), a Chinese text naming what is wrong, and the message's arguments. Knows nothing of
 * HTTP: the service maps a refusal to 409 and a wrong input to 400.
 */
public class PermitViolation extends RuntimeException {

    private final String reason;
    private final boolean invalidInput;
    private final transient Object[] args;

    private PermitViolation(String reason, String message, boolean invalidInput, Object... args) {
        super(message);
        this.reason = reason;
        this.invalidInput = invalidInput;
        this.args = args;
    }

    /** What was asked is not allowed in this state or circumstance (409). */
    public static PermitViolation refused(String reason, String message, Object... args) {
        return new PermitViolation(reason, message, false, args);
    }

    /** The input itself is wrong (400). */
    public static PermitViolation invalid(String reason, String message, Object... args) {
        return new PermitViolation(reason, message, true, args);
    }

    public String reason() {
        return reason;
    }

    public boolean isInvalidInput() {
        return invalidInput;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
