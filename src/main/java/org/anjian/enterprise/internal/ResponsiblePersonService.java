package org.anjian.enterprise.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.Check;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.Result;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.SpecialPeriod;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * 三个责任人 (ENT-5): who is posted for which enterprise, their checks, the special periods the
 * district declares, and the compliance figures computed by {@link ResponsiblePersonCompliance}.
 */
@Service
@Transactional
public class ResponsiblePersonService {

    public static final List<String> KINDS = List.of("ENTERPRISE_PRINCIPAL", "DEPARTMENT", "ADMINISTRATIVE");

    private final JdbcClient jdbc;
    private final EnterpriseService enterprises;
    private final EnterpriseScopes scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ResponsiblePersonService(JdbcClient jdbc, EnterpriseService enterprises, EnterpriseScopes scopes, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    public record Person(UUID id, String kind, String name, String post, String phone, UUID townId) {

        /** 138****5678: the public posting shows enough to recognise, not enough to harvest. */
        public String maskedPhone() {
            if (phone == null || phone.length() < 7) {
                return phone == null ? "" : "****";
            }
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
    }

    public record PersonForm(UUID personId, String kind, String name, String post, String phone) {
    }

    public record CheckRecord(UUID id, UUID personId, UUID enterpriseId, LocalDate checkedOn, String place, String findings) {
    }

    public record CheckForm(LocalDate checkedOn, String place, String findings) {
    }

    public record PeriodForm(String name, String kind, LocalDate startsOn, LocalDate endsOn) {
    }

    public record PersonCompliance(Person person, Result result, int enterprises) {
    }

    public record TownCompliance(UUID townId, ResponsiblePersonCompliance.Rollup rollup) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Transactional(readOnly = true)
    public List<Person> personsOf(UUID enterpriseId) {
        return jdbc.sql("""
                select p.* from ent_responsible_person p join ent_responsible_assignment a on a.person_id = p.id
                where a.enterprise_id = ? order by case p.kind when 'ENTERPRISE_PRINCIPAL' then 0 when 'DEPARTMENT' then 1 else 2 end, p.name""")
                .param(enterpriseId).query((rs, n) -> person(rs)).list();
    }

    @Transactional(readOnly = true)
    public List<Person> persons(AnjianUser user, UUID enterpriseId) {
        enterprises.get(user, enterpriseId);
        return personsOf(enterpriseId);
    }

    @Transactional(readOnly = true)
    public Optional<Person> person(UUID id) {
        return jdbc.sql("select * from ent_responsible_person where id = ?").param(id).query((rs, n) -> person(rs)).optional();
    }

    /** Posts a person for the enterprise: an existing one (a department person covers many) or a new one. */
    public Person assign(AnjianUser user, UUID enterpriseId, PersonForm f) {
        Enterprise e = editable(user, enterpriseId);
        Person p;
        if (f.personId() != null) {
            p = person(f.personId()).orElseThrow(() -> DomainException.invalid("personId", "shared.validation.invalid", "无效的值"));
        } else {
            List<FieldError> errors = new ArrayList<>();
            if (f.kind() == null || !KINDS.contains(f.kind())) {
                errors.add(new FieldError("kind", "shared.validation.invalid", "无效的值"));
            }
            if (!StringUtils.hasText(f.name())) {
                errors.add(new FieldError("name", "shared.validation.required", "必填"));
            }
            DutiesService.length(errors, "name", f.name(), 50);
            DutiesService.length(errors, "post", f.post(), 100);
            if (StringUtils.hasText(f.phone()) && !f.phone().trim().matches("[0-9+\\- ]{5,30}")) {
                errors.add(new FieldError("phone", "enterprise.phone.format", "电话号码格式不正确"));
            }
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors);
            }
            p = new Person(UUID.randomUUID(), f.kind(), f.name().trim(), DutiesService.trim(f.post()), DutiesService.trim(f.phone()), e.townId());
            insert(p);
        }
        jdbc.sql("insert into ent_responsible_assignment (person_id, enterprise_id) values (?, ?) on conflict do nothing")
                .params(p.id(), e.id()).update();
        audit.record("RESPONSIBLE_PERSON_ASSIGNED", "enterprise", e.id(), null, p);
        return p;
    }

    void insert(Person p) {
        jdbc.sql("insert into ent_responsible_person (id, kind, name, post, phone, town_id, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.kind(), p.name(), p.post(), p.phone(), p.townId(), EnterpriseRepository.ts(clock.instant())).update();
    }

    public void unassign(AnjianUser user, UUID enterpriseId, UUID personId) {
        Enterprise e = editable(user, enterpriseId);
        Person p = personsOf(enterpriseId).stream().filter(x -> x.id().equals(personId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("responsible person"));
        jdbc.sql("delete from ent_responsible_assignment where person_id = ? and enterprise_id = ?").params(personId, e.id()).update();
        audit.record("RESPONSIBLE_PERSON_UNASSIGNED", "enterprise", e.id(), p, null);
    }

    /** A check by a posted person at one of their enterprises; not in the future. */
    public CheckRecord recordCheck(AnjianUser user, UUID enterpriseId, UUID personId, CheckForm f) {
        Enterprise e = enterprises.get(user, enterpriseId);
        if (!scopes.canEditDuties(user, e) && !user.hasAnyRole(Role.DEPARTMENT_OFFICIAL)) {
            throw new AccessDeniedException("may not record checks here");
        }
        personsOf(enterpriseId).stream().filter(p -> p.id().equals(personId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("responsible person"));
        List<FieldError> errors = new ArrayList<>();
        if (f.checkedOn() == null) {
            errors.add(new FieldError("checkedOn", "enterprise.date.required", "请填写日期"));
        } else if (f.checkedOn().isAfter(today())) {
            errors.add(new FieldError("checkedOn", "enterprise.date.future", "日期不能晚于今天"));
        }
        DutiesService.length(errors, "place", f.place(), 200);
        DutiesService.length(errors, "findings", f.findings(), 2000);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        CheckRecord c = new CheckRecord(UUID.randomUUID(), personId, enterpriseId, f.checkedOn(), DutiesService.trim(f.place()),
                DutiesService.trim(f.findings()));
        insertCheck(c);
        audit.record("RESPONSIBLE_CHECK_RECORDED", "enterprise-responsible-check", c.id(), null, c);
        return c;
    }

    void insertCheck(CheckRecord c) {
        jdbc.sql("""
                insert into ent_responsible_check (id, person_id, enterprise_id, checked_on, place, findings, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.personId(), c.enterpriseId(), c.checkedOn(), c.place(), c.findings(), EnterpriseRepository.ts(clock.instant()))
                .update();
    }

    @Transactional(readOnly = true)
    public List<CheckRecord> checks(AnjianUser user, UUID enterpriseId) {
        enterprises.get(user, enterpriseId);
        return jdbc.sql("select * from ent_responsible_check where enterprise_id = ? order by checked_on desc limit 100").param(enterpriseId)
                .query((rs, n) -> new CheckRecord(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), enterpriseId,
                        rs.getObject("checked_on", LocalDate.class), rs.getString("place"), rs.getString("findings"))).list();
    }

    public SpecialPeriod declarePeriod(AnjianUser user, PeriodForm f) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new AccessDeniedException("special periods are declared by the district");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(f.name())) {
            errors.add(new FieldError("name", "shared.validation.required", "必填"));
        }
        DutiesService.dates(errors, "startsOn", f.startsOn(), "endsOn", f.endsOn());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        SpecialPeriod p = new SpecialPeriod(f.name().trim(), f.startsOn(), f.endsOn());
        insertPeriod(id, p, f.kind() == null ? "OTHER" : f.kind());
        audit.record("SPECIAL_PERIOD_DECLARED", "enterprise-special-period", id, null, p);
        return p;
    }

    void insertPeriod(UUID id, SpecialPeriod p, String kind) {
        jdbc.sql("insert into ent_special_period (id, name, kind, starts_on, ends_on, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, p.name(), kind, p.startsOn(), p.endsOn(), EnterpriseRepository.ts(clock.instant())).update();
    }

    @Transactional(readOnly = true)
    public List<SpecialPeriod> periods(LocalDate from) {
        return jdbc.sql("select * from ent_special_period where ends_on >= ? order by starts_on").param(from)
                .query((rs, n) -> new SpecialPeriod(rs.getString("name"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class))).list();
    }

    /**
     * Compliance of every person posted for an enterprise in the caller's scope; special periods
     * count from the start of the half-year, like coverage.
     */
    @Transactional(readOnly = true)
    public List<PersonCompliance> compliance(AnjianUser user, LocalDate today) {
        EnterpriseScopes.requireDutyReader(user);
        ScopeConditions.Condition scope = scopes.readCondition(user.scope());
        Map<UUID, Person> persons = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> assigned = new HashMap<>();
        jdbc.sql("""
                select p.*, a.enterprise_id from ent_responsible_person p join ent_responsible_assignment a on a.person_id = p.id
                join ent_enterprise e on e.id = a.enterprise_id where (%s) and e.status <> 'CLOSED' order by p.town_id, p.kind, p.name"""
                .formatted(scope.sql())).params(scope.params()).query(rs -> {
            Person p = person(rs);
            persons.putIfAbsent(p.id(), p);
            assigned.computeIfAbsent(p.id(), k -> new HashSet<>()).add(rs.getObject("enterprise_id", UUID.class));
        });
        LocalDate halfStart = ResponsiblePersonCompliance.halfYearStart(today);
        LocalDate from = halfStart.isBefore(today.withDayOfMonth(1)) ? halfStart : today.withDayOfMonth(1);
        Map<UUID, List<Check>> checks = new HashMap<>();
        jdbc.sql("select person_id, enterprise_id, checked_on from ent_responsible_check where checked_on >= ? and checked_on <= ?")
                .params(from, today).query(rs -> {
                    UUID pid = rs.getObject(1, UUID.class);
                    if (persons.containsKey(pid)) {
                        checks.computeIfAbsent(pid, k -> new ArrayList<>()).add(new Check(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class)));
                    }
                });
        List<SpecialPeriod> periods = jdbc.sql("select * from ent_special_period where ends_on >= ? and starts_on <= ? order by starts_on")
                .params(halfStart, today)
                .query((rs, n) -> new SpecialPeriod(rs.getString("name"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class))).list();
        List<PersonCompliance> result = new ArrayList<>();
        for (Person p : persons.values()) {
            Set<UUID> mine = assigned.get(p.id());
            result.add(new PersonCompliance(p, ResponsiblePersonCompliance.measure(mine, checks.getOrDefault(p.id(), List.of()), periods, today),
                    mine.size()));
        }
        return result;
    }

    public List<TownCompliance> byTown(List<PersonCompliance> people) {
        Map<UUID, List<Result>> byTown = new LinkedHashMap<>();
        for (PersonCompliance pc : people) {
            byTown.computeIfAbsent(pc.person().townId(), k -> new ArrayList<>()).add(pc.result());
        }
        return byTown.entrySet().stream().map(en -> new TownCompliance(en.getKey(), ResponsiblePersonCompliance.rollup(en.getValue()))).toList();
    }

    private Enterprise editable(AnjianUser user, UUID enterpriseId) {
        Enterprise e = enterprises.get(user, enterpriseId);
        if (!scopes.canEditDuties(user, e)) {
            throw new AccessDeniedException("may not change this enterprise's responsible persons");
        }
        return e;
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"), rs.getString("post"), rs.getString("phone"),
                rs.getObject("town_id", UUID.class));
    }
}
