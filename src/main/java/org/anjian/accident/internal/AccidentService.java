package org.anjian.accident.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentRecorded;
import org.anjian.accident.AccidentSector;
import org.anjian.accident.AccidentState;
import org.anjian.accident.AccidentType;
import org.anjian.accident.domain.AccidentGrading;
import org.anjian.accident.domain.AccidentRuleViolation;
import org.anjian.accident.domain.ConsequenceRule;
import org.anjian.accident.domain.Investigation;
import org.anjian.accident.domain.ReportingDeadlines;
import org.anjian.accident.domain.SupplementWindow;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accidents (ACC-1 … ACC-3): recorded and managed by the district and its inspectors, read by
 * towns and departments in their scope (an accident without an enterprise by its own town), by the
 * enterprise for its own, and by auditors. Every write is audited; every record or revision runs
 * the consequence rules and publishes {@link AccidentRecorded}.
 */
@Service
@Transactional
public class AccidentService {

    /** The system and security administrators keep the platform, not its business records (三员分立). */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AUDITOR};
    static final Role[] MANAGERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR};

    private final AccidentRepository repository;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ScopeConditions scopes;

    AccidentService(AccidentRepository repository, EnterpriseLookup enterprises, OrganizationDirectory organization, AuditTrail audit,
                    ApplicationEventPublisher events, Clock clock, ScopeConditions scopes) {
        this.scopes = scopes;
        this.repository = repository;
        this.enterprises = enterprises;
        this.organization = organization;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The largest direct loss the register holds, in yuan: its column is numeric(16, 2). Recording, revising and grading all apply it. */
    public static final String MAX_LOSS_YUAN = "99999999999999.99";

    /** An accident as recorded on the API; {@code enterpriseId} is null for one outside the registered enterprises. */
    public record NewAccident(UUID enterpriseId, UUID townId, AccidentSector sector, AccidentType type, String place, Instant occurredAt,
                              Integer peopleInvolved, Integer deaths, Integer missing, Integer seriousInjuries, Integer minorInjuries,
                              @jakarta.validation.constraints.DecimalMax(MAX_LOSS_YUAN) BigDecimal directLossYuan, String summary, String causeBehaviour, String causeCondition,
                              String causeManagement, Boolean lacksSafeConditions) {
    }

    /** A revision (补报 of casualties and loss; findings on causes and conditions); null fields stay. */
    public record Revision(Integer peopleInvolved, Integer deaths, Integer missing, Integer seriousInjuries, Integer minorInjuries,
                           @jakarta.validation.constraints.DecimalMax(MAX_LOSS_YUAN) BigDecimal directLossYuan, String causeBehaviour, String causeCondition, String causeManagement,
                           Boolean lacksSafeConditions, String note) {
    }

    /** What an investigation step carries; only the fields of that step are read. */
    public record InvestigationInput(String leader, String members, Integer extensionDays, String reportSummary, String causeFound,
                                     String responsibleHandled, String measuresTaken, String staffEducated, String enterpriseDuties,
                                     String regulatorDuties) {
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    public void requireManager(AnjianUser user) {
        if (!user.hasAnyRole(MANAGERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "accident.forbidden", "only the district and its inspectors manage accidents");
        }
    }

    @Transactional(readOnly = true)
    public PageResult<AccidentRecord> search(AnjianUser user, AccidentRepository.Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(filter, scopeCondition(user.scope(), "a"), page);
    }

    @Transactional(readOnly = true)
    public AccidentRecord get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id, scopeCondition(user.scope(), "a")).orElseThrow(() -> DomainException.notFound("accident"));
    }

    /** The reports made on an accident already read with {@link #get}. */
    @Transactional(readOnly = true)
    public List<AccidentRepository.Report> reports(AccidentRecord r) {
        return repository.reports(r.id());
    }

    /** The consequences proposed for an accident already read with {@link #get}. */
    @Transactional(readOnly = true)
    public List<AccidentRepository.Consequence> consequences(AccidentRecord r) {
        return repository.consequences(r.id());
    }

    public AccidentRecord record(AnjianUser user, NewAccident n) {
        requireManager(user);
        Instant now = now();
        EnterpriseSummary enterprise = null;
        if (n.enterpriseId() != null) {
            enterprise = enterprises.find(n.enterpriseId()).filter(e -> enterprises.inScope(user.scope(), e.id()))
                    .orElseThrow(() -> DomainException.notFound("enterprise"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (enterprise == null && n.townId() == null) {
            errors.add(new FieldError("townId", "accident.town.required", "企业以外的事故须填写所在镇街"));
        } else if (enterprise == null && organization.region(n.townId()).isEmpty()) {
            errors.add(new FieldError("townId", "accident.town.unknown", "镇街不存在"));
        }
        if (n.type() == null) {
            errors.add(new FieldError("type", "shared.validation.required", "必填"));
        }
        if (enterprise == null && n.sector() == null) {
            errors.add(new FieldError("sector", "shared.validation.required", "必填"));
        }
        text(errors, "place", n.place(), 200);
        text(errors, "summary", n.summary(), 4000);
        if (n.occurredAt() == null) {
            errors.add(new FieldError("occurredAt", "shared.validation.required", "必填"));
        } else if (n.occurredAt().isAfter(now)) {
            errors.add(new FieldError("occurredAt", "accident.occurredAt.future", "事故时间不能晚于现在"));
        }
        counts(errors, n.peopleInvolved(), n.deaths(), n.missing(), n.seriousInjuries(), n.minorInjuries(), n.directLossYuan(), true);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        AccidentSector sector = n.sector() != null ? n.sector() : AccidentSector.valueOf(enterprise.sector().name());
        int deaths = n.deaths();
        int missing = n.missing() == null ? 0 : n.missing();
        int serious = n.seriousInjuries();
        int minor = n.minorInjuries() == null ? 0 : n.minorInjuries();
        AccidentGrade grade = AccidentGrading.grade(deaths, missing, serious, n.directLossYuan());
        Investigation inv = new Investigation(n.occurredAt(), Investigation.levelFor(sector.isMine(), deaths + missing), null, null, null,
                null, null, null, null, null, null, null, null, null);
        AccidentRecord r = new AccidentRecord(UUID.randomUUID(), enterprise == null ? null : enterprise.id(),
                enterprise == null ? null : enterprise.name(), enterprise == null ? null : enterprise.creditCode(),
                enterprise == null ? n.townId() : enterprise.townId(), enterprise == null ? null : enterprise.parkId(), sector, n.type(),
                n.place().trim(), n.occurredAt().truncatedTo(ChronoUnit.MICROS), n.peopleInvolved(), deaths, missing, serious, minor,
                n.directLossYuan(), n.summary().trim(), blank(n.causeBehaviour()), blank(n.causeCondition()), blank(n.causeManagement()),
                Boolean.TRUE.equals(n.lacksSafeConditions()), grade, AccidentState.REPORTED, now, user.displayName(), inv, 0);
        repository.insert(r);
        audit.record("ACCIDENT_RECORDED", "accident", r.id(), null, view(r));
        applyConsequences(r, now);
        return r;
    }

    /** 补报 and findings: casualties and loss within 30 days (7 for road traffic and fire), re-graded; then the rules run again. */
    public AccidentRecord revise(AnjianUser user, UUID id, Revision v) {
        requireManager(user);
        AccidentRecord before = get(user, id);
        Instant now = now();
        if (before.state() == AccidentState.CLOSED) {
            throw DomainException.conflict("accident.closed", "the case is closed");
        }
        boolean casualties = v.deaths() != null || v.missing() != null || v.seriousInjuries() != null || v.minorInjuries() != null
                || v.directLossYuan() != null || v.peopleInvolved() != null;
        if (casualties && !SupplementWindow.open(before.sector(), before.occurredAt(), now)) {
            throw DomainException.conflict("accident.supplement.closed", "补报 window of %d days has passed",
                    SupplementWindow.days(before.sector()));
        }
        Integer people = v.peopleInvolved() != null ? v.peopleInvolved() : before.peopleInvolved();
        int deaths = v.deaths() != null ? v.deaths() : before.deaths();
        int missing = v.missing() != null ? v.missing() : before.missing();
        int serious = v.seriousInjuries() != null ? v.seriousInjuries() : before.seriousInjuries();
        int minor = v.minorInjuries() != null ? v.minorInjuries() : before.minorInjuries();
        BigDecimal loss = v.directLossYuan() != null ? v.directLossYuan() : before.directLoss();
        List<FieldError> errors = new ArrayList<>();
        counts(errors, people, deaths, missing, serious, minor, loss, false);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        AccidentGrade grade = AccidentGrading.grade(deaths, missing, serious, loss);
        Investigation inv = before.investigation();
        AccidentRecord after = new AccidentRecord(before.id(), before.enterpriseId(), before.enterpriseName(), before.creditCode(),
                before.townId(), before.parkId(), before.sector(), before.type(), before.place(), before.occurredAt(), people, deaths, missing,
                serious, minor, loss, before.summary(), or(v.causeBehaviour(), before.causeBehaviour()),
                or(v.causeCondition(), before.causeCondition()), or(v.causeManagement(), before.causeManagement()),
                v.lacksSafeConditions() != null ? v.lacksSafeConditions() : before.lacksSafeConditions(), grade, before.state(),
                before.recordedAt(), before.recordedBy(), inv, before.version());
        if (!inv.started()) {
            // the level follows the casualties until the team is formed
            after = withInvestigation(after, new Investigation(before.occurredAt(), Investigation.levelFor(before.sector().isMine(),
                    deaths + missing), null, null, null, null, null, null, null, null, null, null, null, null));
        }
        save(after);
        if (casualties) {
            repository.addReport(id, "FOLLOW_UP", now, user.displayName(), blank(v.note()) != null ? v.note().trim() : "补报");
        }
        AccidentRecord saved = repository.find(id, ScopeConditions.Condition.ALWAYS).orElseThrow();
        audit.record(before.grade() != grade ? "ACCIDENT_REGRADED" : "ACCIDENT_REVISED", "accident", id, view(before), view(saved));
        applyConsequences(saved, now);
        return saved;
    }

    /** A report up the line: the enterprise's (1 h), the district's to the city (2 h), or a daily follow-up. */
    public AccidentRecord report(AnjianUser user, UUID id, String level, Instant at, String note) {
        requireManager(user);
        AccidentRecord r = get(user, id);
        if (!List.of("ENTERPRISE", "DISTRICT", "FOLLOW_UP").contains(level)) {
            throw DomainException.invalid("level", "accident.report.level", "ENTERPRISE、DISTRICT 或 FOLLOW_UP");
        }
        Instant now = now();
        Instant when = at == null ? now : at.truncatedTo(ChronoUnit.MICROS);
        if (when.isAfter(now)) {
            throw DomainException.invalid("reportedAt", "accident.reportedAt.future", "报告时间不能晚于现在");
        }
        if (when.isBefore(r.occurredAt())) {
            throw DomainException.invalid("reportedAt", "accident.reportedAt.beforeAccident", "报告时间不能早于事故时间");
        }
        if (!level.equals("FOLLOW_UP") && repository.reports(id).stream().anyMatch(p -> p.level().equals(level))) {
            throw DomainException.conflict("accident.report.duplicate", "this level has already reported");
        }
        repository.addReport(id, level, when, user.displayName(), blank(note));
        audit.record("ACCIDENT_REPORTED", "accident", id, null, Map.of("level", level, "reportedAt", when.toString()));
        return r;
    }

    /** The reports the rules ask for, with what is due now and what was late. */
    public List<ReportingDeadlines.Due> deadlines(AccidentRecord r, Instant now) {
        List<AccidentRepository.Report> reports = repository.reports(r.id());
        Instant enterprise = first(reports, "ENTERPRISE");
        Instant district = first(reports, "DISTRICT");
        List<ReportingDeadlines.Due> dues = new ArrayList<>();
        dues.add(ReportingDeadlines.due("ENTERPRISE", ReportingDeadlines.enterpriseDue(r.occurredAt()), enterprise, now));
        dues.add(ReportingDeadlines.due("DISTRICT", ReportingDeadlines.districtDue(r.occurredAt(), enterprise), district, now));
        // daily follow-ups after the district's report until the case closes
        if (district != null) {
            Instant last = district;
            Instant end = r.state() == AccidentState.CLOSED ? r.investigation().closedAt() : now;
            for (AccidentRepository.Report p : reports) {
                if (p.level().equals("FOLLOW_UP") && !p.reportedAt().isBefore(last)) {
                    dues.add(ReportingDeadlines.due("FOLLOW_UP", ReportingDeadlines.followUpDue(last), p.reportedAt(), now));
                    last = p.reportedAt();
                }
            }
            if (r.state() != AccidentState.CLOSED || ReportingDeadlines.followUpDue(last).isBefore(end)) {
                if (r.state() != AccidentState.CLOSED) {
                    dues.add(ReportingDeadlines.due("FOLLOW_UP", ReportingDeadlines.followUpDue(last), null, now));
                }
            }
        }
        return dues;
    }

    public AccidentRecord investigate(AnjianUser user, UUID id, String action, InvestigationInput in) {
        requireManager(user);
        AccidentRecord before = get(user, id);
        InvestigationInput input = in == null ? new InvestigationInput(null, null, null, null, null, null, null, null, null, null) : in;
        Investigation inv = before.investigation();
        Instant now = now();
        AccidentState state = before.state();
        try {
            switch (action) {
                case "start" -> {
                    inv.start(Investigation.levelFor(before.sector().isMine(), before.dead()), input.leader(), blank(input.members()), now);
                    state = AccidentState.INVESTIGATING;
                }
                case "extend" -> {
                    if (input.extensionDays() == null) {
                        throw DomainException.invalid("extensionDays", "shared.validation.required", "必填");
                    }
                    if (input.extensionDays() < 1 || input.extensionDays() > Investigation.MAX_EXTENSION_DAYS) {
                        throw DomainException.invalid("extensionDays", "accident.investigation.extensionRange", "延期 1 至 60 日");
                    }
                    inv.extend(input.extensionDays());
                }
                case "submit-report" -> inv.submitReport(input.reportSummary(), now);
                case "approve" -> {
                    if (!user.hasRole(Role.DISTRICT_ADMIN)) {
                        throw new DomainException(HttpStatus.FORBIDDEN, "accident.approve.forbidden", "the district approves the report");
                    }
                    inv.approve(user.displayName(), now);
                }
                case "record" -> inv.record(new Investigation.NoLetsGo(blank(input.causeFound()), blank(input.responsibleHandled()),
                        blank(input.measuresTaken()), blank(input.staffEducated())), input.enterpriseDuties(), input.regulatorDuties());
                case "close" -> {
                    inv.close(now);
                    state = AccidentState.CLOSED;
                }
                default -> throw DomainException.notFound("action " + action);
            }
        } catch (AccidentRuleViolation v) {
            throw DomainException.conflict(v.reason(), v.getMessage());
        }
        AccidentRecord after = new AccidentRecord(before.id(), before.enterpriseId(), before.enterpriseName(), before.creditCode(),
                before.townId(), before.parkId(), before.sector(), before.type(), before.place(), before.occurredAt(), before.peopleInvolved(),
                before.deaths(), before.missing(), before.seriousInjuries(), before.minorInjuries(), before.directLoss(), before.summary(),
                before.causeBehaviour(), before.causeCondition(), before.causeManagement(), before.lacksSafeConditions(), before.grade(),
                state, before.recordedAt(), before.recordedBy(), inv, before.version());
        save(after);
        AccidentRecord saved = repository.find(id, ScopeConditions.Condition.ALWAYS).orElseThrow();
        audit.record("ACCIDENT_INVESTIGATION_" + action.toUpperCase().replace('-', '_'), "accident", id, null, investigationView(saved));
        return saved;
    }

    public AccidentRepository.Consequence decideConsequence(AnjianUser user, UUID accidentId, UUID consequenceId, String status, String note) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "accident.consequence.forbidden", "the district decides consequences");
        }
        get(user, accidentId);
        AccidentRepository.Consequence c = repository.consequence(consequenceId).filter(x -> x.accidentId().equals(accidentId))
                .orElseThrow(() -> DomainException.notFound("consequence"));
        if (!List.of("DECIDED", "EXECUTED", "WITHDRAWN").contains(status)) {
            throw DomainException.invalid("status", "accident.consequence.status", "DECIDED、EXECUTED 或 WITHDRAWN");
        }
        if (c.status().equals("EXECUTED") || c.status().equals("WITHDRAWN")) {
            throw DomainException.conflict("accident.consequence.final", "the consequence is " + c.status());
        }
        repository.setConsequenceStatus(consequenceId, status, blank(note), now());
        AccidentRepository.Consequence after = repository.consequence(consequenceId).orElseThrow();
        audit.record("ACCIDENT_CONSEQUENCE_" + status, "accident-consequence", consequenceId, Map.of("status", c.status()),
                Map.of("status", status, "ruleCode", c.ruleCode()));
        return after;
    }

    /**
     * Runs every consequence rule on the accident; a consequence already there from the same rule
     * stays as it is (a revision adds what the new figures call for, it never duplicates).
     */
    void applyConsequences(AccidentRecord r, Instant now) {
        applyConsequences(r, now, true);
    }

    /** As above; the demo data audits its batch once instead of every consequence. */
    void applyConsequences(AccidentRecord r, Instant now, boolean audited) {
        ConsequenceRule.Facts facts = new ConsequenceRule.Facts(r.sector(), r.dead(), r.grade(), r.enterpriseId() != null,
                r.lacksSafeConditions());
        boolean credit = false;
        for (ConsequenceRule rule : repository.rules()) {
            if (!rule.matches(facts)) {
                continue;
            }
            credit |= rule.kind().equals("CREDIT_ENTRY");
            UUID targetId = null;
            String targetName = null;
            switch (rule.target()) {
                case "ENTERPRISE" -> {
                    targetId = r.enterpriseId();
                    targetName = r.enterpriseName();
                }
                case "TOWN" -> {
                    targetId = r.townId();
                    targetName = r.townId() == null ? null : organization.region(r.townId()).map(Region::name).orElse(null);
                }
                case "DEPARTMENT" -> {
                    Optional<Department> d = departmentFor(r.sector());
                    if (d.isEmpty()) {
                        continue;
                    }
                    targetId = d.get().id();
                    targetName = d.get().name();
                }
                default -> targetName = null;
            }
            var c = new AccidentRepository.Consequence(UUID.randomUUID(), r.id(), rule.code(), rule.kind(), rule.target(), targetId,
                    targetName, rule.months(), rule.points(), rule.basis(), "PROPOSED", now, now, null);
            if (repository.addConsequence(c) && audited) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("accidentId", r.id());
                after.put("rule", rule.code());
                after.put("kind", rule.kind());
                after.put("target", rule.target());
                after.put("targetName", targetName);
                after.put("months", rule.months());
                after.put("points", rule.points());
                audit.record("ACCIDENT_CONSEQUENCE_PROPOSED", "accident-consequence", c.id(), null, after);
            }
        }
        int inThreeYears = r.enterpriseId() == null ? 0
                : repository.countSince(r.enterpriseId(), clock.instant().minus(java.time.Duration.ofDays(3 * 365 + 1)));
        events.publishEvent(new AccidentRecorded(r.id(), r.enterpriseId(), r.enterpriseName(), r.creditCode(), r.grade(), r.deaths(),
                r.missing(), r.sector(), r.townId(), r.occurredAt(), r.summary(), credit, inThreeYears));
    }

    Optional<Department> departmentFor(AccidentSector sector) {
        return organization.departments().stream().filter(d -> d.sectors().contains(sector.name())).findFirst();
    }

    private void save(AccidentRecord r) {
        try {
            repository.save(r);
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("accident.concurrent", e.getMessage());
        }
    }

    private static AccidentRecord withInvestigation(AccidentRecord r, Investigation inv) {
        return new AccidentRecord(r.id(), r.enterpriseId(), r.enterpriseName(), r.creditCode(), r.townId(), r.parkId(), r.sector(), r.type(),
                r.place(), r.occurredAt(), r.peopleInvolved(), r.deaths(), r.missing(), r.seriousInjuries(), r.minorInjuries(), r.directLoss(),
                r.summary(), r.causeBehaviour(), r.causeCondition(), r.causeManagement(), r.lacksSafeConditions(), r.grade(), r.state(),
                r.recordedAt(), r.recordedBy(), inv, r.version());
    }

    /**
     * The scope as a condition on {@code acc_accident}: enterprise accidents carry the enterprise's
     * town, park and sector; the others their own town and sector.
     */
    public ScopeConditions.Condition scopeCondition(DataScope scope, String alias) {
        return scopes.of(scope, alias);
    }

    private static void counts(List<FieldError> errors, Integer people, Integer deaths, Integer missing, Integer serious, Integer minor,
                               BigDecimal loss, boolean required) {
        count(errors, "deaths", deaths, required);
        count(errors, "missing", missing, false);
        count(errors, "seriousInjuries", serious, required);
        count(errors, "minorInjuries", minor, false);
        count(errors, "peopleInvolved", people, false);
        if (loss == null) {
            if (required) {
                errors.add(new FieldError("directLossYuan", "shared.validation.required", "必填"));
            }
        } else if (loss.signum() < 0) {
            errors.add(new FieldError("directLossYuan", "accident.negative", "不能为负数"));
        } else if (loss.scale() > 2) {
            errors.add(new FieldError("directLossYuan", "accident.loss.fen", "金额最多精确到分"));
        }
        if (people != null && people >= 0 && errors.isEmpty()) {
            if (serious != null && serious > people) {
                errors.add(new FieldError("seriousInjuries", "accident.seriousInjuries.aboveInvolved", "重伤人数不能超过涉事人数"));
            } else if (nz(deaths) + nz(missing) + nz(serious) + nz(minor) > people) {
                errors.add(new FieldError("peopleInvolved", "accident.casualties.aboveInvolved", "伤亡人数之和不能超过涉事人数"));
            }
        }
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    private static void count(List<FieldError> errors, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "shared.validation.required", "必填"));
            }
        } else if (value < 0) {
            errors.add(new FieldError(field, "accident.negative", "不能为负数"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "shared.validation.required", "必填"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "过长"));
        }
    }

    private static Instant first(List<AccidentRepository.Report> reports, String level) {
        return reports.stream().filter(p -> p.level().equals(level)).map(AccidentRepository.Report::reportedAt).findFirst().orElse(null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Map<String, Object> view(AccidentRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", r.enterpriseId());
        m.put("townId", r.townId());
        m.put("sector", r.sector());
        m.put("type", r.type());
        m.put("place", r.place());
        m.put("occurredAt", r.occurredAt());
        m.put("peopleInvolved", r.peopleInvolved());
        m.put("deaths", r.deaths());
        m.put("missing", r.missing());
        m.put("seriousInjuries", r.seriousInjuries());
        m.put("minorInjuries", r.minorInjuries());
        m.put("directLoss", r.directLoss());
        m.put("grade", r.grade());
        m.put("state", r.state());
        m.put("lacksSafeConditions", r.lacksSafeConditions());
        return m;
    }

    static Map<String, Object> investigationView(AccidentRecord r) {
        Investigation i = r.investigation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", r.state());
        m.put("level", i.level());
        m.put("leader", i.leader());
        m.put("reportDue", i.started() ? i.reportDue() : null);
        m.put("extensionDays", i.extensionDays());
        m.put("reportSubmittedAt", i.reportSubmittedAt());
        m.put("approvedAt", i.approvedAt());
        m.put("noLetsGoMissing", i.noLetsGo().missing());
        m.put("closedAt", i.closedAt());
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b;
    }
}
