package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo's live simulator ({@code anjian.monitoring.simulator.enabled=true}; off by default and in
 * tests): every period, a reading for each of up to 500 sensors around its normal value, and now
 * and then one above its H set point, so the alarm page shows new alarms arriving.
 */
@Component
@ConditionalOnProperty(name = "anjian.monitoring.simulator.enabled", havingValue = "true")
class DemoSimulator {

    private final SensorRepository sensors;
    private final Ingestion ingestion;
    private final Clock clock;
    private final Random random = new Random(2026);

    DemoSimulator(SensorRepository sensors, Ingestion ingestion, Clock clock) {
        this.sensors = sensors;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${anjian.monitoring.simulator.period:PT10S}", initialDelayString = "PT20S")
    void tick() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ReadingInput> batch = new ArrayList<>();
        for (SensorRow s : sensors.active(500)) {
            double value = DemoSensors.normal(s.kind(), random);
            if (random.nextInt(2000) == 0 && s.thresholds().h() != null) {
                value = s.thresholds().h() + Math.abs(random.nextGaussian());
            }
            batch.add(new ReadingInput(s.id().toString(), now, value, s.unit()));
        }
        if (!batch.isEmpty()) {
            ingestion.ingest(new Ingestion.Sender("simulator", null, e -> true), batch);
        }
    }
}
