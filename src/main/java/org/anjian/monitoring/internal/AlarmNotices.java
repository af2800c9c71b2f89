package org.anjian.monitoring.internal;

import java.util.UUID;
import org.anjian.monitoring.internal.AlarmRepository.Sighting;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the live pages of a new alarm (after the transaction that raised it commits). */
@Component
class AlarmNotices {

    private static final Logger log = LoggerFactory.getLogger(AlarmNotices.class);

    void raised(UUID alarmId, SensorRow sensor, Sighting sighting) {
        log.debug("alarm {} raised on sensor {} ({} {})", alarmId, sensor.code(), sighting.condition(), sighting.level());
    }
}
