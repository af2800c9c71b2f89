package org.anjian.monitoring.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.anjian.monitoring.domain.AlarmCondition;
import org.anjian.monitoring.domain.AlarmEvaluation;
import org.anjian.monitoring.domain.AlarmEvaluation.Trigger;
import org.anjian.monitoring.domain.ReadingCheck;
import org.anjian.monitoring.domain.ReadingCheck.Refusal;
import org.anjian.monitoring.internal.AlarmRepository.Sighting;
import org.anjian.monitoring.internal.ReadingRepository.Row;
import org.anjian.monitoring.internal.SensorRepository.CodeKey;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate tx;

    Ingestion(SensorRepository sensors, ReadingRepository readings, AlarmRepository alarms, AlarmNotices notices, MonitoringProperties properties,
              MeterRegistry meters, Clock clock, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
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

    /** One message or request body: its sender and readings, or why it could not be read at all. */
    public record Submission(Sender sender, List<ReadingInput> readings, String malformed) {

        public static Submission of(Sender sender, List<ReadingInput> readings) {
            return new Submission(sender, readings, null);
        }

        public static Submission malformed(Sender sender, String detail) {
            return new Submission(sender, List.of(), detail == null ? "?" : detail);
        }
    }

    /** One batch in one transaction; see {@link #ingestAll}. */
    public BatchResult ingest(Sender sender, List<ReadingInput> batch) {
        return ingestAll(List.of(Submission.of(sender, batch))).get(0);
    }

    /**
     * Several messages (MQTT) or one request body (HTTP) in ONE transaction: a result per submission
     * (a malformed one is counted and logged, its result is empty). The caller acknowledges them only
     * after this returns, i.e. after the commit. The work per batch is a fixed handful of statements
     * whatever its size: resolve codes, lock the sensors (id order), COPY, raise alarms, mark normal,
     * record the last readings, log refusals.
     *
     * <p>Readings later than their sensor's last stored one (the locked row says which; the usual
     * case) cannot be stored yet and are {@code COPY}'d straight into the table; older ones (a
     * redelivery, or a late reading) take the staging table and {@code insert … on conflict do
     * nothing}. Should a reading nonetheless be stored already (written around ingestion), the
     * batch is rolled back and done again the careful way, every reading through the staging table.
     */
    public List<BatchResult> ingestAll(List<Submission> submissions) {
        Outcome outcome;
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            outcome = process(submissions, false);
        } else {
            Outcome fast;
            try {
                fast = tx.execute(s -> process(submissions, true));
            } catch (DuplicateKeyException e) {
                fast = tx.execute(s -> process(submissions, false));
            }
            outcome = fast;
        }
        // counted once committed
        outcome.accepted().forEach((channel, n) -> meters.counter("anjian.monitoring.readings.accepted", "channel", channel).increment(n));
        outcome.refused().forEach((key, n) -> count(key.channel(), key.reason(), n));
        return outcome.results();
    }

    private record CountKey(String channel, Refusal reason) {
    }

    private record Outcome(List<BatchResult> results, Map<String, Integer> accepted, Map<CountKey, Integer> refused) {
    }

    /** A reading that passed the checks, and the submission it came in. */
    private record Accepted(int submission, Row row) {
    }

    private Outcome process(List<Submission> submissions, boolean fast) {
        Instant now = clock.instant();
        // 1. resolve codes (one query for all senders), then lock the sensors in id order (one query)
        Set<UUID> ids = new HashSet<>();
        Set<CodeKey> codes = new HashSet<>();
        for (Submission sub : submissions) {
            for (ReadingInput r : sub.readings()) {
                if (r == null || r.sensor() == null || r.sensor().isBlank()) {
                    continue;
                }
                UUID id = uuid(r.sensor());
                if (id != null) {
                    ids.add(id);
                } else if (sub.sender().enterpriseId() != null) {
                    codes.add(new CodeKey(sub.sender().enterpriseId(), r.sensor().strip()));
                }
            }
        }
        Map<CodeKey, UUID> byCode = sensors.idsByCodes(codes);
        ids.addAll(byCode.values());
        Map<UUID, SensorRow> known = new HashMap<>();
        for (SensorRow s : sensors.lockByIds(ids)) {
            known.put(s.id(), s);
        }

        // 2. check every reading
        List<List<ItemResult>> results = new ArrayList<>(submissions.size());
        Map<UUID, List<Accepted>> accepted = new TreeMap<>();
        List<ReadingRepository.Refused> refusedLog = new ArrayList<>();
        Map<String, Integer> acceptedCounts = new HashMap<>();
        Map<CountKey, Integer> refusedCounts = new HashMap<>();
        int[] acceptedPer = new int[submissions.size()];
        for (int k = 0; k < submissions.size(); k++) {
            Submission sub = submissions.get(k);
            Sender sender = sub.sender();
            List<ItemResult> items = new ArrayList<>(sub.readings().size());
            results.add(items);
            if (sub.malformed() != null) {
                refusedCounts.merge(new CountKey(sender.channel(), Refusal.MALFORMED), 1, Integer::sum);
                refusedLog.add(new ReadingRepository.Refused(sender.enterpriseId(), sender.channel(), null, Refusal.MALFORMED.name(), sub.malformed(), now));
                continue;
            }
            for (int i = 0; i < sub.readings().size(); i++) {
                ReadingInput r = sub.readings().get(i);
                Refusal refusal;
                SensorRow sensor = null;
                if (r == null || r.sensor() == null || r.sensor().isBlank()) {
                    refusal = Refusal.MALFORMED;
                } else {
                    String name = r.sensor().strip();
                    UUID id = uuid(name);
                    if (id != null) {
                        sensor = known.get(id);
                    } else if (sender.enterpriseId() != null) {
                        sensor = known.get(byCode.get(new CodeKey(sender.enterpriseId(), name)));
                        if (sensor != null && !(sensor.code().equals(name) && sensor.enterpriseId().equals(sender.enterpriseId()))) {
                            sensor = null; // renamed between the code's lookup and the lock
                        }
                    }
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
                    accepted.computeIfAbsent(sensor.id(), x -> new ArrayList<>())
                            .add(new Accepted(k, new Row(sensor.id(), r.at().truncatedTo(ChronoUnit.MICROS), r.value(), now)));
                    acceptedPer[k]++;
                    items.add(new ItemResult(i, name, true, null, null));
                } else {
                    refusedCounts.merge(new CountKey(sender.channel(), refusal), 1, Integer::sum);
                    items.add(new ItemResult(i, name, false, refusal, refusal.label()));
                    refusedLog.add(new ReadingRepository.Refused(refusal == Refusal.NOT_OWNED || sensor == null ? sender.enterpriseId() : sensor.enterpriseId(),
                            sender.channel(), name, refusal.name(), r == null ? "null" : "at=" + r.at() + " value=" + r.value() + " unit=" + r.unit(), now));
                }
            }
            acceptedCounts.merge(sender.channel(), acceptedPer[k], Integer::sum);
        }

        // 3. store: readings later than the sensor's last one straight by COPY, the others through the staging table
        List<Row> direct = new ArrayList<>();
        List<Row> careful = new ArrayList<>();
        Set<ReadingRepository.Key> fresh = new HashSet<>();
        for (Map.Entry<UUID, List<Accepted>> e : accepted.entrySet()) {
            Instant last = known.get(e.getKey()).lastReadAt();
            Set<Instant> seen = new HashSet<>();
            for (Accepted a : e.getValue()) {
                Row row = a.row();
                if (!fast || (last != null && !row.readAt().isAfter(last))) {
                    careful.add(row);
                } else if (seen.add(row.readAt())) { // the same reading twice in one batch is stored once
                    direct.add(row);
                    fresh.add(new ReadingRepository.Key(row.sensorId(), row.readAt()));
                }
            }
        }
        readings.copyRaw(direct);
        fresh.addAll(readings.store(careful));

        // 4. evaluate in memory, per sensor in time order; the alarm table is written once per batch for what was seen
        int[] stored = new int[submissions.size()];
        int[] raisedPer = new int[submissions.size()];
        Set<ReadingRepository.Key> claimed = new HashSet<>();
        List<AlarmRepository.Raise> raises = new ArrayList<>();
        List<AlarmRepository.Normal> normals = new ArrayList<>();
        List<SensorRepository.Last> lasts = new ArrayList<>();
        Map<UUID, Integer> firstSubmission = new HashMap<>();
        for (Map.Entry<UUID, List<Accepted>> e : accepted.entrySet()) {
            List<Row> news = new ArrayList<>(e.getValue().size());
            for (Accepted a : e.getValue()) {
                ReadingRepository.Key key = new ReadingRepository.Key(a.row().sensorId(), a.row().readAt());
                // a redelivered reading is already stored and was evaluated when it first came: it raises nothing again
                if (fresh.contains(key) && claimed.add(key)) {
                    news.add(a.row());
                    stored[a.submission()]++;
                    firstSubmission.putIfAbsent(e.getKey(), a.submission());
                }
            }
            if (!news.isEmpty()) {
                evaluate(known.get(e.getKey()), news, raises, normals, lasts);
            }
        }
        for (AlarmRepository.RaisedOf r : alarms.raiseAll(raises, now.plus(properties.replyPeriod()))) {
            if (r.created()) {
                raisedPer[firstSubmission.get(r.sensorId())]++;
                for (AlarmRepository.Raise g : raises) {
                    if (g.sensor().id().equals(r.sensorId()) && g.sighting().condition() == r.condition()) {
                        notices.raised(r.id(), g.sensor(), g.sighting());
                    }
                }
            }
        }
        alarms.normalAll(normals);
        sensors.lastReadings(lasts);
        readings.refusedAll(refusedLog);

        List<BatchResult> out = new ArrayList<>(submissions.size());
        for (int k = 0; k < submissions.size(); k++) {
            int n = submissions.get(k).readings().size();
            out.add(new BatchResult(acceptedPer[k], n - acceptedPer[k], stored[k], raisedPer[k], results.get(k)));
        }
        return new Outcome(out, acceptedCounts, refusedCounts);
    }

    /**
     * Evaluates one sensor's new readings of the batch in time order against its set points and the
     * previous reading: each condition seen becomes one sighting (one upsert of the open alarm), each
     * condition back to normal after its last sighting one mark, and the newest reading the sensor's last.
     */
    private static void evaluate(SensorRow sensor, List<Row> rows, List<AlarmRepository.Raise> raises, List<AlarmRepository.Normal> normals,
                                 List<SensorRepository.Last> lasts) {
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
        for (Sighting g : seen.values()) {
            raises.add(new AlarmRepository.Raise(sensor, g));
        }
        normalSince.forEach((c, at) -> normals.add(new AlarmRepository.Normal(sensor.id(), c, at)));
        if (previousAt != null && (sensor.lastReadAt() == null || previousAt.isAfter(sensor.lastReadAt()))) {
            lasts.add(new SensorRepository.Last(sensor.id(), previous, previousAt));
        }
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
