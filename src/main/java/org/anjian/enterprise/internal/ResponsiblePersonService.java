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

    private final ResponsiblePersonRepository repository;
    private final EnterpriseService enterprises;
    private final EnterpriseScopes scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ResponsiblePersonService(ResponsiblePersonRepository repository, EnterpriseService enterprises, EnterpriseScopes scopes, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
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
        return repository.personsOf(enterpriseId);
    }

    @Transactional(readOnly = true)
    public List<Person> persons(AnjianUser user, UUID enterpriseId) {
        enterprises.get(user, enterpriseId);
        return personsOf(enterpriseId);
    }

    @Transactional(readOnly = true)
    public Optional<Person> person(UUID id) {
        return repository.person(id);
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
            repository.insert(p, clock.instant());
        }
        repository.assign(p.id(), e.id());
        audit.record("RESPONSIBLE_PERSON_ASSIGNED", "enterprise", e.id(), null, p);
        return p;
    }

    public void unassign(AnjianUser user, UUID enterpriseId, UUID personId) {
        Enterprise e = editable(user, enterpriseId);
        Person p = personsOf(enterpriseId).stream().filter(x -> x.id().equals(personId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("responsible person"));
        repository.unassign(personId, e.id());
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
        repository.insertCheck(c, clock.instant());
        audit.record("RESPONSIBLE_CHECK_RECORDED", "enterprise-responsible-check", c.id(), null, c);
        return c;
    }

    @Transactional(readOnly = true)
    public List<CheckRecord> checks(AnjianUser user, UUID enterpriseId) {
        enterprises.get(user, enterpriseId);
        return repository.checks(enterpriseId);
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
        repository.insertPeriod(id, p, f.kind() == null ? "OTHER" : f.kind(), clock.instant());
        audit.record("SPECIAL_PERIOD_DECLARED", "enterprise-special-period", id, null, p);
        return p;
    }

    @Transactional(readOnly = true)
    public List<SpecialPeriod> periods(LocalDate from) {
        return repository.periodsEndingFrom(from);
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
        for (ResponsiblePersonRepository.Posting posting : repository.postings(scope)) {
            persons.putIfAbsent(posting.person().id(), posting.person());
            assigned.computeIfAbsent(posting.person().id(), k -> new HashSet<>()).add(posting.enterpriseId());
        }
        LocalDate halfStart = ResponsiblePersonCompliance.halfYearStart(today);
        LocalDate from = halfStart.isBefore(today.withDayOfMonth(1)) ? halfStart : today.withDayOfMonth(1);
        Map<UUID, List<Check>> checks = new HashMap<>();
        for (ResponsiblePersonRepository.PersonCheck c : repository.checksBetween(from, today)) {
            if (persons.containsKey(c.personId())) {
                checks.computeIfAbsent(c.personId(), k -> new ArrayList<>()).add(c.check());
            }
        }
        List<SpecialPeriod> periods = repository.periodsOverlapping(halfStart, today);
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
}
