package org.anjian.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.anjian.enterprise.domain.CreditCode.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91110108551385082Q", // published code of a Beijing Haidian company, check character Q
            "914403001922038216", // published code of a Shenzhen company, check character 6
            "91350100M000100Y43", // the sample code printed in GB 32100-2015 explanations
    })
    void publishedCodesAreValid(String code) {
        assertThat(CreditCode.problem(code)).isEmpty();
        assertThat(CreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThat(CreditCode.problem("91110108551385082A")).contains(Problem.CHECK_DIGIT);
        assertThat(CreditCode.problem("914403001922038217")).contains(Problem.CHECK_DIGIT);
        assertThat(CreditCode.problem("91350100M000100Y44")).contains(Problem.CHECK_DIGIT);
    }

    @Test
    void aSwappedPairOfDigitsIsCaught() {
        // the weights differ per position, so transpositions change the sum
        assertThat(CreditCode.problem("91110108553185082Q")).contains(Problem.CHECK_DIGIT);
    }

    @Test
    void lettersOutsideTheAlphabetAreRefused() {
        assertThat(CreditCode.problem("91110108551385082I")).contains(Problem.CHARACTER);
        assertThat(CreditCode.problem("9111010855138508OQ")).contains(Problem.CHARACTER);
        assertThat(CreditCode.problem("91110108551385082S")).contains(Problem.CHARACTER);
    }

    @Test
    void lengthAndPresenceAreChecked() {
        assertThat(CreditCode.problem(null)).contains(Problem.REQUIRED);
        assertThat(CreditCode.problem("")).contains(Problem.REQUIRED);
        assertThat(CreditCode.problem("91110108551385082")).contains(Problem.LENGTH);
        assertThat(CreditCode.problem("91110108551385082QQ")).contains(Problem.LENGTH);
    }

    @Test
    void checkCharacterThirtyOneWrapsToZero() {
        // find a 17-character body whose weighted sum is a multiple of 31: its check character is '0'
        String body = "91500116MA0000000";
        for (char c : CreditCode.ALPHABET.toCharArray()) {
            String candidate = "91500116MA000000" + c;
            if (CreditCode.checkCharacter(candidate) == '0') {
                body = candidate;
                break;
            }
        }
        assertThat(CreditCode.checkCharacter(body)).isEqualTo('0');
        assertThat(CreditCode.isValid(body + "0")).isTrue();
    }

    @Test
    void normalizeAcceptsLowerCaseAndBlanks() {
        assertThat(CreditCode.isValid(" 91110108551385082q ")).isTrue();
        assertThat(CreditCode.normalize("9111 0108 5513 8508 2q")).isEqualTo("91110108551385082Q");
    }

    @Test
    void completeProducesJiangjinCodes() {
        String code = CreditCode.complete("91500116MA5U7A0B1");
        assertThat(code.substring(2, 8)).isEqualTo("500116");
        assertThat(CreditCode.isValid(code)).isTrue();
    }
}
