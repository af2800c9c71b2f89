package org.anjian.standardization.internal;

import java.util.Map;
import org.anjian.standardization.domain.GradeLevel;
import org.anjian.standardization.domain.ReviewingLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.standardization.*}.
 *
 * @param reviewingLevels  who grades which level; the default is the seed's (市级负责二级、区级负责三级) with 一级 by the province
 * @param minScores        the lowest score of each level (default 90/75/60, 2014 评审管理办法)
 * @param warningDays      a grade whose last day is this close is listed as expiring
 * @param targetAboveSize  the seed's target for 规上工贸 (80%)
 * @param targetFourPlusTwo the seed's target for 规上 四涉一有限一使用 (90%)
 */
@ConfigurationProperties("anjian.standardization")
public record StandardizationProperties(Map<GradeLevel, ReviewingLevel> reviewingLevels, Map<GradeLevel, Integer> minScores,
                                        @DefaultValue("90") int warningDays, @DefaultValue("80") int targetAboveSize,
                                        @DefaultValue("90") int targetFourPlusTwo) {

    public ReviewingLevel reviewer(GradeLevel level) {
        if (reviewingLevels != null && reviewingLevels.containsKey(level)) {
            return reviewingLevels.get(level);
        }
        return switch (level) {
            case LEVEL_1 -> ReviewingLevel.PROVINCE;
            case LEVEL_2 -> ReviewingLevel.CITY;
            case LEVEL_3 -> ReviewingLevel.DISTRICT;
        };
    }

    public int minScore(GradeLevel level) {
        return minScores != null && minScores.containsKey(level) ? minScores.get(level) : level.defaultMinScore();
    }
}
