package org.anjian.credit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.credit.domain.CreditTerm;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit entries (CRD-1): the district decides, publishes, records repair and removes; regulators
 * and auditors read; an enterprise reads its own. Nothing is ever deleted and every step is audited.
 */
@Service
@Transactional
public class CreditService {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AUDITOR};
    static final Set<String> KINDS = Set.of("BLACKLIST", "BAD_RECORD");
    static final Set<String> CAUSES = Set.of("ACCIDENT", "SERIOUS_VIOLATION", "REFUSAL_TO_RECTIFY", "FALSE_REPORT", "OTHER");

    private final CreditRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final ScopeConditions scopes;

    CreditService(CreditRepository repository, AuditTrail audit, Clock clock, DistrictProperties district, ScopeConditions scopes) {
        this.zone = district.zone();
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.scopes = scopes;
    }

    public record NewCreditRecord(String subjectType, String subjectName, String creditCode, UUID enterpriseId, String kind, String cause,
                                  String causeDetail, String authority, LocalDate decisionDate, Integer termMonths) {
    }

    public record StepInput(String kind, String authority, LocalDate decisionDate, Integer termMonths, LocalDate repairOn, String note) {
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    private static void requireDecider(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "credit.forbidden", "credit decisions are the district's");
        }
    }

    @Transactional(readOnly = true)
    public PageResult<CreditRecord> search(AnjianUser user, String status, String kind, UUID enterpriseId, PageRequest page) {
        return search(user, status, kind, enterpriseId, null, page);
    }

    /** The same, narrowed to subjects whose name or credit code contains {@code text}. */
    @Transactional(readOnly = true)
    public PageResult<CreditRecord> search(AnjianUser user, String status, String kind, UUID enterpriseId, String text, PageRequest page) {
        requireReader(user);
        return repository.search(status, kind, enterpriseId, text, scopes.of(user.scope(), "c"), page);
    }

    /** What 信用重庆 receives and the public page shows: the published entries, whoever asks. */
    @Transactional(readOnly = true)
    public List<CreditRecord> published() {
        return repository.published();
    }

    /** The entry if it lies in the user's scope: a town's enterprises, a department's sectors, an enterprise's own. */
    @Transactional(readOnly = true)
    public CreditRecord get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id, scopes.of(user.scope(), "c")).orElseThrow(() -> DomainException.notFound("credit record"));
    }

    public CreditRecord create(AnjianUser user, NewCreditRecord n) {
        requireDecider(user);
        List<FieldError> errors = new ArrayList<>();
        if (!"UNIT".equals(n.subjectType()) && !"PERSON".equals(n.subjectType())) {
            errors.add(new FieldError("subjectType", "credit.subjectType", "UNIT 或 PERSON"));
        }
        text(errors, "subjectName", n.subjectName(), 200);
        text(errors, "causeDetail", n.causeDetail(), 2000);
        text(errors, "authority", n.authority(), 200);
        if (n.cause() == null || !CAUSES.contains(n.cause())) {
            errors.add(new FieldError("cause", "credit.cause", "失信原因无效"));
        }
        if (n.kind() != null && !KINDS.contains(n.kind())) {
            errors.add(new FieldError("kind", "credit.kind", "BLACKLIST 或 BAD_RECORD"));
        }
        decision(errors, n.decisionDate(), n.termMonths());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int term = n.termMonths() == null ? CreditTerm.DEFAULT_MONTHS : n.termMonths();
        Instant now = now();
        CreditRecord r = new CreditRecord(UUID.randomUUID(), n.subjectType(), n.subjectName().trim(), blank(n.creditCode()), n.enterpriseId(),
                n.kind() == null ? "BAD_RECORD" : n.kind(), n.cause(), n.causeDetail().trim(), null, n.authority().trim(), n.decisionDate(),
                term, CreditTerm.expiresOn(n.decisionDate(), term), "IN_FORCE", null, null, null, null, null, now, 0);
        repository.insert(r);
        audit.record("CREDIT_RECORD_CREATED", "credit-record", r.id(), null, view(r));
        return r;
    }

    /** A proposal from another module (an accident), idempotent on {@code sourceRef}. */
    public void propose(String sourceRef, String subjectName, String creditCode, UUID enterpriseId, String cause, String detail) {
        if (repository.existsForSource(sourceRef)) {
            return;
        }
        CreditRecord r = new CreditRecord(UUID.randomUUID(), "UNIT", subjectName, creditCode, enterpriseId, "BLACKLIST", cause, detail,
                sourceRef, null, null, null, null, "PROPOSED", null, null, null, null, null, now(), 0);
        repository.insert(r);
        audit.recordAs("system", null, "CREDIT_RECORD_PROPOSED", "credit-record", r.id(), null, view(r));
    }

    public CreditRecord step(AnjianUser user, UUID id, String action, StepInput in) {
        requireDecider(user);
        CreditRecord r = get(user, id);
        StepInput input = in == null ? new StepInput(null, null, null, null, null, null) : in;
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Instant now = now();
        CreditRecord after = switch (action) {
            case "decide" -> {
                require(r.status().equals("PROPOSED"), "credit.notProposed");
                List<FieldError> errors = new ArrayList<>();
                text(errors, "authority", input.authority(), 200);
                decision(errors, input.decisionDate(), input.termMonths());
                if (input.kind() != null && !KINDS.contains(input.kind())) {
                    errors.add(new FieldError("kind", "credit.kind", "BLACKLIST 或 BAD_RECORD"));
                }
                if (!errors.isEmpty()) {
                    throw DomainException.invalid(errors);
                }
                int term = input.termMonths() == null ? CreditTerm.DEFAULT_MONTHS : input.termMonths();
                yield with(r, input.kind() == null ? r.kind() : input.kind(), input.authority().trim(), input.decisionDate(), term,
                        CreditTerm.expiresOn(input.decisionDate(), term), "IN_FORCE", r.publishedAt(), r.repairOn(), r.repairNote(), null, null);
            }
            case "reject" -> {
                require(r.status().equals("PROPOSED"), "credit.notProposed");
                if (blank(input.note()) == null) {
                    throw DomainException.invalid("note", "credit.reason.required", "请说明理由");
                }
                yield with(r, r.kind(), r.authority(), r.decisionDate(), r.termMonths(), r.expiresOn(), "REJECTED", null, null, null, today,
                        input.note().trim());
            }
            case "publish" -> {
                require(r.status().equals("IN_FORCE") && !r.published(), "credit.publish.notInForce");
                yield with(r, r.kind(), r.authority(), r.decisionDate(), r.termMonths(), r.expiresOn(), r.status(), now, r.repairOn(),
                        r.repairNote(), null, null);
            }
            case "repair" -> {
                require(r.status().equals("IN_FORCE"), "credit.notInForce");
                if (blank(input.note()) == null) {
                    throw DomainException.invalid("note", "credit.repair.note", "请说明信用修复的情况");
                }
                LocalDate on = input.repairOn() == null ? today : input.repairOn();
                if (on.isAfter(today) || on.isBefore(r.decisionDate())) {
                    throw DomainException.invalid("repairOn", "credit.repair.date", "修复日期须在决定日期到今天之间");
                }
                yield with(r, r.kind(), r.authority(), r.decisionDate(), r.termMonths(), r.expiresOn(), r.status(), r.publishedAt(), on,
                        input.note().trim(), null, null);
            }
            case "remove" -> {
                require(r.status().equals("IN_FORCE"), "credit.notInForce");
                if (blank(input.note()) == null) {
                    throw DomainException.invalid("note", "credit.reason.required", "请说明理由");
                }
                if (!CreditTerm.expired(r.expiresOn(), today) && !CreditTerm.mayRemoveEarly(r.decisionDate(), r.repairOn(), today)) {
                    throw DomainException.conflict(r.repairOn() == null ? "credit.remove.noRepair" : "credit.remove.tooEarly",
                            "early removal needs credit repair and 12 months since the decision", CreditTerm.earliestRemoval(r.decisionDate()));
                }
                yield with(r, r.kind(), r.authority(), r.decisionDate(), r.termMonths(), r.expiresOn(), "REMOVED", r.publishedAt(), r.repairOn(),
                        r.repairNote(), today, input.note().trim());
            }
            default -> throw DomainException.notFound("action " + action);
        };
        try {
            repository.save(after, now);
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("credit.concurrent", e.getMessage());
        }
        CreditRecord saved = repository.find(id).orElseThrow();
        audit.record("CREDIT_RECORD_" + action.toUpperCase(), "credit-record", id, view(r), view(saved));
        return saved;
    }

    private static CreditRecord with(CreditRecord r, String kind, String authority, LocalDate decisionDate, Integer term, LocalDate expiresOn,
                                     String status, Instant publishedAt, LocalDate repairOn, String repairNote, LocalDate removedOn,
                                     String removalReason) {
        return new CreditRecord(r.id(), r.subjectType(), r.subjectName(), r.creditCode(), r.enterpriseId(), kind, r.cause(), r.causeDetail(),
                r.sourceRef(), authority, decisionDate, term, expiresOn, status, publishedAt, repairOn, repairNote, removedOn, removalReason,
                r.createdAt(), r.version());
    }

    private void decision(List<FieldError> errors, LocalDate decisionDate, Integer termMonths) {
        if (decisionDate == null) {
            errors.add(new FieldError("decisionDate", "shared.validation.required", "必填"));
        } else if (decisionDate.isAfter(LocalDate.ofInstant(clock.instant(), zone))) {
            errors.add(new FieldError("decisionDate", "credit.decisionDate.future", "决定日期不能晚于今天"));
        }
        if (termMonths != null && (termMonths < 1 || termMonths > 120)) {
            errors.add(new FieldError("termMonths", "credit.term.range", "期限 1 至 120 个月"));
        }
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw DomainException.conflict(reason, reason);
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "shared.validation.required", "必填"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "过长"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Map<String, Object> view(CreditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subjectType", r.subjectType());
        m.put("subjectName", r.subjectName());
        m.put("creditCode", r.creditCode());
        m.put("kind", r.kind());
        m.put("cause", r.cause());
        m.put("sourceRef", r.sourceRef());
        m.put("authority", r.authority());
        m.put("decisionDate", r.decisionDate());
        m.put("termMonths", r.termMonths());
        m.put("expiresOn", r.expiresOn());
        m.put("status", r.status());
        m.put("publishedAt", r.publishedAt());
        m.put("repairOn", r.repairOn());
        m.put("removedOn", r.removedOn());
        m.put("removalReason", r.removalReason());
        return m;
    }
}
