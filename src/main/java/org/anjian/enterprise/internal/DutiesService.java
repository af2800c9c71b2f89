package org.anjian.enterprise.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.domain.ExpiryWarnings;
import org.anjian.enterprise.domain.LicenceDuties;
import org.anjian.enterprise.domain.LicenceDuties.KeyPerson;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Licences, key persons, expiry warnings and gaps (ENT-4). */
@Service
@Transactional
public class DutiesService {

    public static final List<String> LICENCE_KINDS = List.of("SAFETY_PERMIT", "INSURANCE");
    public static final List<String> PERSON_ROLES = List.of("PRINCIPAL", "SAFETY_MANAGER", "CHIEF_ENGINEER", "SAFETY_ENGINEER");

    private final DutiesRepository repository;
    private final EnterpriseService enterprises;
    private final EnterpriseScopes scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    DutiesService(DutiesRepository repository, EnterpriseService enterprises, EnterpriseScopes scopes, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public record Licence(UUID id, UUID enterpriseId, String kind, String number, String scope, String issuer, LocalDate validFrom,
                          LocalDate validTo) {
    }

    public record LicenceForm(String kind, String number, String scope, String issuer, LocalDate validFrom, LocalDate validTo) {
    }

    public record Person(UUID id, UUID enterpriseId, String role, String name, String phone, String certificateNo, LocalDate appointedOn,
                         LocalDate assessedOn) {
    }

    /** A key person as entered; the document names the roles and limits that {@link #addPerson} applies. */
    public record PersonForm(
            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                    allowableValues = {"PRINCIPAL", "SAFETY_MANAGER", "CHIEF_ENGINEER", "SAFETY_ENGINEER"}) String role,
            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                    minLength = 1, maxLength = 50) String name,
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 30) String phone,
            @io.swagger.v3.oas.annotations.media.Schema(maxLength = 100) String certificateNo,
            LocalDate appointedOn,
            @io.swagger.v3.oas.annotations.media.Schema(description = "not before appointedOn") LocalDate assessedOn) {
    }

    /** A licence with its warning as of today, for the tab and the due-soon page. */
    public record LicenceStatus(Licence licence, String enterpriseName, long daysLeft, ExpiryWarnings.Level level) {
    }

    public record EnterpriseGaps(UUID enterpriseId, String enterpriseName, List<LicenceDuties.Finding> gaps) {
    }

    @Transactional(readOnly = true)
    public List<Licence> licences(AnjianUser user, UUID enterpriseId) {
        enterprises.get(user, enterpriseId);
        return licencesOf(enterpriseId);
    }

    private List<Licence> licencesOf(UUID enterpriseId) {
        return repository.licencesOf(enterpriseId);
    }

    @Transactional(readOnly = true)
    public List<LicenceStatus> licenceStatuses(AnjianUser user, UUID enterpriseId) {
        Enterprise e = enterprises.get(user, enterpriseId);
        LocalDate today = today();
        return licencesOf(enterpriseId).stream().map(l -> new LicenceStatus(l, e.name(), ExpiryWarnings.daysLeft(l.validTo(), today),
                ExpiryWarnings.level(l.validTo(), today).orElse(null))).toList();
    }

    public Licence addLicence(AnjianUser user, UUID enterpriseId, LicenceForm f) {
        Enterprise e = editable(user, enterpriseId);
        List<FieldError> errors = new ArrayList<>();
        if (f.kind() == null || !LICENCE_KINDS.contains(f.kind())) {
            errors.add(new FieldError("kind", "enterprise.licence.kind.invalid", "证照类型无效"));
        }
        dates(errors, "validFrom", f.validFrom(), "validTo", f.validTo());
        length(errors, "number", f.number(), 100);
        length(errors, "scope", f.scope(), 500);
        length(errors, "issuer", f.issuer(), 200);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Licence l = new Licence(UUID.randomUUID(), e.id(), f.kind(), trim(f.number()), trim(f.scope()), trim(f.issuer()), f.validFrom(), f.validTo());
        repository.insertLicence(l, clock.instant());
        audit.record("LICENCE_ADDED", "enterprise-licence", l.id(), null, l);
        return l;
    }

    public void deleteLicence(AnjianUser user, UUID enterpriseId, UUID licenceId) {
        editable(user, enterpriseId);
        Licence before = licencesOf(enterpriseId).stream().filter(l -> l.id().equals(licenceId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("licence"));
        repository.deleteLicence(licenceId);
        audit.record("LICENCE_REMOVED", "enterprise-licence", licenceId, before, null);
    }

    @Transactional(readOnly = true)
    public List<Person> persons(AnjianUser user, UUID enterpriseId) {
        enterprises.get(user, enterpriseId);
        return personsOf(enterpriseId);
    }

    private List<Person> personsOf(UUID enterpriseId) {
        return repository.personsOf(enterpriseId);
    }

    public Person addPerson(AnjianUser user, UUID enterpriseId, PersonForm f) {
        Enterprise e = editable(user, enterpriseId);
        List<FieldError> errors = new ArrayList<>();
        if (f.role() == null || !PERSON_ROLES.contains(f.role())) {
            errors.add(new FieldError("role", "enterprise.person.role.invalid", "职务无效"));
        }
        if (!StringUtils.hasText(f.name())) {
            errors.add(new FieldError("name", "shared.validation.required", "必填"));
        }
        length(errors, "name", f.name(), 50);
        length(errors, "phone", f.phone(), 30);
        length(errors, "certificateNo", f.certificateNo(), 100);
        if (f.appointedOn() != null && f.assessedOn() != null && f.assessedOn().isBefore(f.appointedOn())) {
            errors.add(new FieldError("assessedOn", "enterprise.date.order", "结束日期不能早于开始日期"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Person p = new Person(UUID.randomUUID(), e.id(), f.role(), f.name().trim(), trim(f.phone()), trim(f.certificateNo()), f.appointedOn(), f.assessedOn());
        repository.insertPerson(p, clock.instant());
        audit.record("KEY_PERSON_ADDED", "enterprise-key-person", p.id(), null, p);
        return p;
    }

    public void deletePerson(AnjianUser user, UUID enterpriseId, UUID personId) {
        editable(user, enterpriseId);
        Person before = personsOf(enterpriseId).stream().filter(p -> p.id().equals(personId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("person"));
        repository.deletePerson(personId);
        audit.record("KEY_PERSON_REMOVED", "enterprise-key-person", personId, before, null);
    }

    @Transactional(readOnly = true)
    public List<LicenceDuties.Finding> gaps(AnjianUser user, UUID enterpriseId) {
        Enterprise e = enterprises.get(user, enterpriseId);
        return gapsOf(e, licencesOf(enterpriseId), personsOf(enterpriseId), today());
    }

    static List<LicenceDuties.Finding> gapsOf(Enterprise e, List<Licence> licences, List<Person> persons, LocalDate today) {
        boolean permit = licences.stream().anyMatch(l -> l.kind().equals("SAFETY_PERMIT") && covers(l, today));
        boolean insurance = licences.stream().anyMatch(l -> l.kind().equals("INSURANCE") && covers(l, today));
        return LicenceDuties.gaps(new LicenceDuties.Facts(e.sector(), e.subSector(), e.scale(), e.flags(), permit, insurance,
                persons.stream().map(p -> new KeyPerson(p.role(), p.name(), p.appointedOn(), p.assessedOn())).toList()), today);
    }

    private static boolean covers(Licence l, LocalDate today) {
        return !l.validFrom().isAfter(today) && !l.validTo().isBefore(today);
    }

    /**
     * What the due list filters by: the enterprise's town and name, the licence kind and warning level, and the kind of gap.
     * Every part may be null (no filter).
     */
    public record DueFilter(UUID townId, String q, String kind, ExpiryWarnings.Level level, LicenceDuties.Gap gap) {

        public static DueFilter none() {
            return new DueFilter(null, null, null, null, null);
        }

        String name() {
            return q == null || q.isBlank() ? null : q.trim();
        }
    }

    /** Licences expiring within 90 days (or expired within the last year) in the caller's scope, soonest first. */
    @Transactional(readOnly = true)
    public List<LicenceStatus> dueSoon(AnjianUser user, int limit) {
        return dueSoon(user, DueFilter.none(), new PageRequest(0, limit)).items();
    }

    /** {@link #dueSoon(AnjianUser, int)} filtered, counted and paged, as the due page lists it. */
    @Transactional(readOnly = true)
    public PageResult<LicenceStatus> dueSoon(AnjianUser user, DueFilter f, PageRequest page) {
        EnterpriseScopes.requireDutyReader(user);
        LocalDate today = today();
        ScopeConditions.Condition scope = scopes.readCondition(user.scope());
        LocalDate horizon = today.plusDays(ExpiryWarnings.NOTICE_DAYS);
        LocalDate oldest = today.minusYears(1);
        if (f.level() != null) {
            switch (f.level()) {
                case EXPIRED -> horizon = today;
                case URGENT -> {
                    oldest = today.plusDays(1);
                    horizon = today.plusDays(ExpiryWarnings.URGENT_DAYS);
                }
                case NOTICE -> oldest = today.plusDays(ExpiryWarnings.URGENT_DAYS + 1);
            }
        }
        PageResult<DutiesRepository.DueLicence> due = repository.due(scope, oldest, horizon, f.townId(), f.name(), f.kind(), page);
        return new PageResult<>(due.items().stream().map(d -> new LicenceStatus(d.licence(), d.enterpriseName(),
                ExpiryWarnings.daysLeft(d.licence().validTo(), today), ExpiryWarnings.level(d.licence().validTo(), today).orElse(null))).toList(),
                due.total(), page.page(), page.size());
    }

    /** Every enterprise in scope with at least one missing mandatory item. */
    @Transactional(readOnly = true)
    public List<EnterpriseGaps> allGaps(AnjianUser user, int limit) {
        return gaps(user, DueFilter.none(), new PageRequest(0, limit)).items();
    }

    /**
     * {@link #allGaps(AnjianUser, int)} filtered by town, name and kind of gap, counted and paged. The rules run over the
     * enterprises in scope with three set-based reads (enterprises, current licences, key persons), never one query each.
     */
    @Transactional(readOnly = true)
    public PageResult<EnterpriseGaps> gaps(AnjianUser user, DueFilter f, PageRequest page) {
        EnterpriseScopes.requireDutyReader(user);
        LocalDate today = today();
        Map<UUID, List<Licence>> licences = repository.licencesInForce(today);
        Map<UUID, List<Person>> persons = repository.keyPersons();
        List<EnterpriseGaps> all = new ArrayList<>();
        EnterpriseFilter filter = new EnterpriseFilter(f.townId(), null, null, null, null, null, null, f.name(), null);
        enterprises.forEach(user, filter, e -> {
            if (e.status() == org.anjian.enterprise.OperatingStatus.CLOSED) {
                return;
            }
            List<LicenceDuties.Finding> gaps = gapsOf(e, licences.getOrDefault(e.id(), List.of()), persons.getOrDefault(e.id(), List.of()), today);
            if (!gaps.isEmpty() && (f.gap() == null || gaps.stream().anyMatch(g -> g.gap() == f.gap()))) {
                all.add(new EnterpriseGaps(e.id(), e.name(), gaps));
            }
        });
        int from = Math.min(all.size(), page.offset());
        int to = (int) Math.min(all.size(), (long) from + page.size());
        return new PageResult<>(List.copyOf(all.subList(from, to)), all.size(), page.page(), page.size());
    }

    private Enterprise editable(AnjianUser user, UUID enterpriseId) {
        Enterprise e = enterprises.get(user, enterpriseId);
        if (!scopes.canEditDuties(user, e)) {
            throw new AccessDeniedException("may not change this enterprise's duties");
        }
        return e;
    }

    static void dates(List<FieldError> errors, String fromField, LocalDate from, String toField, LocalDate to) {
        if (from == null) {
            errors.add(new FieldError(fromField, "enterprise.date.required", "请填写日期"));
        }
        if (to == null) {
            errors.add(new FieldError(toField, "enterprise.date.required", "请填写日期"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError(toField, "enterprise.date.order", "结束日期不能早于开始日期"));
        }
    }

    static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "内容过长"));
        }
    }

    static String trim(String s) {
        return StringUtils.hasText(s) ? s.trim() : null;
    }
}
