package org.anjian.hazard.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code anjian.hazard.*}. The jobs' schedules ({@code checks-cron}, {@code escalation-cron}) are read
 * by their {@code @Scheduled} annotations.
 *
 * @param criteriaFile    the catalogue of major-hazard criteria loaded at start (see {@link MajorHazardCriteria})
 * @param supervisionDays days after the deadline at which an unrectified major hazard is listed for supervision
 */
@ConfigurationProperties("anjian.hazard")
public record HazardProperties(@DefaultValue("classpath:reference/major-hazard-criteria.json") Resource criteriaFile,
                               @DefaultValue("15") int supervisionDays) {
}
