package org.anjian.expert.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The annual evaluation (专家考核) as the district configures it ({@code anjian.expert.evaluation.*}).
 * The average is the mean of all stars given (quality, professionalism, timeliness) over the rated
 * services, rounded to two decimals before it is compared: the number shown is the number judged.
 * In order: fewer than {@code minServices} services, or none rated → not assessed; an average below
 * {@code unqualifiedBelow} or any single star at or below {@code unqualifiedStar} → unqualified;
 * an average of at least {@code excellentAverage} with at least {@code excellentServices} services →
 * excellent; otherwise qualified.
 */
public record EvaluationRules(BigDecimal excellentAverage, int excellentServices, BigDecimal unqualifiedBelow, int unqualifiedStar,
                              int minServices) {

    public static final EvaluationRules DEFAULT = new EvaluationRules(new BigDecimal("4.5"), 6, new BigDecimal("3"), 1, 2);

    /** Mean stars, two decimals, half up; null when nothing was rated. */
    public static BigDecimal average(long totalStars, long ratings) {
        return ratings == 0 ? null : BigDecimal.valueOf(totalStars).divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP);
    }

    /**
     * @param services      services in the year
     * @param ratedServices how many of them were rated
     * @param average       the rounded average (see {@link #average}), null when none was rated
     * @param lowestStar    the lowest single star given in the year (0 when none)
     */
    public EvaluationResult judge(long services, long ratedServices, BigDecimal average, int lowestStar) {
        if (services < minServices || ratedServices == 0 || average == null) {
            return EvaluationResult.NOT_ASSESSED;
        }
        if (average.compareTo(unqualifiedBelow) < 0 || lowestStar <= unqualifiedStar) {
            return EvaluationResult.UNQUALIFIED;
        }
        if (average.compareTo(excellentAverage) >= 0 && services >= excellentServices) {
            return EvaluationResult.EXCELLENT;
        }
        return EvaluationResult.QUALIFIED;
    }
}
