package org.anjian.penalty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.DocumentKind;
import org.anjian.inspection.EnforcementDocumentIssuer;
import org.anjian.inspection.EnforcementDocumentIssuer.DocumentRequest;
import org.anjian.inspection.EnforcementDocumentIssuer.IssuedDocument;
import org.anjian.inspection.RectificationOrderEscalated;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.PenaltyDecided;
import org.anjian.penalty.domain.CaseAction;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.CaseSource;
import org.anjian.penalty.domain.CaseState;
import org.anjian.penalty.domain.CaseStateMachine;
import org.anjian.penalty.domain.DiscretionRule;
import org.anjian.penalty.domain.Labels;
import org.anjian.penalty.domain.Measure;
import org.anjian.penalty.domain.PenaltyRules;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penalty cases (ENF-5) through their life cycle. Every action checks who may act on this case,
 * asks the {@link CaseStateMachine} whether the state allows it, then the date and amount rules of
 * {@link PenaltyRules}; each transition writes a timeline row and an audit entry with the state
 * before and after.
 */
@Service
@Transactional
public class PenaltyCaseService {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Timeline entries whose notes are the officers' own deliberation, not shown to the party. */
    private static final Set<String> INTERNAL = Set.of("INVESTIGATE", "PROPOSE", "SUBMIT_REVIEW", "APPROVE_REVIEW", "RETURN_REVIEW");

    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final EnforcementDocumentIssuer issuer;
    private final PenaltyDocuments documents;
    private final DiscretionRules discretion;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PenaltyRules rules;

    PenaltyCaseService(JdbcClient jdbc, EnterpriseLookup enterprises, UserDirectory users, EnforcementDocumentIssuer issuer,
                       PenaltyDocuments documents, DiscretionRules discretion, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                       @Value("${anjian.penalty.legal-review.fine-threshold-yuan:50000}") long legalReviewFine,
                       @Value("${anjian.penalty.hearing.fine-threshold-yuan:50000}") long hearingFine,
                       @Value("${anjian.penalty.hearing.request-days:5}") int hearingRequestDays,
                       @Value("${anjian.penalty.statement-days:3}") int statementDays) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.users = users;
        this.issuer = issuer;
        this.documents = documents;
        this.discretion = discretion;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.rules = new PenaltyRules(legalReviewFine, hearingFine, hearingRequestDays, statementDays);
    }

    public PenaltyRules rules() {
        return rules;
    }

    // ---- inputs ------------------------------------------------------------------------------

    public record NewCase(CaseSource source, UUID inspectionId, UUID orderId, UUID enterpriseId, Set<ViolationCategory> categories, String facts,
                          String responsiblePerson, List<UUID> handlerIds, CaseFacts circumstances) {
    }

    public record NewInvestigationRecord(String kind, String content, Instant takenAt) {
    }

    public record Proposal(Long fineYuan, Set<Measure> measures, String legalBasis, String discretionReason, CaseFacts circumstances) {
    }

    public record Hearing(LocalDate heldOn, UUID presidingOfficerId, String summary) {
    }

    public record Payment(Long amountYuan, LocalDate paidOn, String receiptNo) {
    }

    public record EnforcementApplication(String court, LocalDate appliedOn, String note) {
    }

    public record Transfer(String organ, LocalDate transferredOn, String reason) {
    }

    public record Filter(CaseState state, UUID enterpriseId, Integer year, UUID handlerId) {
    }

    // ---- views -------------------------------------------------------------------------------

    public record TimelineEntry(Instant at, String actor, String action, CaseState from, CaseState to, String note) {
    }

    public record InvestigationRecord(UUID id, String kind, String content, Instant takenAt, String recorder) {
    }

    public record LegalReview(UUID id, String submittedBy, Instant submittedAt, String reviewer, String outcome, String opinion, Instant reviewedAt) {
    }

    public record HearingRecord(String requestedBy, Instant requestedAt, LocalDate heldOn, String presidingOfficer, String summary) {
    }

    public record PaymentRecord(UUID id, long amountYuan, LocalDate paidOn, String receiptNo, String recordedBy) {
    }

    public record EnforcementRecord(UUID id, String court, LocalDate appliedOn, String note, String recordedBy) {
    }

    public record TransferRecord(String organ, LocalDate transferredOn, String reason, String recordedBy) {
    }

    public record Recommendation(String rule, DiscretionRule.Recommendation recommendation, long minYuan, long maxYuan, String description,
                                 String legalBasis) {
        static Recommendation of(DiscretionRule r) {
            return new Recommendation(r.code(), r.recommendation(), r.minYuan(), r.maxYuan(), r.description(), r.legalBasis());
        }
    }

    public record Handler(UUID id, String name, String certNo) {
    }

    public record Detail(PenaltyCase penaltyCase, List<Handler> handlers, Recommendation recommendation, Set<CaseAction> nextActions,
                         List<TimelineEntry> timeline, List<InvestigationRecord> investigation, List<LegalReview> reviews, HearingRecord hearing,
                         List<PaymentRecord> payments, long paidYuan, List<EnforcementRecord> enforcement, TransferRecord transfer,
                         List<IssuedDocument> documents) {
    }

    // ---- reading -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<PenaltyCase> search(AnjianUser user, Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> p = new LinkedHashMap<>();
        if (user.hasRole(Role.ENTERPRISE_USER) && !isRegulator(user)) {
            if (user.scope().kind() != ScopeKind.ENTERPRISE) {
                throw forbidden();
            }
            where.append(" and c.enterprise_id = :own");
            p.put("own", user.scope().id());
        } else if (!isRegulator(user)) {
            throw forbidden();
        }
        if (f.state() != null) {
            where.append(" and c.state = :state");
            p.put("state", f.state().name());
        }
        if (f.enterpriseId() != null) {
            where.append(" and c.enterprise_id = :enterprise");
            p.put("enterprise", f.enterpriseId());
        }
        if (f.year() != null) {
            where.append(" and extract(year from c.filed_at at time zone 'Asia/Shanghai') = :year");
            p.put("year", f.year());
        }
        if (f.handlerId() != null) {
            where.append(" and :handler = any(c.handler_ids)");
            p.put("handler", f.handlerId());
        }
        long total = jdbc.sql("select count(*) from penalty_case c" + where).params(p).query(Long.class).single();
        List<PenaltyCase> items = jdbc.sql("select c.* from penalty_case c" + where + " order by c.filed_at desc, c.id limit :limit offset :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public PenaltyCase get(AnjianUser user, UUID id) {
        PenaltyCase c = find(id).orElseThrow(() -> DomainException.notFound("penalty case"));
        requireReader(user, c);
        return c;
    }

    @Transactional(readOnly = true)
    public Detail detail(AnjianUser user, UUID id) {
        PenaltyCase c = get(user, id);
        boolean regulator = isRegulator(user);
        List<Handler> handlers = c.handlerIds().stream().map(h -> users.user(h)
                .map(u -> new Handler(u.id(), u.displayName(), u.enforcementCertNo())).orElse(new Handler(h, "—", null))).toList();
        Recommendation rec = discretion.recommend(c.circumstances()).map(Recommendation::of).orElse(null);
        List<TimelineEntry> timeline = jdbc.sql("select * from penalty_timeline where case_id = ? order by id").param(id)
                .query((rs, n) -> new TimelineEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")), CaseState.valueOf(rs.getString("to_state")),
                        regulator || !INTERNAL.contains(rs.getString("action")) ? rs.getString("note") : null)).list();
        // the party reads its own case, not the officers' evidence file
        List<InvestigationRecord> investigation = !regulator ? List.of() : jdbc.sql(
                        "select * from penalty_investigation_record where case_id = ? order by taken_at, recorded_at").param(id)
                .query((rs, n) -> new InvestigationRecord(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("content"),
                        instant(rs, "taken_at"), rs.getString("recorder"))).list();
        List<LegalReview> reviews = !regulator ? List.of() : jdbc.sql("select * from penalty_legal_review where case_id = ? order by submitted_at").param(id)
                .query((rs, n) -> new LegalReview(rs.getObject("id", UUID.class), rs.getString("submitted_by"), instant(rs, "submitted_at"),
                        rs.getString("reviewer"), rs.getString("outcome"), rs.getString("opinion"), instant(rs, "reviewed_at"))).list();
        HearingRecord hearing = jdbc.sql("select * from penalty_hearing where case_id = ?").param(id)
                .query((rs, n) -> new HearingRecord(rs.getString("requested_by"), instant(rs, "requested_at"), rs.getObject("held_on", LocalDate.class),
                        rs.getString("presiding_officer"), rs.getString("summary"))).optional().orElse(null);
        List<PaymentRecord> payments = payments(id);
        List<EnforcementRecord> enforcement = jdbc.sql("select * from penalty_enforcement where case_id = ? order by applied_on").param(id)
                .query((rs, n) -> new EnforcementRecord(rs.getObject("id", UUID.class), rs.getString("court"), rs.getObject("applied_on", LocalDate.class),
                        rs.getString("note"), rs.getString("recorded_by"))).list();
        TransferRecord transfer = jdbc.sql("select * from penalty_transfer where case_id = ?").param(id)
                .query((rs, n) -> new TransferRecord(rs.getString("organ"), rs.getObject("transferred_on", LocalDate.class), rs.getString("reason"),
                        rs.getString("recorded_by"))).optional().orElse(null);
        Set<CaseAction> next = EnumSet.noneOf(CaseAction.class);
        if (mayWrite(user, c)) {
            next.addAll(CaseStateMachine.actionsFrom(c.state()));
            if (!user.hasRole(Role.DISTRICT_ADMIN)) {
                next.remove(CaseAction.APPROVE_REVIEW);
                next.remove(CaseAction.RETURN_REVIEW);
            }
        } else if (c.state() == CaseState.NOTIFIED && user.scope().isEnterprise(c.enterpriseId())) {
            next.add(CaseAction.REQUEST_HEARING);
        }
        if (!Boolean.TRUE.equals(c.hearingRight())) {
            next.remove(CaseAction.REQUEST_HEARING);
        }
        if (c.state() == CaseState.PROPOSED) {
            next.remove(Boolean.TRUE.equals(c.reviewRequired()) ? CaseAction.NOTIFY : CaseAction.SUBMIT_REVIEW);
        }
        return new Detail(c, handlers, rec, next, timeline, investigation, reviews, hearing, payments,
                payments.stream().mapToLong(PaymentRecord::amountYuan).sum(), enforcement, transfer, issuer.ofCase(id));
    }

    // ---- filing ------------------------------------------------------------------------------

    public PenaltyCase file(AnjianUser user, NewCase n) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw forbidden();
        }
        List<FieldError> errors = new ArrayList<>();
        if (n.source() == null) {
            errors.add(new FieldError("source", "shared.validation.required", "必填"));
        } else if (n.source() == CaseSource.INSPECTION && n.inspectionId() == null) {
            errors.add(new FieldError("inspectionId", "penalty.inspectionRequired", "检查发现的案件须关联检查"));
        } else if (n.source() == CaseSource.ORDER_ESCALATED && n.orderId() == null) {
            errors.add(new FieldError("orderId", "penalty.orderRequired", "拒不整改的案件须关联整改指令书"));
        }
        Optional<EnterpriseSummary> e = n.enterpriseId() == null ? Optional.empty() : enterprises.find(n.enterpriseId());
        if (e.isEmpty()) {
            errors.add(new FieldError("enterpriseId", "penalty.enterprise.unknown", "企业不存在"));
        }
        if (n.categories() == null || n.categories().isEmpty()) {
            errors.add(new FieldError("categories", "penalty.categories.required", "请至少选择一个违法行为类别"));
        }
        if (n.facts() == null || n.facts().isBlank() || n.facts().length() > 5000) {
            errors.add(new FieldError("facts", "shared.validation.required", "必填"));
        }
        List<UUID> handlers = n.handlerIds() == null ? List.of() : n.handlerIds().stream().distinct().toList();
        if (handlers.size() < 2 || handlers.stream().anyMatch(id -> users.user(id).filter(PenaltyCaseService::certified).isEmpty())) {
            errors.add(new FieldError("handlerIds", "penalty.handlers.required", "须有至少两名持证执法人员承办"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID sourceRef = n.source() == CaseSource.ORDER_ESCALATED ? n.orderId() : null;
        return insert(user.getUsername(), user.displayName(), n, handlers, sourceRef).orElseThrow(
                () -> DomainException.conflict("penalty.orderAlreadyFiled", "a case was already filed for this order"));
    }

    /** A re-inspection found the order not carried out: file a case, once per order however often this arrives. */
    @ApplicationModuleListener
    void on(RectificationOrderEscalated escalated) {
        CaseFacts facts = new CaseFacts(false, false, false, false, false, false, false, true);
        String text = "你单位未按《责令限期整改指令书》（" + escalated.orderNumber() + "）要求完成整改。复查意见：" + escalated.opinion();
        insert("system", "系统（整改复查未通过）", new NewCase(CaseSource.ORDER_ESCALATED, escalated.inspectionId(), escalated.orderId(), escalated.enterpriseId(),
                escalated.categories().isEmpty() ? EnumSet.of(ViolationCategory.OTHER) : EnumSet.copyOf(escalated.categories()), text, null,
                escalated.inspectorIds(), facts), escalated.inspectorIds(), escalated.orderId());
    }

    private Optional<PenaltyCase> insert(String actor, String actorName, NewCase n, List<UUID> handlers, UUID sourceRef) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        CaseFacts f = n.circumstances() == null ? new CaseFacts(false, false, false, false, false, false, false, false) : n.circumstances();
        int inserted = jdbc.sql("""
                        insert into penalty_case (id, state, source, source_ref, inspection_id, enterprise_id, categories, facts, responsible_person,
                          handler_ids, major_hazard, self_reported, rectifying, hidden, first_offence, minor, corrected_promptly, refused_to_rectify,
                          filed_by, filed_at, updated_at)
                        values (?, 'FILED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(id, n.source().name(), sourceRef, n.inspectionId(), n.enterpriseId(),
                        n.categories().stream().sorted().map(Enum::name).toArray(String[]::new), n.facts().strip(), blank(n.responsiblePerson()),
                        handlers.toArray(UUID[]::new), f.majorHazard(), f.selfReported(), f.rectifying(), f.hidden(), f.firstOffence(), f.minor(),
                        f.correctedPromptly(), f.refusedToRectify(), actor, now, now).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        timeline(id, actorName, "FILE", null, CaseState.FILED, n.source().name());
        audit.record("PENALTY_CASE_FILED", "penalty-case", id, null, Map.of("state", CaseState.FILED, "source", n.source(), "enterpriseId",
                n.enterpriseId(), "handlers", handlers, "categories", n.categories()));
        return find(id);
    }

    // ---- the life cycle ----------------------------------------------------------------------

    public InvestigationRecord investigate(AnjianUser user, UUID id, NewInvestigationRecord r) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.INVESTIGATE);
        List<FieldError> errors = new ArrayList<>();
        if (r.kind() == null || !Set.of("INQUIRY", "INSPECTION", "EVIDENCE").contains(r.kind())) {
            errors.add(new FieldError("kind", "penalty.investigation.kind", "请选择询问、勘验检查或证据"));
        }
        if (r.content() == null || r.content().isBlank() || r.content().length() > 10000) {
            errors.add(new FieldError("content", "shared.validation.required", "必填"));
        }
        if (r.takenAt() == null || r.takenAt().isAfter(clock.instant())) {
            errors.add(new FieldError("takenAt", "penalty.investigation.takenAt", "请填写取证时间（不得晚于现在）"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID recordId = UUID.randomUUID();
        jdbc.sql("insert into penalty_investigation_record (id, case_id, kind, content, taken_at, recorder, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(recordId, id, r.kind(), r.content().strip(), OffsetDateTime.ofInstant(r.takenAt(), ZoneOffset.UTC), user.displayName(), now())
                .update();
        move(user, c, CaseAction.INVESTIGATE, to, r.kind(), Map.of("recordId", recordId, "kind", r.kind()));
        return new InvestigationRecord(recordId, r.kind(), r.content().strip(), r.takenAt(), user.displayName());
    }

    public PenaltyCase propose(AnjianUser user, UUID id, Proposal p) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.PROPOSE);
        CaseFacts facts = p.circumstances() != null ? p.circumstances() : c.circumstances();
        List<FieldError> errors = new ArrayList<>();
        Set<Measure> measures = p.measures() == null ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(
                p.measures().isEmpty() ? EnumSet.noneOf(Measure.class) : p.measures());
        long fine = p.fineYuan() == null ? -1 : p.fineYuan();
        if (fine < 0 || fine > 100_000_000) {
            errors.add(new FieldError("fineYuan", "penalty.proposal.fine", "罚款金额须为 0 或正整数（元）"));
        } else if (fine > 0) {
            measures.add(Measure.FINE);
        } else if (measures.contains(Measure.FINE)) {
            errors.add(new FieldError("fineYuan", "penalty.proposal.fine", "罚款金额须为 0 或正整数（元）"));
        }
        if (measures.isEmpty()) {
            errors.add(new FieldError("measures", "penalty.proposal.measures", "请选择处罚种类"));
        }
        if (p.legalBasis() == null || p.legalBasis().isBlank() || p.legalBasis().length() > 2000) {
            errors.add(new FieldError("legalBasis", "shared.validation.required", "必填"));
        }
        Optional<DiscretionRule> rule = discretion.recommend(facts);
        boolean outside = rule.isPresent() && fine >= 0 && !rule.get().inBand(fine);
        if (outside && (p.discretionReason() == null || p.discretionReason().isBlank())) {
            errors.add(new FieldError("discretionReason", "penalty.proposal.reason", "拟罚款金额超出裁量基准幅度，须书面说明理由"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        boolean review = rules.legalReviewRequired(fine, measures);
        boolean hearing = rules.hearingRight(fine, measures);
        jdbc.sql("""
                update penalty_case set fine_yuan = ?, measures = ?, legal_basis = ?, discretion_rule = ?, discretion_reason = ?, proposed_by = ?,
                  review_required = ?, hearing_right = ?, major_hazard = ?, self_reported = ?, rectifying = ?, hidden = ?, first_offence = ?, minor = ?,
                  corrected_promptly = ?, refused_to_rectify = ? where id = ?""")
                .params(fine, measures.stream().map(Enum::name).toArray(String[]::new), p.legalBasis().strip(), rule.map(DiscretionRule::code).orElse(null),
                        outside ? p.discretionReason().strip() : blank(p.discretionReason()), user.id(), review, hearing, facts.majorHazard(),
                        facts.selfReported(), facts.rectifying(), facts.hidden(), facts.firstOffence(), facts.minor(), facts.correctedPromptly(),
                        facts.refusedToRectify(), id).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fineYuan", fine);
        after.put("measures", measures);
        after.put("reviewRequired", review);
        after.put("hearingRight", hearing);
        rule.ifPresent(r -> after.put("discretionRule", r.code()));
        return move(user, c, CaseAction.PROPOSE, to, Labels.penalty(measures, fine), after);
    }

    public PenaltyCase submitReview(AnjianUser user, UUID id) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.SUBMIT_REVIEW);
        jdbc.sql("insert into penalty_legal_review (id, case_id, submitted_by, submitted_at) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, user.displayName(), now()).update();
        return move(user, c, CaseAction.SUBMIT_REVIEW, to, null, Map.of());
    }

    /** 法制审核: a district administrator who neither handles nor proposed the case approves it or returns it with an opinion. */
    public PenaltyCase decideReview(AnjianUser user, UUID id, Boolean approved, String opinion) {
        PenaltyCase c = locked(user, id);
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "penalty.review.forbidden", "only the legal section reviews");
        }
        CaseAction action = Boolean.FALSE.equals(approved) ? CaseAction.RETURN_REVIEW : CaseAction.APPROVE_REVIEW;
        CaseState to = CaseStateMachine.next(c.state(), action);
        if (c.handledBy(user.id()) || user.id().equals(c.proposedBy())) {
            throw DomainException.conflict("penalty.review.self", "不得审核本人承办的案件");
        }
        if (approved == null) {
            throw DomainException.invalid("approved", "shared.validation.required", "必填");
        }
        if (opinion == null || opinion.isBlank() || opinion.length() > 5000) {
            throw DomainException.invalid("opinion", "penalty.review.opinion", "请填写审核意见");
        }
        String outcome = approved ? "APPROVED" : "RETURNED";
        jdbc.sql("""
                update penalty_legal_review set reviewer_id = ?, reviewer = ?, outcome = ?, opinion = ?, reviewed_at = ?
                where case_id = ? and outcome is null""").params(user.id(), user.displayName(), outcome, opinion.strip(), now(), id).update();
        return move(user, c, action, to, opinion.strip(), Map.of("outcome", outcome, "opinion", opinion.strip()));
    }

    public PenaltyCase notice(AnjianUser user, UUID id) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.NOTIFY);
        if (c.state() == CaseState.PROPOSED && Boolean.TRUE.equals(c.reviewRequired())) {
            throw DomainException.conflict("penalty.review.required", "重大执法决定须经法制审核", Labels.yuan(rules.legalReviewFineYuan()));
        }
        EnterpriseSummary e = enterprise(c);
        IssuedDocument d = issuer.issue(user, new DocumentRequest(DocumentKind.PENALTY_NOTICE, c.enterpriseId(), c.inspectionId(), id, null),
                (number, today) -> documents.notice(issuer.authority(), number, today, c, e, rules));
        LocalDate today = LocalDate.ofInstant(d.issuedAt(), SHANGHAI);
        jdbc.sql("update penalty_case set notice_doc_id = ?, notified_on = ? where id = ?").params(d.id(), today, id).update();
        return move(user, c, CaseAction.NOTIFY, to, d.number(), Map.of("noticeNumber", d.number(), "notifiedOn", today,
                "periodEndsOn", rules.periodEnds(today, Boolean.TRUE.equals(c.hearingRight()))));
    }

    /** The party asks for a hearing (行政处罚法 第六十四条), or an officer records that it asked. */
    public PenaltyCase requestHearing(AnjianUser user, UUID id) {
        PenaltyCase c = locked(user, id);
        if (!user.scope().isEnterprise(c.enterpriseId()) || !user.hasRole(Role.ENTERPRISE_USER)) {
            requireWriter(user, c);
        }
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.REQUEST_HEARING);
        rules.requireHearingRequestInTime(c.notifiedOn(), Boolean.TRUE.equals(c.hearingRight()), today());
        jdbc.sql("insert into penalty_hearing (case_id, requested_by, requested_at) values (?, ?, ?)").params(id, user.displayName(), now()).update();
        return move(user, c, CaseAction.REQUEST_HEARING, to, null, Map.of());
    }

    public PenaltyCase recordHearing(AnjianUser user, UUID id, Hearing h) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.RECORD_HEARING);
        List<FieldError> errors = new ArrayList<>();
        if (h.heldOn() == null || h.heldOn().isAfter(today())) {
            errors.add(new FieldError("heldOn", "penalty.hearing.heldOn", "请填写听证日期（不得晚于今天）"));
        }
        Optional<UserSummary> presiding = h.presidingOfficerId() == null ? Optional.empty() : users.user(h.presidingOfficerId());
        if (presiding.isEmpty()) {
            errors.add(new FieldError("presidingOfficerId", "penalty.hearing.presiding", "请选择听证主持人"));
        }
        if (h.summary() == null || h.summary().isBlank() || h.summary().length() > 10000) {
            errors.add(new FieldError("summary", "shared.validation.required", "必填"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (c.handledBy(h.presidingOfficerId())) {
            throw DomainException.conflict("penalty.hearing.presidingHandler", "听证由非本案调查人员主持");
        }
        jdbc.sql("update penalty_hearing set held_on = ?, presiding_officer_id = ?, presiding_officer = ?, summary = ? where case_id = ?")
                .params(h.heldOn(), h.presidingOfficerId(), presiding.get().displayName(), h.summary().strip(), id).update();
        return move(user, c, CaseAction.RECORD_HEARING, to, h.summary().strip(), Map.of("heldOn", h.heldOn(), "presidingOfficer",
                presiding.get().displayName()));
    }

    public PenaltyCase decide(AnjianUser user, UUID id) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.DECIDE);
        if (c.state() == CaseState.NOTIFIED) {
            rules.requirePeriodOver(c.notifiedOn(), Boolean.TRUE.equals(c.hearingRight()), today());
        }
        EnterpriseSummary e = enterprise(c);
        String noticeNumber = issuer.find(c.noticeDocumentId()).map(IssuedDocument::number).orElse("");
        String hearingSummary = c.state() == CaseState.HEARD
                ? jdbc.sql("select summary from penalty_hearing where case_id = ?").param(id).query(String.class).single() : null;
        IssuedDocument d = issuer.issue(user, new DocumentRequest(DocumentKind.PENALTY_DECISION, c.enterpriseId(), c.inspectionId(), id, null),
                (number, today) -> documents.decision(issuer.authority(), number, today, c, e, noticeNumber, hearingSummary));
        LocalDate decidedOn = LocalDate.ofInstant(d.issuedAt(), SHANGHAI);
        jdbc.sql("update penalty_case set decision_doc_id = ?, decision_number = ?, decided_at = ?, decided_on = ? where id = ?")
                .params(d.id(), d.number(), OffsetDateTime.ofInstant(d.issuedAt(), ZoneOffset.UTC), decidedOn, id).update();
        PenaltyCase decided = move(user, c, CaseAction.DECIDE, to, d.number(), Map.of("decisionNumber", d.number(), "fineYuan", c.fine(),
                "measures", c.measures()));
        events.publishEvent(new PenaltyDecided(id, c.enterpriseId(), c.inspectionId(), c.handlerIds(), c.fine(), d.issuedAt(), decidedOn, d.number(),
                d.id(), c.categories()));
        return decided;
    }

    public PaymentRecord pay(AnjianUser user, UUID id, Payment p) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.RECORD_PAYMENT);
        if (c.fine() == 0) {
            throw DomainException.conflict("penalty.payment.noFine", "the decision has no fine");
        }
        long paid = payments(id).stream().mapToLong(PaymentRecord::amountYuan).sum();
        List<FieldError> errors = new ArrayList<>();
        if (p.amountYuan() == null || p.amountYuan() <= 0) {
            errors.add(new FieldError("amountYuan", "penalty.payment.amount", "缴款金额须为正整数（元）"));
        } else if (paid + p.amountYuan() > c.fine()) {
            errors.add(new FieldError("amountYuan", "penalty.payment.exceeds", "缴款合计超过罚款金额"));
        }
        if (p.paidOn() == null || p.paidOn().isAfter(today()) || p.paidOn().isBefore(c.decidedOn())) {
            errors.add(new FieldError("paidOn", "penalty.payment.paidOn", "缴款日期须在决定之日至今天之间"));
        }
        if (p.receiptNo() == null || p.receiptNo().isBlank() || p.receiptNo().length() > 64) {
            errors.add(new FieldError("receiptNo", "shared.validation.required", "必填"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID pid = UUID.randomUUID();
        jdbc.sql("insert into penalty_payment (id, case_id, amount_yuan, paid_on, receipt_no, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(pid, id, p.amountYuan(), p.paidOn(), p.receiptNo().strip(), user.displayName(), now()).update();
        move(user, c, CaseAction.RECORD_PAYMENT, to, Labels.yuan(p.amountYuan()) + " 元 · " + p.receiptNo().strip(),
                Map.of("amountYuan", p.amountYuan(), "paidOn", p.paidOn(), "receiptNo", p.receiptNo().strip(), "paidTotal", paid + p.amountYuan()));
        return new PaymentRecord(pid, p.amountYuan(), p.paidOn(), p.receiptNo().strip(), user.displayName());
    }

    public PenaltyCase applyEnforcement(AnjianUser user, UUID id, EnforcementApplication a) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.APPLY_ENFORCEMENT);
        List<FieldError> errors = new ArrayList<>();
        if (a.court() == null || a.court().isBlank() || a.court().length() > 100) {
            errors.add(new FieldError("court", "shared.validation.required", "必填"));
        }
        if (a.appliedOn() == null || a.appliedOn().isAfter(today()) || a.appliedOn().isBefore(c.decidedOn())) {
            errors.add(new FieldError("appliedOn", "penalty.enforcement.appliedOn", "申请日期须在决定之日至今天之间"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        jdbc.sql("insert into penalty_enforcement (id, case_id, court, applied_on, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, a.court().strip(), a.appliedOn(), blank(a.note()), user.displayName(), now()).update();
        return move(user, c, CaseAction.APPLY_ENFORCEMENT, to, a.court().strip(), Map.of("court", a.court().strip(), "appliedOn", a.appliedOn()));
    }

    /** 结案: only when the fine is paid in full or the court was asked to enforce it, or there is no fine and the other measures were carried out. */
    public PenaltyCase close(AnjianUser user, UUID id, String measuresDone) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.CLOSE);
        if (c.fine() > 0) {
            long paid = payments(id).stream().mapToLong(PaymentRecord::amountYuan).sum();
            boolean enforced = jdbc.sql("select count(*) from penalty_enforcement where case_id = ?").param(id).query(Long.class).single() > 0;
            if (paid < c.fine() && !enforced) {
                throw DomainException.conflict("penalty.close.unpaid", "the fine is not paid in full and no court enforcement was applied for",
                        Labels.yuan(paid), Labels.yuan(c.fine()));
            }
        } else if (measuresDone == null || measuresDone.isBlank()) {
            throw DomainException.invalid("measuresDone", "penalty.close.measuresDone", "请记录处罚措施的执行情况");
        }
        if (measuresDone != null && !measuresDone.isBlank()) {
            jdbc.sql("update penalty_case set measures_done = ? where id = ?").params(measuresDone.strip(), id).update();
        }
        return move(user, c, CaseAction.CLOSE, to, blank(measuresDone), Map.of());
    }

    public PenaltyCase noPenalty(AnjianUser user, UUID id, String reason) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.NO_PENALTY);
        if (reason == null || reason.isBlank() || reason.length() > 5000) {
            throw DomainException.invalid("reason", "penalty.noPenalty.reason", "请填写不予处罚的理由");
        }
        jdbc.sql("update penalty_case set outcome_reason = ? where id = ?").params(reason.strip(), id).update();
        return move(user, c, CaseAction.NO_PENALTY, to, reason.strip(), Map.of("reason", reason.strip()));
    }

    /** 行刑衔接: the case goes to the public security organs and the administrative case ends. */
    public PenaltyCase transfer(AnjianUser user, UUID id, Transfer t) {
        PenaltyCase c = forWriting(user, id);
        CaseState to = CaseStateMachine.next(c.state(), CaseAction.TRANSFER);
        List<FieldError> errors = new ArrayList<>();
        if (t.organ() == null || t.organ().isBlank() || t.organ().length() > 100) {
            errors.add(new FieldError("organ", "shared.validation.required", "必填"));
        }
        if (t.transferredOn() == null || t.transferredOn().isAfter(today())) {
            errors.add(new FieldError("transferredOn", "penalty.transfer.date", "请填写移送日期（不得晚于今天）"));
        }
        if (t.reason() == null || t.reason().isBlank() || t.reason().length() > 5000) {
            errors.add(new FieldError("reason", "shared.validation.required", "必填"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        jdbc.sql("insert into penalty_transfer (case_id, organ, transferred_on, reason, recorded_by) values (?, ?, ?, ?, ?)")
                .params(id, t.organ().strip(), t.transferredOn(), t.reason().strip(), user.displayName()).update();
        jdbc.sql("update penalty_case set outcome_reason = ? where id = ?").params(t.reason().strip(), id).update();
        return move(user, c, CaseAction.TRANSFER, to, t.organ().strip(), Map.of("organ", t.organ().strip(), "transferredOn", t.transferredOn()));
    }

    // ---- public disclosure and analysis --------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<PenaltyCase> published(PageRequest page) {
        long total = jdbc.sql("select count(*) from penalty_case where state in ('DECIDED', 'EXECUTING', 'CLOSED')").query(Long.class).single();
        List<PenaltyCase> items = jdbc.sql("""
                        select * from penalty_case where state in ('DECIDED', 'EXECUTING', 'CLOSED')
                        order by decided_at desc, id limit ? offset ?""").params(page.size(), page.offset()).query(this::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public List<PenaltyCase> decidedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select * from penalty_case where state in ('DECIDED', 'EXECUTING', 'CLOSED') and decided_on between ? and ?
                order by decided_on, id""").params(from, to).query(this::map).list();
    }

    /** Open cases an inspector handles, cases awaiting legal review, or an enterprise's open cases: what the home page counts. */
    @Transactional(readOnly = true)
    public long openCount(AnjianUser user, boolean awaitingReview) {
        String open = " and state not in ('CLOSED', 'NO_PENALTY', 'TRANSFERRED')";
        if (awaitingReview) {
            return jdbc.sql("select count(*) from penalty_case where state = 'LEGAL_REVIEW'").query(Long.class).single();
        }
        if (user.hasRole(Role.INSPECTOR)) {
            return jdbc.sql("select count(*) from penalty_case where ? = any(handler_ids)" + open).param(user.id()).query(Long.class).single();
        }
        if (user.scope().kind() == ScopeKind.ENTERPRISE) {
            return jdbc.sql("select count(*) from penalty_case where enterprise_id = ?" + open).param(user.scope().id()).query(Long.class).single();
        }
        return 0;
    }

    @Transactional(readOnly = true)
    public String handlerNames(PenaltyCase c) {
        return String.join("、", c.handlerIds().stream().map(h -> users.user(h).map(UserSummary::displayName).orElse("—")).toList());
    }

    public List<UserSummary> certifiedInspectors() {
        return users.usersWithRole(Role.INSPECTOR).stream().filter(PenaltyCaseService::certified).toList();
    }

    public String authority() {
        return issuer.authority();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private PenaltyCase move(AnjianUser user, PenaltyCase c, CaseAction action, CaseState to, String note, Map<String, Object> details) {
        if (jdbc.sql("update penalty_case set state = ?, updated_at = ? where id = ? and state = ?").params(to.name(), now(), c.id(), c.state().name())
                .update() == 0) {
            throw DomainException.conflict("penalty.transition.refused", "the case changed meanwhile", c.state(), action);
        }
        timeline(c.id(), user.displayName(), action.name(), c.state(), to, note);
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("state", to);
        audit.record("PENALTY_" + action.name(), "penalty-case", c.id(), Map.of("state", c.state()), after);
        return find(c.id()).orElseThrow();
    }

    private void timeline(UUID id, String actor, String action, CaseState from, CaseState to, String note) {
        jdbc.sql("insert into penalty_timeline (case_id, at, actor, action, from_state, to_state, note) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, now(), actor, action, from == null ? null : from.name(), to.name(), note).update();
    }

    private PenaltyCase forWriting(AnjianUser user, UUID id) {
        PenaltyCase c = locked(user, id);
        requireWriter(user, c);
        return c;
    }

    /** The case, its row locked until the transaction ends: two officers acting at once cannot both pass the same check. */
    private PenaltyCase locked(AnjianUser user, UUID id) {
        jdbc.sql("select id from penalty_case where id = ? for update").param(id).query(UUID.class).optional();
        return get(user, id);
    }

    private static boolean isRegulator(AnjianUser user) {
        return user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);
    }

    /** Regulators read every case; an enterprise reads its own (others do not exist for it); nobody else reads any. */
    private static void requireReader(AnjianUser user, PenaltyCase c) {
        if (isRegulator(user)) {
            return;
        }
        if (user.hasRole(Role.ENTERPRISE_USER)) {
            if (user.scope().isEnterprise(c.enterpriseId())) {
                return;
            }
            throw DomainException.notFound("penalty case");
        }
        throw forbidden();
    }

    private static boolean mayWrite(AnjianUser user, PenaltyCase c) {
        return user.hasRole(Role.DISTRICT_ADMIN) || (user.hasRole(Role.INSPECTOR) && c.handledBy(user.id()));
    }

    /** 承办人 act on their cases; the district on any. */
    private static void requireWriter(AnjianUser user, PenaltyCase c) {
        if (!mayWrite(user, c)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "penalty.notHandler", "only the case's handlers act on it");
        }
    }

    private static DomainException forbidden() {
        return new DomainException(HttpStatus.FORBIDDEN, "penalty.forbidden", "forbidden");
    }

    private static boolean certified(UserSummary u) {
        return u.enabled() && u.roles().contains(Role.INSPECTOR) && u.enforcementCertNo() != null && !u.enforcementCertNo().isBlank();
    }

    private EnterpriseSummary enterprise(PenaltyCase c) {
        return enterprises.find(c.enterpriseId()).orElseThrow(() -> DomainException.notFound("enterprise"));
    }

    private List<PaymentRecord> payments(UUID id) {
        return jdbc.sql("select * from penalty_payment where case_id = ? order by paid_on, recorded_at").param(id)
                .query((rs, n) -> new PaymentRecord(rs.getObject("id", UUID.class), rs.getLong("amount_yuan"), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("receipt_no"), rs.getString("recorded_by"))).list();
    }

    Optional<PenaltyCase> find(UUID id) {
        return jdbc.sql("select * from penalty_case where id = ?").param(id).query(this::map).optional();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private PenaltyCase map(ResultSet rs, int n) throws SQLException {
        UUID enterpriseId = rs.getObject("enterprise_id", UUID.class);
        Set<ViolationCategory> categories = EnumSet.noneOf(ViolationCategory.class);
        for (String s : (String[]) rs.getArray("categories").getArray()) {
            categories.add(ViolationCategory.valueOf(s));
        }
        Set<Measure> measures = EnumSet.noneOf(Measure.class);
        if (rs.getArray("measures") != null) {
            for (String s : (String[]) rs.getArray("measures").getArray()) {
                measures.add(Measure.valueOf(s));
            }
        }
        Long fine = rs.getObject("fine_yuan", Long.class);
        Boolean hearing = rs.getObject("hearing_right", Boolean.class);
        LocalDate notifiedOn = rs.getObject("notified_on", LocalDate.class);
        return new PenaltyCase(rs.getObject("id", UUID.class), CaseState.valueOf(rs.getString("state")), CaseSource.valueOf(rs.getString("source")),
                rs.getObject("source_ref", UUID.class), rs.getObject("inspection_id", UUID.class), enterpriseId,
                enterprises.find(enterpriseId).map(EnterpriseSummary::name).orElse("—"), categories, rs.getString("facts"),
                rs.getString("responsible_person"), Arrays.asList((UUID[]) rs.getArray("handler_ids").getArray()),
                new CaseFacts(rs.getBoolean("major_hazard"), rs.getBoolean("self_reported"), rs.getBoolean("rectifying"), rs.getBoolean("hidden"),
                        rs.getBoolean("first_offence"), rs.getBoolean("minor"), rs.getBoolean("corrected_promptly"), rs.getBoolean("refused_to_rectify")),
                fine, measures, rs.getString("legal_basis"), rs.getString("discretion_rule"), rs.getString("discretion_reason"),
                rs.getObject("proposed_by", UUID.class), rs.getObject("review_required", Boolean.class), hearing, rs.getObject("notice_doc_id", UUID.class),
                notifiedOn, notifiedOn == null ? null : rules.periodEnds(notifiedOn, Boolean.TRUE.equals(hearing)),
                rs.getObject("decision_doc_id", UUID.class), rs.getString("decision_number"), instant(rs, "decided_at"),
                rs.getObject("decided_on", LocalDate.class), rs.getString("measures_done"), rs.getString("outcome_reason"), rs.getString("filed_by"),
                instant(rs, "filed_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
