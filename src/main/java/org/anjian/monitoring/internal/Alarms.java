package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardManagement;
import org.anjian.hazard.HazardSource;
import org.anjian.monitoring.domain.Alarm;
import org.anjian.monitoring.domain.AlarmCondition;
import org.anjian.monitoring.domain.AlarmEvaluation;
import org.anjian.monitoring.domain.AlarmLevel;
import org.anjian.monitoring.domain.AlarmState;
import org.anjian.monitoring.domain.AlarmTransitionRefused;
import org.anjian.monitoring.domain.Escalation;
import org.anjian.monitoring.internal.AlarmRepository.AlarmRow;
import org.anjian.monitoring.internal.AlarmRepository.Sighting;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alarms (MON-2): read within scope; the enterprise replies (acknowledges), disposes and clears;
 * a late reply escalates to the town and then the district (a ShedLock job); silence raises an
 * offline alarm (a ShedLock job); an open alarm can become a hazard through the hazard module.
 */
@Service
public class Alarms {

    private final AlarmRepository repository;
    private final SensorRepository sensors;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final HazardManagement hazards;
    private final AuditTrail audit;
    private final AlarmNotices notices;
    private final MonitoringProperties properties;
    private final Clock clock;

    Alarms(AlarmRepository repository, SensorRepository sensors, EnterpriseLookup enterprises, ScopeConditions scopes, HazardManagement hazards,
           AuditTrail audit, AlarmNotices notices, MonitoringProperties properties, Clock clock) {
        this.repository = repository;
        this.sensors = sensors;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.hazards = hazards;
        this.audit = audit;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    public record AlarmView(UUID id, UUID sensorId, String sensorCode, String sensorName, String unit, UUID enterpriseId, String enterpriseName,
                            AlarmCondition condition, String conditionLabel, AlarmLevel level, AlarmState state, String stateLabel,
                            Escalation escalation, String escalationLabel, Double firstValue, Double lastValue, Double threshold, long occurrences,
                            Instant raisedAt, Instant lastSeenAt, Instant normalSince, Instant replyDueAt, boolean replyLate,
                            Instant acknowledgedAt, String acknowledgedBy, String reply, Instant disposedAt, String disposedBy, String disposal,
                            Instant clearedAt, String clearedBy, UUID hazardId) {
    }

    /** The text of a reply, a disposal or a hazard's description. */
    public record Note(String text) {
    }

    public record Filter(AlarmState state, Boolean open, AlarmCondition condition, Escalation escalation, UUID enterpriseId, UUID sensorId) {
    }

    public PageResult<AlarmView> search(AnjianUser user, Filter f, PageRequest page) {
        Sensors.requireReader(user);
        return repository.search(scopes.of(user.scope(), "a"),
                new AlarmRepository.Filter(f.state(), f.open(), f.condition(), f.escalation(), f.enterpriseId(), f.sensorId()), page).map(this::view);
    }

    /** The live stream of new and changed alarms the user may see (SSE). */
    public org.springframework.web.servlet.mvc.method.annotation.SseEmitter live(AnjianUser user, org.anjian.shared.live.LiveUpdates updates) {
        Sensors.requireReader(user);
        return updates.subscribe(AlarmNotices.TOPIC, m -> m.enterpriseId() != null && enterprises.inScope(user.scope(), m.enterpriseId()));
    }

    public AlarmView get(AnjianUser user, UUID id) {
        return view(row(user, id));
    }

    private AlarmRow row(AnjianUser user, UUID id) {
        Sensors.requireReader(user);
        AlarmRow row = repository.row(id).orElseThrow(() -> DomainException.notFound("alarm"));
        if (!enterprises.inScope(user.scope(), row.alarm().enterpriseId())) {
            throw DomainException.notFound("alarm");
        }
        return row;
    }

    private static void requireResponder(AnjianUser user) {
        if (!user.hasAnyRole(Role.ENTERPRISE_USER, Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.alarm.forbidden", "报警由企业响应、处置和消警");
        }
    }

    private static String text(Note note, String field, boolean required) {
        String t = note == null || note.text() == null ? "" : note.text().strip();
        if (required && t.isEmpty() || t.length() > 1000) {
            throw DomainException.invalid(field, "monitoring.alarm.text", "请填写内容（1000字以内）");
        }
        return t.isEmpty() ? null : t;
    }

    @Transactional
    public AlarmView acknowledge(AnjianUser user, UUID id, Note note) {
        requireResponder(user);
        AlarmRow row = row(user, id);
        String reply = text(note, "text", true);
        return transition(row, "MONITORING_ALARM_ACKNOWLEDGED", a -> a.acknowledge(user.displayName(), reply, clock.instant()));
    }

    @Transactional
    public AlarmView dispose(AnjianUser user, UUID id, Note note) {
        requireResponder(user);
        AlarmRow row = row(user, id);
        String disposal = text(note, "text", true);
        return transition(row, "MONITORING_ALARM_DISPOSED", a -> a.dispose(user.displayName(), disposal, clock.instant()));
    }

    @Transactional
    public AlarmView clear(AnjianUser user, UUID id) {
        requireResponder(user);
        AlarmRow row = row(user, id);
        return transition(row, "MONITORING_ALARM_CLEARED", a -> a.clear(user.displayName(), clock.instant()));
    }

    /** The alarm becomes a general hazard of the enterprise (source 监测报警), once; the hazard module is idempotent on the alarm's id too. */
    @Transactional
    public AlarmView toHazard(AnjianUser user, UUID id, Note note) {
        if (!user.hasAnyRole(Role.ENTERPRISE_USER, Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.alarm.forbidden", "无权将报警转为隐患");
        }
        AlarmRow row = row(user, id);
        String extra = text(note, "text", false);
        Alarm alarm = row.alarm();
        try {
            alarm.becameHazard(UUID.randomUUID()); // refuses a cleared alarm or a second hazard before the hazard is registered
        } catch (AlarmTransitionRefused e) {
            throw DomainException.conflict("monitoring.alarm.transition", e.getMessage());
        }
        String description = "监测报警：" + row.sensorName() + "（" + row.sensorCode() + "）" + alarm.condition().label() + " " + alarm.level()
                + (row.lastValue() == null ? "" : "，读数 " + row.lastValue() + " " + row.unit())
                + (row.threshold() == null ? "" : "，限值 " + row.threshold()) + (extra == null ? "" : "。" + extra);
        UUID hazard = hazards.registerFrom(HazardSource.ALARM, alarm.id().toString(), alarm.enterpriseId(), HazardGrade.GENERAL,
                row.sensorName(), description.length() > 1000 ? description.substring(0, 1000) : description, null, user.displayName(),
                clock.instant().plus(Duration.ofDays(7)));
        return transition(row, "MONITORING_ALARM_TO_HAZARD", a -> a.becameHazard(hazard));
    }

    private AlarmView transition(AlarmRow row, String action, java.util.function.UnaryOperator<Alarm> step) {
        AlarmView before = view(row);
        Alarm after;
        try {
            after = step.apply(row.alarm());
        } catch (AlarmTransitionRefused e) {
            throw DomainException.conflict("monitoring.alarm.transition", e.getMessage());
        }
        if (!repository.save(after)) {
            throw DomainException.conflict("monitoring.alarm.changed", "报警已被他人更新，请刷新后重试");
        }
        AlarmView view = view(repository.row(after.id()).orElseThrow());
        audit.record(action, "monitoring-alarm", after.id(), before, view);
        notices.changed(after.id(), after.enterpriseId(), after.state().name());
        return view;
    }

    /** Late replies: the town first, the district after another reply period (every minute, one node). */
    @Transactional
    public int escalate() {
        Instant now = clock.instant();
        int changed = 0;
        for (Alarm a : repository.lateUnanswered(now)) {
            Alarm after = a.escalate(now, properties.replyPeriod());
            if (after != a && repository.save(after)) {
                changed++;
                audit.record("MONITORING_ALARM_ESCALATED", "monitoring-alarm", a.id(), a.escalation().name(), after.escalation().name());
            }
        }
        return changed;
    }

    /** Silence: a sensor that missed N reporting intervals gets one open offline alarm (every minute, one node). */
    @Transactional
    public int silence() {
        Instant now = clock.instant();
        int created = 0;
        // lock the silent sensors' rows in id order first, as ingestion does: raising an alarm takes a key-share lock on its
        // sensor, and taking those one by one while ingestion holds some of them deadlocked under load (the benchmark found it)
        List<UUID> silent = sensors.silent(now, properties.missedIntervals()).stream().map(SensorRow::id).toList();
        for (SensorRow s : sensors.lockByIds(silent)) {
            if (!AlarmEvaluation.offline(s.lastReadAt(), s.createdAt(), Duration.ofSeconds(s.intervalSeconds()), properties.missedIntervals(), now)) {
                continue;
            }
            Sighting g = new Sighting(AlarmCondition.OFFLINE, AlarmLevel.OFFLINE, null, s.lastValue(), null, now, now, 1);
            AlarmRepository.Raised raised = repository.raise(s, g, now.plus(properties.replyPeriod()));
            if (raised.created()) {
                created++;
                notices.raised(raised.id(), s, g);
            }
        }
        return created;
    }

    AlarmView view(AlarmRow r) {
        Alarm a = r.alarm();
        String enterpriseName = enterprises.find(a.enterpriseId()).map(EnterpriseSummary::name).orElse(null);
        return new AlarmView(a.id(), a.sensorId(), r.sensorCode(), r.sensorName(), r.unit(), a.enterpriseId(), enterpriseName, a.condition(),
                a.condition().label(), a.level(), a.state(), a.state().label(), a.escalation(), a.escalation().label(), r.firstValue(),
                r.lastValue(), r.threshold(), r.occurrences(), a.raisedAt(), r.lastSeenAt(), r.normalSince(), a.replyDueAt(),
                a.replyLate(clock.instant()), a.acknowledgedAt(), a.acknowledgedBy(), a.reply(), a.disposedAt(), a.disposedBy(), a.disposal(),
                a.clearedAt(), a.clearedBy(), a.hazardId());
    }
}
