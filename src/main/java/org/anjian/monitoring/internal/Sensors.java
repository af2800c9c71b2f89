package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.HazardUnitDirectory;
import org.anjian.chemical.HazardUnitDirectory.HazardUnitRef;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.monitoring.domain.AlarmEvaluation;
import org.anjian.monitoring.domain.MonitoredObject;
import org.anjian.monitoring.domain.SensorKind;
import org.anjian.monitoring.domain.Thresholds;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sensors (MON-1): what they measure, their unit and set points, and the major hazard source's
 * unit or the tank, pipeline segment or mine slope they belong to. The enterprise and the district
 * keep them; business roles read them within their scope; outside it a sensor is not found.
 */
@Service
public class Sensors {

    private final SensorRepository repository;
    private final EnterpriseLookup enterprises;
    private final HazardUnitDirectory units;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final MonitoringProperties properties;
    private final Clock clock;

    Sensors(SensorRepository repository, EnterpriseLookup enterprises, HazardUnitDirectory units, ScopeConditions scopes, AuditTrail audit,
            MonitoringProperties properties, Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.units = units;
        this.scopes = scopes;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public record SensorInput(UUID enterpriseId, String code, String name, SensorKind kind, String unit, UUID hazardUnitId,
                              MonitoredObject objectKind, String objectRef, Double hh, Double h, Double l, Double ll, Double ratePerMinute,
                              Integer intervalSeconds, Boolean active) {
    }

    public record SensorView(UUID id, UUID enterpriseId, String enterpriseName, String code, String name, SensorKind kind, String kindLabel,
                             String unit, UUID hazardUnitId, String hazardUnitName, MonitoredObject objectKind, String objectRef,
                             Double hh, Double h, Double l, Double ll, Double ratePerMinute, int intervalSeconds, boolean active,
                             Double lastValue, Instant lastReadAt, boolean online) {
    }

    static void requireKeeper(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.sensor.forbidden", "只有企业和区应急局维护传感器");
        }
    }

    static void requireReader(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && user.hasAnyRole(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.forbidden", "业务角色才能查看监测数据");
        }
    }

    @Transactional
    public SensorView create(AnjianUser user, SensorInput in) {
        requireKeeper(user);
        if (in == null || in.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "monitoring.sensor.enterprise", "请选择企业");
        }
        EnterpriseSummary enterprise = enterprises.find(in.enterpriseId()).filter(e -> enterprises.inScope(user.scope(), e.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
        SensorRow row = validated(UUID.randomUUID(), enterprise, in);
        repository.insert(row, clock.instant());
        SensorView view = view(repository.find(row.id()).orElseThrow());
        audit.record("MONITORING_SENSOR_CREATED", "monitoring-sensor", row.id(), null, view);
        return view;
    }

    @Transactional
    public SensorView update(AnjianUser user, UUID id, SensorInput in) {
        requireKeeper(user);
        SensorRow before = row(user, id);
        if (in == null) {
            throw DomainException.invalid("name", "monitoring.sensor.name", "请填写传感器名称");
        }
        EnterpriseSummary enterprise = enterprises.find(before.enterpriseId()).orElseThrow(() -> DomainException.notFound("enterprise"));
        SensorRow row = validated(id, enterprise, in);
        repository.update(row, clock.instant());
        SensorView after = view(repository.find(id).orElseThrow());
        audit.record("MONITORING_SENSOR_UPDATED", "monitoring-sensor", id, view(before), after);
        return after;
    }

    /** Creates a sensor for the demo district without a user. */
    UUID createForDemo(EnterpriseSummary enterprise, SensorInput in) {
        SensorRow row = validated(UUID.randomUUID(), enterprise, in);
        repository.insert(row, clock.instant());
        return row.id();
    }

    private SensorRow validated(UUID id, EnterpriseSummary enterprise, SensorInput in) {
        List<FieldError> errors = new ArrayList<>();
        String code = in.code() == null ? "" : in.code().strip();
        if (code.isEmpty() || code.length() > 64 || !code.matches("[A-Za-z0-9_.:-]+")) {
            errors.add(new FieldError("code", "monitoring.sensor.code", "位号为1到64位字母、数字或 _ . : -"));
        } else if (repository.codeTaken(enterprise.id(), code, id)) {
            errors.add(new FieldError("code", "monitoring.sensor.code.taken", "本企业已有此位号的传感器"));
        }
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 200) {
            errors.add(new FieldError("name", "monitoring.sensor.name", "请填写传感器名称（200字以内）"));
        }
        if (in.kind() == null) {
            errors.add(new FieldError("kind", "monitoring.sensor.kindRequired", "请选择监测类型"));
        } else if (!in.kind().accepts(in.unit())) {
            errors.add(new FieldError("unit", "monitoring.sensor.unit", "单位须为 " + String.join("、", in.kind().units())));
        }
        MonitoredObject objectKind = in.objectKind();
        String objectRef = in.objectRef() == null || in.objectRef().isBlank() ? null : in.objectRef().strip();
        if (in.hazardUnitId() != null) {
            HazardUnitRef unit = units.find(in.hazardUnitId()).filter(u -> u.enterpriseId().equals(enterprise.id())).orElse(null);
            if (unit == null) {
                errors.add(new FieldError("hazardUnitId", "monitoring.sensor.unit.unknown", "本企业没有这个生产/储存单元"));
            }
            objectKind = MonitoredObject.HAZARD_SOURCE;
        } else if (objectKind == null || objectKind == MonitoredObject.HAZARD_SOURCE || objectRef == null || objectRef.length() > 200) {
            errors.add(new FieldError("objectRef", "monitoring.sensor.objectRequired", "请选择重大危险源单元，或填写储罐、管道段、边坡的名称"));
        }
        Thresholds thresholds = new Thresholds(in.hh(), in.h(), in.l(), in.ll());
        for (String field : thresholds.disorder()) {
            errors.add(new FieldError(field, "monitoring.sensor.thresholds", "报警值须满足 低低 < 低 < 高 < 高高"));
        }
        if (in.ratePerMinute() != null && !(in.ratePerMinute() > 0)) {
            errors.add(new FieldError("ratePerMinute", "monitoring.sensor.rate", "变化速率限值须大于0"));
        }
        int interval = in.intervalSeconds() == null ? 60 : in.intervalSeconds();
        if (interval < 1 || interval > 86_400) {
            errors.add(new FieldError("intervalSeconds", "monitoring.sensor.interval", "上报周期为1秒到1天"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new SensorRow(id, enterprise.id(), enterprise.townId(), enterprise.parkId(),
                enterprise.sector() == null ? null : enterprise.sector().name(), code, in.name().strip(), in.kind(), in.unit(),
                in.hazardUnitId(), objectKind, objectRef, thresholds, in.ratePerMinute(), interval, in.active() == null || in.active(),
                null, null, null);
    }

    SensorRow row(AnjianUser user, UUID id) {
        requireReader(user);
        SensorRow row = repository.find(id).orElseThrow(() -> DomainException.notFound("sensor"));
        if (!enterprises.inScope(user.scope(), row.enterpriseId())) {
            throw DomainException.notFound("sensor");
        }
        return row;
    }

    public SensorView get(AnjianUser user, UUID id) {
        return view(row(user, id));
    }

    public PageResult<SensorView> search(AnjianUser user, UUID enterpriseId, UUID hazardUnitId, SensorKind kind, String q, PageRequest page) {
        requireReader(user);
        return repository.search(scopes.of(user.scope(), "s"), new SensorRepository.Filter(enterpriseId, hazardUnitId, kind, q), page)
                .map(this::view);
    }

    /** The hazard units a sensor of this enterprise may hang on, for the form. */
    public List<HazardUnitRef> unitsOf(AnjianUser user, UUID enterpriseId) {
        requireReader(user);
        if (!enterprises.inScope(user.scope(), enterpriseId)) {
            throw DomainException.notFound("enterprise");
        }
        return units.ofEnterprise(enterpriseId);
    }

    SensorView view(SensorRow s) {
        Instant now = clock.instant();
        boolean online = s.lastReadAt() != null
                && !AlarmEvaluation.offline(s.lastReadAt(), s.createdAt(), Duration.ofSeconds(s.intervalSeconds()), properties.missedIntervals(), now);
        String enterpriseName = enterprises.find(s.enterpriseId()).map(EnterpriseSummary::name).orElse(null);
        String unitName = s.hazardUnitId() == null ? null : units.find(s.hazardUnitId()).map(HazardUnitRef::name).orElse(null);
        Thresholds t = s.thresholds();
        return new SensorView(s.id(), s.enterpriseId(), enterpriseName, s.code(), s.name(), s.kind(), s.kind().label(), s.unit(),
                s.hazardUnitId(), unitName, s.objectKind(), s.objectRef(), t.hh(), t.h(), t.l(), t.ll(), s.ratePerMinute(), s.intervalSeconds(),
                s.active(), s.lastValue(), s.lastReadAt(), online);
    }
}
