package org.anjian.chemical.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.anjian.shared.error.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The public label page's protection against someone walking through codes: a token bucket per
 * client address (the public intake's scheme), {@link #CAPACITY} look-ups at once refilled at
 * {@link #PER_MINUTE} a minute, so a person scanning drums in a store is never stopped but a
 * script is. Kept in memory; a full bucket is dropped so the map holds only recent addresses.
 */
@Component
public class PublicLabelRateLimiter {

    static final int CAPACITY = 60;
    static final int PER_MINUTE = 30;

    private record Bucket(double tokens, long atMillis) {
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    PublicLabelRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes a token for the address, or answers 429 in Chinese when its bucket is empty. */
    public void take(String address) {
        long now = clock.millis();
        double perMilli = PER_MINUTE / 60_000.0;
        boolean[] taken = {false};
        buckets.compute(address == null ? "?" : address, (k, b) -> {
            double tokens = b == null ? CAPACITY : Math.min(CAPACITY, b.tokens() + Math.max(0, now - b.atMillis()) * perMilli);
            if (tokens >= 1) {
                taken[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        if (buckets.size() > 10_000) {
            buckets.entrySet().removeIf(e -> e.getValue().tokens() + (now - e.getValue().atMillis()) * perMilli >= CAPACITY);
        }
        if (!taken[0]) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "chemical.public.rateLimited", "查询过于频繁，请稍后再试");
        }
    }
}
