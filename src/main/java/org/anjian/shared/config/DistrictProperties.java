package org.anjian.shared.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.district.*}: the district the platform serves. Another district changes these (and
 * the reference file {@code anjian.organization.reference-file}) instead of code. In the shared
 * kernel because every module needs some of it (dates are local dates of {@link #zone}, documents
 * are issued by {@link #authority}, the credit feed is published by {@link #committee}).
 *
 * @param authority the emergency management bureau that issues documents and decisions
 * @param committee the office of the work safety committee (安委办) that publishes credit records
 * @param zone      the time zone of every local date and of the scheduled jobs
 * @param map       where a district map opens
 */
@ConfigurationProperties("anjian.district")
public record DistrictProperties(@DefaultValue("江津区应急管理局") String authority,
                                 @DefaultValue("江津区安全生产委员会办公室") String committee,
                                 @DefaultValue("Asia/Shanghai") ZoneId zone,
                                 @DefaultValue MapView map) {

    /** The centre (WGS-84) and zoom level a Leaflet map of the district opens at. */
    public record MapView(@DefaultValue("29.1") double latitude, @DefaultValue("106.2") double longitude, @DefaultValue("10") double zoom) {
    }

    /** The values of 江津区, for code that runs without Spring (unit tests). */
    public static DistrictProperties jiangjin() {
        return new DistrictProperties("江津区应急管理局", "江津区安全生产委员会办公室", ZoneId.of("Asia/Shanghai"), new MapView(29.1, 106.2, 10));
    }
}
