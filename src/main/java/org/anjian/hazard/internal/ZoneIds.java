package org.anjian.hazard.internal;

import java.time.ZoneId;

final class ZoneIds {

    /** Deadlines are days in the district's time zone. */
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ZoneIds() {
    }
}
