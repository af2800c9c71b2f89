package org.anjian.chemical.domain;

import java.time.LocalDate;

/**
 * A product's life: active until the enterprise withdraws it (停产、停用 or no longer sold), with a
 * reason and the date. Withdrawal is final: a withdrawn product is not withdrawn again, and its
 * code keeps answering that it is withdrawn.
 */
public enum ProductStatus {
    ACTIVE, WITHDRAWN;

    /** Raised when an action does not fit the state; the caller answers 409 naming both. */
    public static final class IllegalTransition extends RuntimeException {
        private final ProductStatus state;
        private final String action;

        IllegalTransition(ProductStatus state, String action) {
            super(action + " not allowed in state " + state);
            this.state = state;
            this.action = action;
        }

        public ProductStatus state() {
            return state;
        }

        public String action() {
            return action;
        }
    }

    /** The state after withdrawing on {@code on}, which may not lie after {@code today}; the reason is required. */
    public ProductStatus withdraw(String reason, LocalDate on, LocalDate today) {
        if (this != ACTIVE) {
            throw new IllegalTransition(this, "withdraw");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new IllegalArgumentException("reason");
        }
        if (on == null || on.isAfter(today)) {
            throw new IllegalArgumentException("withdrawnOn");
        }
        return WITHDRAWN;
    }
}
