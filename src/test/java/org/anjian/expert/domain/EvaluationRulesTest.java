package org.anjian.expert.domain;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.anjian.expert.domain.EvaluationResult.EXCELLENT;
import static org.anjian.expert.domain.EvaluationResult.NOT_ASSESSED;
import static org.anjian.expert.domain.EvaluationResult.QUALIFIED;
import static org.anjian.expert.domain.EvaluationResult.UNQUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;

/** The district's evaluation rules at their boundaries: 4.5 and 6 services, 3.0, a one-star rating, 2 services. */
class EvaluationRulesTest {

    final EvaluationRules rules = EvaluationRules.DEFAULT;

    static BigDecimal avg(String s) {
        return new BigDecimal(s);
    }

    @Test
    void anAverageOf4point5OverSixServicesIsExcellentAnd4point49IsNot() {
        assertThat(rules.judge(6, 6, avg("4.50"), 4)).isEqualTo(EXCELLENT);
        assertThat(rules.judge(6, 6, avg("4.49"), 4)).isEqualTo(QUALIFIED);
    }

    @Test
    void fiveServicesAreNotEnoughForExcellentSixAre() {
        assertThat(rules.judge(5, 5, avg("4.80"), 4)).isEqualTo(QUALIFIED);
        assertThat(rules.judge(6, 5, avg("4.80"), 4)).isEqualTo(EXCELLENT);
    }

    @Test
    void anyOneStarRatingIsUnqualifiedWhateverTheAverage() {
        assertThat(rules.judge(8, 8, avg("4.60"), 1)).isEqualTo(UNQUALIFIED);
        assertThat(rules.judge(8, 8, avg("4.60"), 2)).isEqualTo(EXCELLENT);
    }

    @Test
    void anAverageBelow3IsUnqualifiedAnd3IsQualified() {
        assertThat(rules.judge(4, 4, avg("2.99"), 2)).isEqualTo(UNQUALIFIED);
        assertThat(rules.judge(4, 4, avg("3.00"), 2)).isEqualTo(QUALIFIED);
    }

    @Test
    void fewerThanTwoServicesOrNoRatingIsNotAssessed() {
        assertThat(rules.judge(1, 1, avg("1.00"), 1)).isEqualTo(NOT_ASSESSED);
        assertThat(rules.judge(2, 2, avg("1.00"), 1)).isEqualTo(UNQUALIFIED);
        assertThat(rules.judge(3, 0, null, 0)).isEqualTo(NOT_ASSESSED);
    }

    @Test
    void theAverageIsRoundedToTwoDecimalsBeforeItIsJudged() {
        // 81 stars over 18 ratings (6 services × 3 dimensions) = 4.5 exactly
        assertThat(EvaluationRules.average(81, 18)).isEqualByComparingTo("4.50");
        // 4.4944… shows and counts as 4.49; 4.4950 as 4.50
        assertThat(EvaluationRules.average(809, 180)).isEqualByComparingTo("4.49");
        assertThat(EvaluationRules.average(899, 200)).isEqualByComparingTo("4.50");
        assertThat(EvaluationRules.average(0, 0)).isNull();
    }

    @Test
    void theThresholdsAreConfigurable() {
        EvaluationRules strict = new EvaluationRules(avg("4.8"), 10, avg("3.5"), 2, 3);
        assertThat(strict.judge(10, 10, avg("4.70"), 3)).isEqualTo(QUALIFIED);
        assertThat(strict.judge(10, 10, avg("4.70"), 2)).isEqualTo(UNQUALIFIED);
        assertThat(strict.judge(2, 2, avg("5.00"), 5)).isEqualTo(NOT_ASSESSED);
    }
}
