package org.anjian.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 等保 level 3: at least 8 characters, at least 3 of 4 character classes, not the username. */
class PasswordPolicyTest {

    @Test
    void sevenCharactersAreTooFewEightAreEnough() {
        assertThat(PasswordPolicy.violation("Ab1#xyz", "user")).contains("identity.password.tooShort");
        assertThat(PasswordPolicy.violation("Ab1#xyzw", "user")).isEmpty();
    }

    @Test
    void twoClassesAreTooFewThreeAreEnough() {
        assertThat(PasswordPolicy.violation("abcdefgh12", "user")).contains("identity.password.classes");
        assertThat(PasswordPolicy.violation("ABCDEFGHab", "user")).contains("identity.password.classes");
        assertThat(PasswordPolicy.violation("abcdefg#!", "user")).contains("identity.password.classes");
        assertThat(PasswordPolicy.violation("Abcdefgh12", "user")).isEmpty();
        assertThat(PasswordPolicy.violation("abcdefg#1", "user")).isEmpty();
        assertThat(PasswordPolicy.violation("ABCDEF#1", "user")).isEmpty();
    }

    @Test
    void chineseCharactersCountAsTheOtherClass() {
        assertThat(PasswordPolicy.violation("安全abcd12", "user")).isEmpty();
    }

    @Test
    void thePasswordMayNotContainTheUsername() {
        assertThat(PasswordPolicy.violation("Inspector@1", "inspector")).contains("identity.password.containsUsername");
    }

    @Test
    void over128CharactersAreRefused() {
        assertThat(PasswordPolicy.violation("Aa1" + "x".repeat(125), "u")).isEmpty();
        assertThat(PasswordPolicy.violation("Aa1" + "x".repeat(126), "u")).contains("identity.password.tooLong");
    }

    @Test
    void theDemoPasswordPasses() {
        assertThat(PasswordPolicy.violation("Anjian@2023", "admin")).isEmpty();
    }
}
