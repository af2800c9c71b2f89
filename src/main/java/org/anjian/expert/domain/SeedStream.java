package org.anjian.expert.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Random numbers derived from a published seed alone, by the same rule as the inspection module's
 * random draw, so that anyone can re-run an expert selection: the n-th number is the first 8 bytes
 * of SHA-256(seed + ":" + n) as an unsigned big-endian integer; a number below a bound by rejection
 * sampling. (A copy rather than a dependency: inspection depends on this module, not the reverse.)
 */
public final class SeedStream {

    private final String seed;
    private long counter;

    public SeedStream(String seed) {
        this.seed = seed;
    }

    long nextLong() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((seed + ":" + counter++).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A uniform integer in [0, bound). */
    public int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long r = (Long.remainderUnsigned(-1L, bound) + 1) % bound;
        long firstRejected = -r;
        while (true) {
            long v = nextLong();
            if (r == 0 || Long.compareUnsigned(v, firstRejected) < 0) {
                return (int) Long.remainderUnsigned(v, bound);
            }
        }
    }
}
