package org.anjian.monitoring.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.anjian.monitoring.domain.AlarmCondition;
import org.anjian.monitoring.domain.AlarmEvaluation;
import org.anjian.monitoring.domain.AlarmEvaluation.Trigger;
import org.anjian.monitoring.domain.ReadingCheck;
import org.anjian.monitoring.domain.ReadingCheck.Refusal;
import org.anjian.monitoring.internal.AlarmRepository.Raised;
import org.anjian.monitoring.internal.AlarmRepository.Sighting;
import org.anjian.monitoring.internal.ReadingRepository.Row;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ingestion of readings, the same for MQTT and HTTP (MON-2).
 *
 * <p><b>Batch semantics (decided, documented in docs/monitoring.md and tested):</b> every reading
 * of a batch gets its own result, accepted or refused with a reason; the accepted readings, the
 * alarms they raise and the refusal log are committed in ONE transaction, so a batch is never
 * stored half: either all its accepted readings are in the database or none are (and then the
 * sender gets no 2xx / no PUBACK and sends again). A redelivered reading (same sensor, same time)
 * is stored once.
 */
@Service
public class Ingestion {

    private final SensorRepository sensors;
    private final ReadingRepository readings;
    private final AlarmRepository alarms;
    private final AlarmNotices notices;
    private final MonitoringProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    Ingestion(SensorRepository sensors, ReadingRepository readings, AlarmRepository alarms, AlarmNotices notices, MonitoringProperties properties,
              MeterRegistry meters, Clock clock) {
        this.sensors = sensors;
        this.readings = readings;
        this.alarms = alarms;
        this.notices = notices;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Who sent a batch: the enterprise whose codes the batch may use (null when the sender is not one
     * enterprise), and which enterprises' sensors it owns.
     */
    public record Sender(String channel, UUID enterpriseId, Predicate<UUID> owns) {
    }

    /** One reading as sent: the sensor by id or by the enterprise's code (位号), the time, the value, the unit. */
    public record ReadingInput(String sensor, Instant at, Double value, String unit) {
    }

    public record ItemResult(int index, String sensor, boolean accepted, Refusal reason, String reasonLabel) {
    }

    public record BatchResult(int accepted, int refused, int stored, int alarmsRaised, List<ItemResult> results) {
    }

    /** A whole message or body that could not be read at all: counted and logged, nothing stored. */
    @Transactional
    public void refuseMalformed(Sender sender, String detail) {
        count(sender.channel(), Refusal.MALFORMED, 1);
        readings.refused(sender.enterpriseId(), sender.channel(), null, Refusal.MALFORMED.name(), detail, clock.instant());
    }

    @Transactional
    public BatchResult ingest(Sender sender, List<ReadingInput> batch) {
        Instant now = clock.instant();
        // resolve sensors: ids directly, codes within the sender's enterprise
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (ReadingInput r : batch) {
            if (r == null || r.sensor() == null || r.sensor().isBlank()) {
                continue;
            }
            UUID id = uuid(r.sensor());
            if (id != null) {
                ids.add(id);
            } else if (sender.enterpriseId() != null) {
                codes.add(r.sensor().strip());
            }
        }
        Map<String, UUID> byCode = new HashMap<>();
        if (sender.enterpriseId() != null) {
            for (SensorRow s : sensors.byCodes(sender.enterpriseId(), codes)) {
                byCode.put(s.code(), s.id());
                ids.add(s.id());
            }
        }
        Map<UUID, SensorRow> known = new HashMap<>();
        for (SensorRow s : sensors.lockByIds(ids)) {
            known.put(s.id(), s);
        }

        List<ItemResult> results = new ArrayList<>(batch.size());
        Map<UUID, List<Row>> accepted = new HashMap<>();
        EnumMap<Refusal, Integer> refusals = new EnumMap<>(Refusal.class);
        for (int i = 0; i < batch.size(); i++) {
            ReadingInput r = batch.get(i);
            Refusal refusal;
            SensorRow sensor = null;
            if (r == null || r.sensor() == null || r.sensor().isBlank()) {
                refusal = Refusal.MALFORMED;
            } else {
                UUID id = uuid(r.sensor());
                sensor = known.get(id != null ? id : byCode.get(r.sensor().strip()));
                if (sensor == null || !sensor.active()) {
                    refusal = Refusal.UNKNOWN_SENSOR;
                } else if (!sender.owns().test(sensor.enterpriseId())) {
                    refusal = Refusal.NOT_OWNED;
                } else {
                    refusal = ReadingCheck.check(sensor.kind(), sensor.unit(), r.unit(), r.value(), r.at(), now, properties.futureTolerance(),
                            properties.maxAge());
                }
            }
            String name = r == null ? null : r.sensor();
            if (refusal == null) {
                accepted.computeIfAbsent(sensor.id(), k -> new ArrayList<>()).add(new Row(sensor.id(), r.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS), r.value(), now));
                results.add(new ItemResult(i, name, true, null, null));
            } else {
                refusals.merge(refusal, 1, Integer::sum);
                results.add(new ItemResult(i, name, false, refusal, refusal.label()));
                readings.refused(refusal == Refusal.NOT_OWNED || sensor == null ? sender.enterpriseId() : sensor.enterpriseId(), sender.channel(),
                        name, refusal.name(), r == null ? "null" : "at=" + r.at() + " value=" + r.value() + " unit=" + r.unit(), now);
            }
        }

        List<Row> rows = new ArrayList<>();
        accepted.values().forEach(rows::addAll);
        Set<ReadingRepository.Key> fresh = readings.store(rows);
        int raised = 0;
        for (Map.Entry<UUID, List<Row>> e : accepted.entrySet()) {
            // a redelivered reading is already stored and was evaluated when it first came: it raises nothing again
            List<Row> news = new ArrayList<>(e.getValue().size());
            for (Row r : e.getValue()) {
                if (fresh.contains(new ReadingRepository.Key(r.sensorId(), r.readAt()))) {
                    news.add(r);
                }
            }
            if (!news.isEmpty()) {
                raised += evaluate(known.get(e.getKey()), news, now);
            }
        }
        int stored = fresh.size();
        int acceptedCount = rows.size();
        meters.counter("anjian.monitoring.readings.accepted", "channel", sender.channel()).increment(acceptedCount);
        refusals.forEach((reason, n) -> count(sender.channel(), reason, n));
        return new BatchResult(acceptedCount, batch.size() - acceptedCount, stored, raised, results);
    }

    /**
     * Evaluates one sensor's readings of the batch in time order against its set points and the
     * previous reading; each condition seen becomes one upsert of the open alarm.
     */
    private int evaluate(SensorRow sensor, List<Row> rows, Instant now) {
        rows.sort(Comparator.comparing(Row::readAt));
        Double previous = sensor.lastValue();
        Instant previousAt = sensor.lastReadAt();
        Map<AlarmCondition, Sighting> seen = new EnumMap<>(AlarmCondition.class);
        Map<AlarmCondition, Instant> normalSince = new EnumMap<>(AlarmCondition.class);
        for (Row r : rows) {
            boolean inOrder = previousAt == null || r.readAt().isAfter(previousAt);
            AlarmEvaluation.Outcome outcome = AlarmEvaluation.evaluate(sensor.thresholds(), inOrder ? sensor.ratePerMinute() : null, previous,
                    previousAt, r.value(), r.readAt());
            for (Trigger t : outcome.raised()) {
                seen.merge(t.condition(), new Sighting(t.condition(), t.level(), t.value(), t.value(), t.limit(), r.readAt(), r.readAt(), 1),
                        (a, b) -> new Sighting(a.condition(), b.level().outranks(a.level()) ? b.level() : a.level(), a.firstValue(), b.lastValue(),
                                b.level().outranks(a.level()) ? b.threshold() : a.threshold(), a.firstAt(), b.lastAt(), a.count() + 1));
                normalSince.remove(t.condition());
            }
            if (inOrder) {
                for (AlarmCondition c : outcome.normal()) {
                    normalSince.putIfAbsent(c, r.readAt());
                }
                previous = r.value();
                previousAt = r.readAt();
            }
        }
        int created = 0;
        for (Sighting g : seen.values()) {
            Raised raised = alarms.raise(sensor, g, now.plus(properties.replyPeriod()));
            if (raised.created()) {
                created++;
                notices.raised(raised.id(), sensor, g);
            }
        }
        normalSince.forEach((c, at) -> alarms.normal(sensor.id(), List.of(c), at));
        if (previousAt != null) {
            sensors.lastReading(sensor.id(), previous, previousAt);
        }
        return created;
    }

    private void count(String channel, Refusal reason, int n) {
        meters.counter("anjian.monitoring.readings.refused", "channel", channel, "reason", reason.name()).increment(n);
    }

    private static UUID uuid(String s) {
        String v = s.strip();
        if (v.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
