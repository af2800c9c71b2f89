package org.anjian.chemical.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** CAS registry numbers: the check digit is Σ digit × position from the right, mod 10. */
class CasNumberTest {

    @ParameterizedTest(name = "{0} valid: {1}")
    @CsvSource({
            "7664-41-7, true",     // 氨
            "7782-50-5, true",     // 氯
            "75-44-5, true",       // 碳酰氯
            "68476-85-7, true",    // 液化石油气
            "7664-41-8, false",    // wrong check digit
            "7664417, false",      // no hyphens
            "1-41-7, false"})      // first part too short
    void theCheckDigitDecides(String cas, boolean valid) {
        assertThat(CasNumber.isValid(cas)).isEqualTo(valid);
    }
}
