package org.anjian.shared.random;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random numbers of a draw, derived from its published seed alone so that anyone can re-run it:
 * the n-th number (n = 0, 1, 2 …) is the first 8 bytes of SHA-256(seed + ":" + n), read as an
 * unsigned big-endian 64-bit integer. A number below a bound is taken by rejection sampling, so
 * every value below the bound is equally likely.
 * <p>Shared because two published draws use it — the random draw of enterprises and inspectors
 * (双随机, ENF-2) and the selection of experts for an inspection — and both must be re-runnable by
 * the same description.
 */
public final class DrawStream {

    private final String seed;
    private long counter;

    public DrawStream(String seed) {
        this.seed = seed;
    }

    /** The next unsigned 64-bit number, as the two's-complement long that holds it. */
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
        // 2^64 = q·bound + r; numbers in the last, incomplete block [2^64 − r, 2^64) would favour small
        // results, so they are redrawn. r = ((2^64 − 1) mod bound + 1) mod bound.
        long r = (Long.remainderUnsigned(-1L, bound) + 1) % bound;
        long firstRejected = -r; // 2^64 − r as an unsigned number; 0 stands for "nothing is rejected"
        while (true) {
            long v = nextLong();
            if (r == 0 || Long.compareUnsigned(v, firstRejected) < 0) {
                return (int) Long.remainderUnsigned(v, bound);
            }
        }
    }
}
