package org.anjian.publicreport.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client address for the public endpoints: the intake takes {@code rateLimitCapacity}
 * reports at once, refilled at {@code rateLimitPerMinute} a minute; the enterprise search (typed letter by
 * letter) has its own, larger buckets ({@code searchRateLimitCapacity}, {@code searchRateLimitPerMinute}),
 * so searching never uses up the reports. Kept in memory (one instance serves the district); a full bucket
 * is dropped, so the maps only hold addresses seen lately.
 */
@Component
class IntakeRateLimiter {

    private record Bucket(double tokens, long atMillis) {
    }

    /** One kind of bucket: its capacity and refill rate. */
    private static final class Buckets {
        final ConcurrentHashMap<String, Bucket> map = new ConcurrentHashMap<>();
        final double capacity;
        final double perMilli;

        Buckets(double capacity, double perMinute) {
            this.capacity = capacity;
            this.perMilli = perMinute / 60_000.0;
        }

        boolean tryTake(String address, long now) {
            boolean[] taken = {false};
            map.compute(address == null ? "?" : address, (k, b) -> {
                double tokens = b == null ? capacity : Math.min(capacity, b.tokens() + Math.max(0, now - b.atMillis()) * perMilli);
                if (tokens >= 1) {
                    taken[0] = true;
                    tokens -= 1;
                }
                return new Bucket(tokens, now);
            });
            if (map.size() > 10_000) {
                map.entrySet().removeIf(e -> e.getValue().tokens() + (now - e.getValue().atMillis()) * perMilli >= capacity);
            }
            return taken[0];
        }
    }

    private final Clock clock;
    private final Buckets reports;
    private final Buckets searches;

    IntakeRateLimiter(Clock clock, PublicReportProperties properties) {
        this.clock = clock;
        this.reports = new Buckets(properties.rateLimitCapacity(), properties.rateLimitPerMinute());
        this.searches = new Buckets(properties.searchRateLimitCapacity(), properties.searchRateLimitPerMinute());
    }

    /** Takes one report token for the address; false when its bucket is empty. */
    boolean tryTake(String address) {
        return reports.tryTake(address, clock.millis());
    }

    /** Takes one enterprise-search token for the address; false when its bucket is empty. */
    boolean tryTakeSearch(String address) {
        return searches.tryTake(address, clock.millis());
    }
}
