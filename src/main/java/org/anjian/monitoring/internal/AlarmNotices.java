package org.anjian.monitoring.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.anjian.monitoring.internal.AlarmRepository.Sighting;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.anjian.shared.live.LiveMessage;
import org.anjian.shared.live.LiveUpdates;
import org.springframework.stereotype.Component;

/**
 * Tells the open alarm pages on every node of a new alarm or a changed one (topic {@code alarm});
 * {@link LiveUpdates} delivers after the transaction commits and not at all on a rollback.
 */
@Component
class AlarmNotices {

    static final String TOPIC = "alarm";

    private final LiveUpdates live;

    AlarmNotices(LiveUpdates live) {
        this.live = live;
    }

    void raised(UUID alarmId, SensorRow sensor, Sighting sighting) {
        Map<String, String> data = new HashMap<>();
        data.put("id", alarmId.toString());
        data.put("sensorCode", sensor.code());
        data.put("sensorName", sensor.name());
        data.put("condition", sighting.condition().name());
        data.put("conditionLabel", sighting.condition().label());
        data.put("level", sighting.level().name());
        data.put("value", sighting.lastValue() == null ? "" : String.valueOf(sighting.lastValue()));
        data.put("unit", sensor.unit());
        data.put("at", sighting.firstAt().toString());
        live.publish(new LiveMessage(TOPIC, "raised", sensor.enterpriseId(), data));
    }

    void changed(UUID alarmId, UUID enterpriseId, String state) {
        live.publish(new LiveMessage(TOPIC, "state", enterpriseId, Map.of("id", alarmId.toString(), "state", state)));
    }
}
