package org.anjian.penalty.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.penalty.*}: the thresholds and periods of the penalty procedure
 * (《安全生产违法行为行政处罚办法》, 《行政处罚法》).
 *
 * @param legalReview   when a decision needs the legal review (法制审核)
 * @param hearing       when a party may request a hearing and within how many days
 * @param statementDays days a party has to state its case (陈述申辩) after the notice
 */
@ConfigurationProperties("anjian.penalty")
public record PenaltyProperties(@DefaultValue LegalReview legalReview,
                                @DefaultValue Hearing hearing,
                                @DefaultValue("3") int statementDays) {

    /** @param fineThresholdYuan fines from this amount need the legal review */
    public record LegalReview(@DefaultValue("50000") long fineThresholdYuan) {
    }

    /**
     * @param fineThresholdYuan fines from this amount give the right to a hearing
     * @param requestDays       days after the notice within which a hearing may be requested
     */
    public record Hearing(@DefaultValue("50000") long fineThresholdYuan, @DefaultValue("5") int requestDays) {
    }
}
