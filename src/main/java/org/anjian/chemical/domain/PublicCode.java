package org.anjian.chemical.domain;

import java.util.Random;
import java.util.regex.Pattern;

/**
 * The public code a product's QR label carries (一企一品一码): 80 random bits written as 16 characters
 * of RFC 4648 base32 (A–Z, 2–7). It is not derived from any id, so codes cannot be counted through;
 * at 2⁸⁰ possibilities a guess finds a product with odds of about one in 10²⁰ per try.
 */
public final class PublicCode {

    public static final int BITS = 80;
    public static final int LENGTH = BITS / 5;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Pattern FORM = Pattern.compile("[A-Z2-7]{" + LENGTH + "}");

    private PublicCode() {
    }

    /** A new code from the given source of randomness (a {@link java.security.SecureRandom} in production). */
    public static String next(Random random) {
        byte[] bytes = new byte[BITS / 8];
        random.nextBytes(bytes);
        StringBuilder code = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                code.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return code.toString();
    }

    /** Whether the text has the form of a code (case-sensitive; callers upper-case what people type). */
    public static boolean isWellFormed(String code) {
        return code != null && FORM.matcher(code).matches();
    }
}
