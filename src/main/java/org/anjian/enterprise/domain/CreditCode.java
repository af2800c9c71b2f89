package org.anjian.enterprise.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet without I, O, Z, S
 * and V (they read like digits), the last one a check character over the first 17 with weights
 * 3^(i-1) mod 31. Positions 3–8 are the registering authority's administrative division code.
 */
public final class CreditCode {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a code was refused; each is a message key suffix ({@code enterprise.creditCode.<reason>}). */
    public enum Problem { REQUIRED, LENGTH, CHARACTER, CHECK_DIGIT }

    private CreditCode() {
    }

    /** Upper-cases and strips blanks, as people type codes copied from a licence. */
    public static String normalize(String code) {
        return code == null ? null : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** The problem with a (normalized) code, or empty when it is valid. */
    public static Optional<Problem> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(Problem.REQUIRED);
        }
        if (code.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Problem.CHARACTER);
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17) ? Optional.empty() : Optional.of(Problem.CHECK_DIGIT);
    }

    public static boolean isValid(String code) {
        return problem(normalize(code)).isEmpty();
    }

    /** C18 = 31 − (Σ value×weight mod 31), where 31 wraps to 0. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character outside GB 32100 alphabet: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** Completes 17 characters with their check character: demo data and tests need valid codes. */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }
}
