package org.anjian.chemical;

import java.util.Random;

/** Catalogue data for the chemical tests: CAS numbers that pass the check digit and are new to the catalogue. */
final class ChemicalTestData {

    private static final Random RANDOM = new Random();

    private ChemicalTestData() {
    }

    /** A CAS number of 7 + 2 digits with its correct check digit (the sum of each digit times its position from the right, mod 10). */
    static String newCas() {
        String digits = String.format("%07d%02d", 1_000_000 + RANDOM.nextInt(8_999_999), RANDOM.nextInt(100));
        int sum = 0;
        for (int i = digits.length() - 1, position = 1; i >= 0; i--, position++) {
            sum += (digits.charAt(i) - '0') * position;
        }
        return digits.substring(0, 7) + "-" + digits.substring(7) + "-" + (sum % 10);
    }

    /** The same number with its check digit off by one. */
    static String withWrongCheckDigit(String cas) {
        int check = cas.charAt(cas.length() - 1) - '0';
        return cas.substring(0, cas.length() - 1) + ((check + 1) % 10);
    }
}
