package org.anjian.publicreport.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for the public intake: {@code rateLimitCapacity} reports at once,
 * refilled at {@code rateLimitPerMinute} a minute. Kept in memory (one instance serves the district);
 * a full bucket is dropped, so the map only holds addresses seen lately.
 */
@Component
class IntakeRateLimiter {

    private record Bucket(double tokens, long atMillis) {
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final double capacity;
    private final double perMilli;

    IntakeRateLimiter(Clock clock, PublicReportProperties properties) {
        this.clock = clock;
        this.capacity = properties.rateLimitCapacity();
        this.perMilli = properties.rateLimitPerMinute() / 60_000.0;
    }

    /** Takes one token for the address; false when its bucket is empty. */
    boolean tryTake(String address) {
        long now = clock.millis();
        boolean[] taken = {false};
        buckets.compute(address == null ? "?" : address, (k, b) -> {
            double tokens = b == null ? capacity : Math.min(capacity, b.tokens() + Math.max(0, now - b.atMillis()) * perMilli);
            if (tokens >= 1) {
                taken[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        if (buckets.size() > 10_000) {
            buckets.entrySet().removeIf(e -> e.getValue().tokens() + (now - e.getValue().atMillis()) * perMilli >= capacity);
        }
        return taken[0];
    }
}
