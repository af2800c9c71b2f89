package org.anjian.enterprise;

import java.util.UUID;

/**
 * A fact of another module that tells how many accidents an enterprise has had in the last three
 * years, one of the inputs of its supervision class (ENT-3). The accident module's event implements
 * it; carrying the count rather than a change keeps the listener idempotent. {@code enterpriseId}
 * is {@code null} for an accident outside the registered enterprises.
 */
public interface AccidentTally {

    UUID enterpriseId();

    int accidentsIn3Years();
}
