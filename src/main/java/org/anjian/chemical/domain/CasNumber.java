package org.anjian.chemical.domain;

import java.util.regex.Pattern;

/**
 * A CAS registry number: 2–7 digits, 2 digits, 1 check digit, the check digit being the sum of
 * each other digit times its position counted from the right, modulo 10 (7664-41-7 for ammonia:
 * 1·4 + 2·1 + 3·4 + 4·6 + 5·6 + 6·7 = 107 → 7).
 */
public final class CasNumber {

    private static final Pattern FORM = Pattern.compile("\\d{2,7}-\\d{2}-\\d");

    private CasNumber() {
    }

    public static boolean isValid(String cas) {
        if (cas == null || !FORM.matcher(cas).matches()) {
            return false;
        }
        String digits = cas.replace("-", "");
        int check = digits.charAt(digits.length() - 1) - '0';
        int sum = 0;
        for (int i = digits.length() - 2, position = 1; i >= 0; i--, position++) {
            sum += (digits.charAt(i) - '0') * position;
        }
        return sum % 10 == check;
    }
}
