package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.chemical.HazardUnitDirectory;
import org.anjian.chemical.HazardUnitDirectory.CustodianRef;
import org.anjian.chemical.HazardUnitDirectory.HazardUnitRef;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.monitoring.domain.DutyCadence;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 包保责任人 duty records (履职记录, 应急厅〔2021〕12号): the enterprise records that the named principal, technical or
 * operational custodian of one of its major hazard sources did a check on a day, what was done and which problems were
 * found. A custodian's duty is current when the latest lies within the role's cadence ({@link MonitoringProperties#dutyCadence}).
 */
@Service
public class Duties {

    static final Set<String> ROLES = Set.of("PRINCIPAL", "TECHNICAL", "OPERATIONAL");

    private final DutyRepository repository;
    private final HazardUnitDirectory units;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final MonitoringProperties properties;
    private final DistrictProperties district;
    private final Clock clock;

    Duties(DutyRepository repository, HazardUnitDirectory units, EnterpriseLookup enterprises, ScopeConditions scopes, AuditTrail audit,
           MonitoringProperties properties, DistrictProperties district, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.properties = properties;
        this.district = district;
        this.clock = clock;
    }

    public record DutyInput(UUID unitId, String role, String custodianName, LocalDate day, String content, String problems) {
    }

    public record DutyView(UUID id, UUID enterpriseId, UUID unitId, String unitName, String role, String custodianName, LocalDate day,
                           String content, String problems, Instant recordedAt) {
    }

    /**
     * Of an enterprise on a day: its 包保 obligations (major hazard sources × roles with a cadence) and those whose latest
     * duty is within the cadence.
     */
    public record DutyCount(long custodians, long current) {
    }

    @Transactional
    public DutyView record(AnjianUser user, DutyInput in) {
        if (!user.hasRole(Role.ENTERPRISE_USER) || user.scope().id() == null) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.duty.forbidden", "包保履职记录由企业填报");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.unitId() == null) {
            errors.add(new FieldError("unitId", "monitoring.duty.unit", "请选择重大危险源"));
        }
        String role = in == null || in.role() == null ? null : in.role().strip().toUpperCase(java.util.Locale.ROOT);
        if (role == null || !ROLES.contains(role)) {
            errors.add(new FieldError("role", "monitoring.duty.role", "包保角色为主要负责人、技术负责人或操作负责人"));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), district.zone());
        if (in == null || in.day() == null || in.day().isAfter(today) || in.day().isBefore(today.minusYears(1))) {
            errors.add(new FieldError("day", "monitoring.duty.day", "履职日期不能晚于今天，也不能早于一年前"));
        }
        String content = in == null || in.content() == null ? "" : in.content().strip();
        if (content.isEmpty() || content.length() > 1000) {
            errors.add(new FieldError("content", "monitoring.duty.content", "请填写履职内容（1000字以内）"));
        }
        String problems = in == null || in.problems() == null || in.problems().isBlank() ? null : in.problems().strip();
        if (problems != null && problems.length() > 1000) {
            errors.add(new FieldError("problems", "monitoring.duty.problems", "发现问题在1000字以内"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        HazardUnitRef unit = units.find(in.unitId()).filter(u -> u.enterpriseId().equals(user.scope().id()))
                .orElseThrow(() -> DomainException.notFound("unit"));
        if (!unit.major()) {
            throw DomainException.invalid("unitId", "monitoring.duty.notMajor", "只有重大危险源实行包保责任制");
        }
        String named = units.custodians(unit.id()).stream().filter(c -> c.role().equals(role)).map(CustodianRef::name).findFirst()
                .orElseThrow(() -> DomainException.invalid("role", "monitoring.duty.noCustodian", "该重大危险源未确定此包保责任人"));
        if (in.custodianName() != null && !in.custodianName().isBlank() && !in.custodianName().strip().equals(named)) {
            throw DomainException.invalid("custodianName", "monitoring.duty.custodian", "履职人应为该重大危险源的包保责任人" + named);
        }
        EnterpriseSummary e = enterprises.find(unit.enterpriseId()).orElseThrow(() -> DomainException.notFound("enterprise"));
        DutyView view = new DutyView(UUID.randomUUID(), e.id(), unit.id(), unit.name(), role, named, in.day(), content, problems, clock.instant());
        repository.insert(view, e.townId(), e.parkId(), e.sector() == null ? null : e.sector().name(), user.id());
        audit.record("MONITORING_DUTY_RECORDED", "monitoring-duty", view.id(), null, view);
        return view;
    }

    public List<DutyView> search(AnjianUser user, UUID enterpriseId, UUID unitId, LocalDate from, LocalDate to) {
        Sensors.requireReader(user);
        LocalDate today = LocalDate.ofInstant(clock.instant(), district.zone());
        LocalDate f = from == null ? today.minusMonths(3) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f) || f.plusDays(366).isBefore(t)) {
            throw DomainException.invalid("from", "monitoring.duty.period", "查询期间为1天到1年");
        }
        return repository.search(scopes.of(user.scope(), "d"), enterpriseId, unitId, f, t);
    }

    /** The duty list's filter: days between from and to (default the last 3 months), an enterprise, a role, with or without problems. */
    public record Filter(UUID enterpriseId, String role, Boolean withProblems, LocalDate from, LocalDate to) {
    }

    /** A page of duty records in the reader's scope (a town sees its enterprises' only), for the list page and its export. */
    public org.anjian.shared.web.PageResult<DutyView> page(AnjianUser user, Filter f, org.anjian.shared.web.PageRequest page) {
        Sensors.requireReader(user);
        LocalDate today = LocalDate.ofInstant(clock.instant(), district.zone());
        LocalDate from = f.from() == null ? today.minusMonths(3) : f.from();
        LocalDate to = f.to() == null ? today : f.to();
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw DomainException.invalid("from", "monitoring.duty.period", "查询期间为1天到1年");
        }
        String role = f.role() == null || f.role().isBlank() ? null : f.role().strip().toUpperCase(java.util.Locale.ROOT);
        if (role != null && !ROLES.contains(role)) {
            throw DomainException.invalid("role", "monitoring.duty.role", "包保角色为主要负责人、技术负责人或操作负责人");
        }
        return repository.page(scopes.of(user.scope(), "d"), new Filter(f.enterpriseId(), role, f.withProblems(), from, to), page);
    }

    /** The signed-in enterprise's major hazard sources with their named custodians, for the record form. */
    public List<HazardUnitRef> ownMajorSources(AnjianUser user) {
        if (!user.hasRole(Role.ENTERPRISE_USER) || user.scope().id() == null) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.duty.forbidden", "包保履职记录由企业填报");
        }
        return units.ofEnterprise(user.scope().id()).stream().filter(HazardUnitRef::major).toList();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), district.zone());
    }

    /**
     * The duty count per enterprise on {@code day}, over EVERY major hazard source within the scope and every 包保 role with
     * a cadence (technical: a quarter, operational: a week): a source–role is done when its latest duty up to that day lies
     * within the cadence. A source nobody has recorded a duty for, or whose custodian for a role is not even named, counts
     * as not done; an enterprise with major hazard sources and no duty record at all is in the map with none done.
     */
    Map<UUID, DutyCount> counts(DataScope scope, LocalDate day) {
        List<String> roles = ROLES.stream().filter(r -> properties.cadence(r) != null).sorted().toList();
        Map<UUID, long[]> counts = new java.util.LinkedHashMap<>();
        List<HazardUnitRef> sources = units.majorSources(scope);
        if (sources.isEmpty() || roles.isEmpty()) {
            return Map.of();
        }
        Map<String, LocalDate> latest = repository.latestUpTo(scopes.of(scope, "d"), day);
        for (HazardUnitRef unit : sources) {
            long[] c = counts.computeIfAbsent(unit.enterpriseId(), k -> new long[2]);
            for (String role : roles) {
                c[0]++;
                if (properties.cadence(role).current(latest.get(unit.id() + "/" + role), day)) {
                    c[1]++;
                }
            }
        }
        Map<UUID, DutyCount> out = new java.util.LinkedHashMap<>();
        counts.forEach((e, c) -> out.put(e, new DutyCount(c[0], c[1])));
        return out;
    }
}
