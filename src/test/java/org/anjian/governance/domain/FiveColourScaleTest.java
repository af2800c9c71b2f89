package org.anjian.governance.domain;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiveColourScaleTest {

    static FiveColourScale.Band band(String code, String min, int order) {
        return new FiveColourScale.Band(code, code, "#000000", new BigDecimal(min), "", order);
    }

    static final FiveColourScale SCALE = new FiveColourScale(List.of(band("GREEN", "90", 5), band("RED", "0", 1), band("ORANGE", "60", 2),
            band("YELLOW", "70", 3), band("BLUE", "80", 4)));

    @Test
    void aScoreExactlyAtABandsMinimumTakesThatBand() {
        assertThat(SCALE.colourOf(new BigDecimal("59.99"), false).code()).isEqualTo("RED");
        assertThat(SCALE.colourOf(new BigDecimal("60.00"), false).code()).isEqualTo("ORANGE");
        assertThat(SCALE.colourOf(new BigDecimal("89.99"), false).code()).isEqualTo("BLUE");
        assertThat(SCALE.colourOf(new BigDecimal("90"), false).code()).isEqualTo("GREEN");
        assertThat(SCALE.colourOf(new BigDecimal("100"), false).code()).isEqualTo("GREEN");
    }

    @Test
    void aVetoTakesTheWorstBandWhateverTheScore() {
        assertThat(SCALE.colourOf(new BigDecimal("100"), true).code()).isEqualTo("RED");
    }

    @Test
    void minimumsMustRiseFromZero() {
        assertThat(SCALE.problems()).isEmpty();
        var flat = new FiveColourScale(List.of(band("RED", "0", 1), band("ORANGE", "60", 2), band("YELLOW", "60", 3)));
        assertThat(flat.problems()).extracting(p -> p[0] + " " + p[1]).containsExactly("YELLOW governance.fiveColour.notRising");
        var gap = new FiveColourScale(List.of(band("RED", "10", 1), band("ORANGE", "101", 2)));
        assertThat(gap.problems()).extracting(p -> p[0] + " " + p[1])
                .containsExactly("RED governance.fiveColour.lowestFromZero", "ORANGE governance.fiveColour.minOutOfRange");
    }
}
