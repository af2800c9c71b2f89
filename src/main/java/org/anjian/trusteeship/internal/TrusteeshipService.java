package org.anjian.trusteeship.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Scale;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardManagement;
import org.anjian.hazard.HazardSource;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.trusteeship.domain.TrusteeshipRules;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Agency;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Contract;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Evaluation;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Finding;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Report;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Visit;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trusteeship (SVC-1). The district keeps the register of agencies and evaluates them; the district or
 * a town records the contracts (often bought by the government for small enterprises); the agency
 * records its visits and monthly reports for its own contracts. A visit's findings are registered as
 * hazards of the enterprise, which stays their owner (托管不卸责). Every write is audited.
 */
@Service
@Transactional
public class TrusteeshipService {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AGENCY_USER, Role.AUDITOR};
    static final Role[] CONTRACT_KEEPERS = {Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL};

    private final TrusteeshipRepository repository;
    private final EnterpriseLookup enterprises;
    private final HazardManagement hazards;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    TrusteeshipService(TrusteeshipRepository repository, EnterpriseLookup enterprises, HazardManagement hazards, ScopeConditions scopes,
                       AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    public record NewAgency(String name, String creditCode, String qualification, String qualificationNo, LocalDate qualificationValidUntil,
                            String contact, String phone, String address) {
    }

    public record NewContract(UUID agencyId, UUID enterpriseId, String contractNo, LocalDate startOn, LocalDate endOn, String serviceScope,
                              BigDecimal priceYuan, Boolean governmentPurchased, Integer visitsPerMonth) {
    }

    public record NewFinding(String place, String description, String grade, LocalDate deadline) {
    }

    public record NewVisit(LocalDate visitedOn, String visitorName, String content, List<NewFinding> findings) {
    }

    public record NewReport(String month, String summary) {
    }

    public record NewEvaluation(Integer year, Integer score, String note) {
    }

    public record Termination(LocalDate on, String reason) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    /** Contracts the user sees: an agency its own (whatever their dates), everybody else by the enterprise's scope. */
    public ScopeConditions.Condition contractScope(AnjianUser user) {
        if (user.scope().kind() == ScopeKind.AGENCY) {
            return new ScopeConditions.Condition("c.agency_id = :ownAgency", Map.of("ownAgency", user.scope().id()));
        }
        return scopes.of(user.scope(), "c");
    }

    // ------------------------------------------------------------ agencies

    @Transactional(readOnly = true)
    public List<Agency> agencies(AnjianUser user) {
        requireReader(user);
        if (user.scope().kind() == ScopeKind.AGENCY) {
            return repository.agency(user.scope().id()).map(List::of).orElse(List.of());
        }
        if (user.scope().kind() == ScopeKind.ENTERPRISE) {
            // an enterprise knows the agencies it has contracted with
            List<UUID> own = repository.contractsOfEnterprise(user.scope().id()).stream().map(Contract::agencyId).distinct().toList();
            return repository.agencies().stream().filter(a -> own.contains(a.id())).toList();
        }
        return repository.agencies();
    }

    /** The register of agencies is public among regulators; an agency reads its own entry only. */
    @Transactional(readOnly = true)
    public Agency agency(AnjianUser user, UUID id) {
        requireReader(user);
        if (user.scope().kind() == ScopeKind.AGENCY && !user.scope().id().equals(id)) {
            throw DomainException.notFound("agency");
        }
        if (user.scope().kind() == ScopeKind.ENTERPRISE && repository.contractsOfEnterprise(user.scope().id()).stream()
                .noneMatch(c -> c.agencyId().equals(id))) {
            throw DomainException.notFound("agency");
        }
        return repository.agency(id).orElseThrow(() -> DomainException.notFound("agency"));
    }

    public Agency createAgency(AnjianUser user, NewAgency n) {
        return createAgency(user, n, UUID.randomUUID());
    }

    Agency createAgency(AnjianUser user, NewAgency n, UUID id) {
        if (user != null && !user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "trusteeship.forbidden", "the register of agencies is the district's");
        }
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", n.name(), 200);
        if (n.creditCode() == null || !n.creditCode().strip().matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            errors.add(new FieldError("creditCode", "trusteeship.creditCode", "统一社会信用代码应为 18 位"));
        } else if (repository.agencyCodeTaken(n.creditCode().strip())) {
            errors.add(new FieldError("creditCode", "trusteeship.creditCode.taken", "该机构已登记"));
        }
        text(errors, "qualification", n.qualification(), 200);
        text(errors, "qualificationNo", n.qualificationNo(), 100);
        if (n.qualificationValidUntil() == null) {
            errors.add(new FieldError("qualificationValidUntil", "trusteeship.required", "必填"));
        }
        text(errors, "contact", n.contact(), 50);
        text(errors, "phone", n.phone(), 30);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Agency a = new Agency(id, n.name().strip(), n.creditCode().strip(), n.qualification().strip(), n.qualificationNo().strip(),
                n.qualificationValidUntil(), n.contact().strip(), n.phone().strip(), blank(n.address()), now(), 0);
        repository.insert(a);
        audit.record("TRUSTEESHIP_AGENCY_REGISTERED", "trusteeship_agency", a.id(), null, a);
        return a;
    }

    public Evaluation evaluate(AnjianUser user, UUID agencyId, NewEvaluation n) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "trusteeship.forbidden", "agencies are evaluated by the district");
        }
        Agency a = agency(user, agencyId);
        List<FieldError> errors = new ArrayList<>();
        int thisYear = today().getYear();
        if (n.year() == null || n.year() < 2000 || n.year() > thisYear) {
            errors.add(new FieldError("year", "trusteeship.year.invalid", "年度无效"));
        }
        if (n.score() == null || n.score() < 0 || n.score() > 100) {
            errors.add(new FieldError("score", "trusteeship.score.invalid", "评分应在 0 到 100 之间"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (repository.evaluated(a.id(), n.year())) {
            throw DomainException.conflict("trusteeship.evaluation.exists", "already evaluated", n.year());
        }
        Evaluation e = new Evaluation(UUID.randomUUID(), a.id(), n.year(), n.score(), TrusteeshipRules.rating(n.score()), user.displayName(),
                blank(n.note()), now());
        repository.insert(e);
        audit.record("TRUSTEESHIP_AGENCY_EVALUATED", "trusteeship_agency", a.id(), null, e);
        return e;
    }

    @Transactional(readOnly = true)
    public List<Evaluation> evaluations(AnjianUser user, UUID agencyId) {
        return repository.evaluations(agency(user, agencyId).id());
    }

    @Transactional(readOnly = true)
    public TrusteeshipRepository.AgencyFigures figures(AnjianUser user, UUID agencyId, int year) {
        return repository.figures(agency(user, agencyId).id(), year);
    }

    // ------------------------------------------------------------ contracts

    @Transactional(readOnly = true)
    public PageResult<Contract> contracts(AnjianUser user, TrusteeshipRepository.ContractFilter f, PageRequest page) {
        requireReader(user);
        return repository.contracts(f, contractScope(user), page);
    }

    @Transactional(readOnly = true)
    public Contract contract(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.contract(id, contractScope(user)).orElseThrow(() -> DomainException.notFound("contract"));
    }

    public Contract createContract(AnjianUser user, NewContract n) {
        if (user != null && !user.hasAnyRole(CONTRACT_KEEPERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "trusteeship.forbidden", "contracts are recorded by the district or the town");
        }
        List<FieldError> errors = new ArrayList<>();
        Agency agency = n.agencyId() == null ? null : repository.agency(n.agencyId()).orElse(null);
        if (agency == null) {
            errors.add(new FieldError("agencyId", "trusteeship.agency.unknown", "请选择已登记的托管服务机构"));
        }
        EnterpriseSummary e = n.enterpriseId() == null ? null
                : enterprises.find(n.enterpriseId()).filter(x -> user == null || enterprises.inScope(user.scope(), x.id())).orElse(null);
        if (e == null) {
            errors.add(new FieldError("enterpriseId", "trusteeship.enterprise.unknown", "请选择辖区内的企业"));
        } else if (e.scale() != Scale.SMALL_MICRO) {
            // 托管 is the service bought for small and micro enterprises without their own safety staff
            errors.add(new FieldError("enterpriseId", "trusteeship.enterprise.notSmall", "安全托管服务面向小微企业"));
        }
        text(errors, "contractNo", n.contractNo(), 100);
        text(errors, "serviceScope", n.serviceScope(), 2000);
        if (n.startOn() == null || n.endOn() == null || n.endOn().isBefore(n.startOn())) {
            errors.add(new FieldError("endOn", "trusteeship.period.invalid", "服务期限无效：结束日期不能早于开始日期"));
        } else if (agency != null && !TrusteeshipRules.qualified(agency.qualificationValidUntil(), n.startOn())) {
            errors.add(new FieldError("agencyId", "trusteeship.agency.qualificationExpired", "机构资质在服务开始前已过期"));
        }
        if (n.priceYuan() == null || n.priceYuan().signum() < 0 || n.priceYuan().compareTo(new BigDecimal("100000000")) >= 0) {
            errors.add(new FieldError("priceYuan", "trusteeship.price.invalid", "服务费用无效"));
        }
        if (n.governmentPurchased() == null) {
            errors.add(new FieldError("governmentPurchased", "trusteeship.required", "必填"));
        }
        int vpm = n.visitsPerMonth() == null ? 1 : n.visitsPerMonth();
        if (vpm < 1 || vpm > 31) {
            errors.add(new FieldError("visitsPerMonth", "trusteeship.visitsPerMonth.invalid", "每月服务次数应在 1 到 31 之间"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        for (Contract other : repository.contractsOfEnterprise(e.id())) {
            LocalDate otherEnd = other.terminatedOn() != null && other.terminatedOn().isBefore(other.endOn()) ? other.terminatedOn().minusDays(1) : other.endOn();
            if (TrusteeshipRules.overlap(n.startOn(), n.endOn(), other.startOn(), otherEnd)) {
                throw DomainException.conflict("trusteeship.contract.overlap", "another contract covers these days", other.contractNo());
            }
        }
        Contract c = new Contract(UUID.randomUUID(), agency.id(), agency.name(), e.id(), e.name(), e.townId(), e.parkId(), e.sector().name(),
                n.contractNo().strip(), n.startOn(), n.endOn(), n.serviceScope().strip(), n.priceYuan(), n.governmentPurchased(), vpm, null, null, now(), 0);
        repository.insert(c);
        audit.record("TRUSTEESHIP_CONTRACT_SIGNED", "trusteeship_contract", c.id(), null, c);
        return c;
    }

    public Contract terminate(AnjianUser user, UUID id, Termination t) {
        Contract c = contract(user, id);
        if (!user.hasAnyRole(CONTRACT_KEEPERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "trusteeship.forbidden", "contracts are recorded by the district or the town");
        }
        String reason = t == null ? null : blank(t.reason());
        if (reason == null) {
            throw DomainException.invalid("reason", "trusteeship.termination.reason", "请说明终止原因");
        }
        LocalDate on = t.on() == null ? today() : t.on();
        if (c.terminatedOn() != null || on.isAfter(c.endOn()) || on.isBefore(c.startOn())) {
            throw DomainException.conflict("trusteeship.termination.refused", "not in force on that day", c.status(today()));
        }
        try {
            repository.terminate(id, on, reason, c.version(), now());
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("trusteeship.concurrent", e.getMessage());
        }
        Contract after = repository.contract(id, ScopeConditions.Condition.ALWAYS).orElseThrow();
        audit.record("TRUSTEESHIP_CONTRACT_TERMINATED", "trusteeship_contract", id, c, after);
        return after;
    }

    // ------------------------------------------------------------ visits and reports: the agency's own work

    private Contract own(AnjianUser user, UUID contractId) {
        Contract c = contract(user, contractId);
        if (!user.hasRole(Role.AGENCY_USER) || user.scope().kind() != ScopeKind.AGENCY || !user.scope().id().equals(c.agencyId())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "trusteeship.agencyOnly", "visits and reports are the agency's own");
        }
        return c;
    }

    /**
     * A service visit. Each finding becomes a hazard of the enterprise (source 托管服务机构), found by the
     * visitor; the agency may help rectify it but the enterprise verifies and closes it.
     */
    public Visit visit(AnjianUser user, UUID contractId, NewVisit n) {
        return recordVisit(own(user, contractId), n);
    }

    Visit recordVisit(Contract c, NewVisit n) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = n.visitedOn() == null ? today() : n.visitedOn();
        if (on.isAfter(today())) {
            errors.add(new FieldError("visitedOn", "trusteeship.date.future", "日期不能晚于今天"));
        } else if (!c.inForce(on)) {
            errors.add(new FieldError("visitedOn", "trusteeship.visit.outsideContract", "服务日期不在合同期内"));
        }
        text(errors, "visitorName", n.visitorName(), 50);
        text(errors, "content", n.content(), 4000);
        List<NewFinding> findings = n.findings() == null ? List.of() : n.findings();
        if (findings.size() > 50) {
            errors.add(new FieldError("findings", "trusteeship.findings.tooMany", "一次最多 50 条"));
        }
        for (int i = 0; i < findings.size(); i++) {
            NewFinding f = findings.get(i);
            text(errors, "findings[" + i + "].place", f.place(), 200);
            text(errors, "findings[" + i + "].description", f.description(), 2000);
            if (f.grade() != null && !List.of("GENERAL", "MAJOR").contains(f.grade())) {
                errors.add(new FieldError("findings[" + i + "].grade", "trusteeship.finding.grade", "隐患等级无效"));
            }
            if (f.deadline() == null || f.deadline().isBefore(on)) {
                errors.add(new FieldError("findings[" + i + "].deadline", "trusteeship.finding.deadline", "整改期限不能早于服务日期"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID visitId = UUID.randomUUID();
        List<Finding> stored = new ArrayList<>();
        for (NewFinding f : findings) {
            UUID findingId = UUID.randomUUID();
            HazardGrade grade = "MAJOR".equals(f.grade()) ? HazardGrade.MAJOR : HazardGrade.GENERAL;
            UUID hazardId = hazards.registerFrom(HazardSource.SERVICE_AGENCY, "trusteeship:" + findingId, c.enterpriseId(), grade, f.place().strip(),
                    f.description().strip(), null, n.visitorName().strip() + "（" + c.agencyName() + "）",
                    f.deadline().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
            stored.add(new Finding(findingId, hazardId, f.place().strip(), f.description().strip(), grade.name(), f.deadline()));
        }
        Visit v = new Visit(visitId, c.id(), c.agencyId(), c.enterpriseId(), on, n.visitorName().strip(), n.content().strip(), stored, now());
        repository.insert(v, c);
        audit.record("TRUSTEESHIP_VISIT_RECORDED", "trusteeship_contract", c.id(), null, v);
        return v;
    }

    @Transactional(readOnly = true)
    public List<Visit> visits(AnjianUser user, UUID contractId) {
        return repository.visits(contract(user, contractId).id());
    }

    /** The monthly service report: one per contract and month, counting that month's visits and findings. */
    public Report report(AnjianUser user, UUID contractId, NewReport n) {
        return recordReport(own(user, contractId), n);
    }

    Report recordReport(Contract c, NewReport n) {
        YearMonth month;
        try {
            month = n.month() == null ? YearMonth.from(today()) : YearMonth.parse(n.month());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", "trusteeship.month.invalid", "月份格式应为 2026-11");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!TrusteeshipRules.reportable(month, c.startOn(), c.endOn(), today())) {
            errors.add(new FieldError("month", "trusteeship.report.month", "该月份不在合同期内或尚未开始"));
        }
        text(errors, "summary", n.summary(), 4000);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (repository.reportExists(c.id(), month.atDay(1))) {
            throw DomainException.conflict("trusteeship.report.exists", "already reported", month.toString());
        }
        int[] counts = repository.visitsAndFindings(c.id(), month.atDay(1), month.atEndOfMonth());
        Report r = new Report(UUID.randomUUID(), c.id(), c.agencyId(), c.enterpriseId(), month.atDay(1), counts[0], counts[1], n.summary().strip(), now());
        repository.insert(r, c);
        audit.record("TRUSTEESHIP_REPORT_SUBMITTED", "trusteeship_contract", c.id(), null, r);
        return r;
    }

    @Transactional(readOnly = true)
    public List<Report> reports(AnjianUser user, UUID contractId) {
        return repository.reports(contract(user, contractId).id());
    }

    @Transactional(readOnly = true)
    public long visitsThisMonth(AnjianUser user) {
        LocalDate today = today();
        return repository.visitsThisMonth(contractScope(user), today.withDayOfMonth(1), today);
    }

    static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "trusteeship.required", "必填"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "trusteeship.tooLong", "内容过长"));
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
