package org.anjian.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.scale.*}: the district-scale data set for the read benchmarks (issue 17), never the default demo.
 * The {@code district-scale} profile switches it on (see {@code application-district-scale.properties}).
 *
 * @param generate     whether the data set is generated (topped up to these totals) once the application is ready
 * @param enterprises  enterprises in the registry
 * @param hazards      hazards, each with the steps of its way round the loop
 * @param inspections  inspections (with findings on about 40 % of the finished ones)
 * @param penaltyCases penalty cases
 * @param accidents    accidents
 * @param riskPoints   live risk points (the four-colour map)
 */
@ConfigurationProperties("anjian.scale")
public record ScaleProperties(@DefaultValue("false") boolean generate, @DefaultValue("20000") int enterprises,
                              @DefaultValue("1000000") long hazards, @DefaultValue("200000") long inspections,
                              @DefaultValue("50000") long penaltyCases, @DefaultValue("5000") long accidents,
                              @DefaultValue("60000") long riskPoints) {
}
