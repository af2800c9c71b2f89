package org.anjian.chemical.domain;

import java.math.BigDecimal;

final class Checks {

    private Checks() {
    }

    static void positive(BigDecimal value, String what) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
