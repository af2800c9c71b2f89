package org.anjian.identity.internal;

import java.util.Optional;

/**
 * 等保 level 3 password rule: at least 8 characters from at least 3 of the 4 classes
 * (upper case, lower case, digits, other characters), and not the username itself.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    static final int MIN_CLASSES = 3;

    private PasswordPolicy() {
    }

    /** The message key of the first rule the password breaks, if any. */
    static Optional<String> violation(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("identity.password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("identity.password.tooLong");
        }
        int upper = 0;
        int lower = 0;
        int digit = 0;
        int other = 0;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = 1;
            } else if (c >= 'a' && c <= 'z') {
                lower = 1;
            } else if (c >= '0' && c <= '9') {
                digit = 1;
            } else {
                other = 1;
            }
        }
        if (upper + lower + digit + other < MIN_CLASSES) {
            return Optional.of("identity.password.classes");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("identity.password.containsUsername");
        }
        return Optional.empty();
    }
}
