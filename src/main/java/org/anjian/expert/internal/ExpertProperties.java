package org.anjian.expert.internal;

import java.math.BigDecimal;
import org.anjian.expert.domain.EvaluationRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.expert.evaluation.*}: the thresholds of the annual evaluation (see
 * {@link EvaluationRules}); the defaults are the district's rules of 2026: an average of at least 4.5
 * over at least 6 services is excellent, an average below 3 or any one-star rating unqualified,
 * fewer than 2 services not assessed.
 */
@ConfigurationProperties("anjian.expert.evaluation")
public record ExpertProperties(@DefaultValue("4.5") BigDecimal excellentAverage, @DefaultValue("6") int excellentServices,
                               @DefaultValue("3") BigDecimal unqualifiedBelow, @DefaultValue("1") int unqualifiedStar,
                               @DefaultValue("2") int minServices) {

    public EvaluationRules rules() {
        return new EvaluationRules(excellentAverage, excellentServices, unqualifiedBelow, unqualifiedStar, minServices);
    }
}
