package org.anjian.enterprise.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Licence and insurance expiry warnings (ENT-4): a first notice 90 days ahead, an urgent one 30
 * days ahead, and on the day of expiry (and after) the item counts as expired. The day a licence is
 * valid "to" is its last valid day, so expiry day 0 is that day itself.
 */
public final class ExpiryWarnings {

    public static final int NOTICE_DAYS = 90;
    public static final int URGENT_DAYS = 30;

    public enum Level { NOTICE, URGENT, EXPIRED }

    private ExpiryWarnings() {
    }

    public static long daysLeft(LocalDate validTo, LocalDate today) {
        return ChronoUnit.DAYS.between(today, validTo);
    }

    public static Optional<Level> level(LocalDate validTo, LocalDate today) {
        if (validTo == null) {
            return Optional.empty();
        }
        long days = daysLeft(validTo, today);
        if (days <= 0) {
            return Optional.of(Level.EXPIRED);
        }
        if (days <= URGENT_DAYS) {
            return Optional.of(Level.URGENT);
        }
        if (days <= NOTICE_DAYS) {
            return Optional.of(Level.NOTICE);
        }
        return Optional.empty();
    }
}
