package org.anjian.penalty.internal;

import org.anjian.shared.config.DistrictProperties;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.DocumentKind;
import org.anjian.inspection.EnforcementDocumentIssuer;
import org.anjian.inspection.EnforcementDocumentIssuer.DocumentRequest;
import org.anjian.inspection.EnforcementDocumentIssuer.IssuedDocument;
import org.anjian.inspection.InspectionRecords;
import org.anjian.inspection.RectificationOrderEscalated;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.PenaltyDecided;
import org.anjian.penalty.domain.CaseAccess;
import org.anjian.penalty.domain.CaseAction;
import org.anjian.penalty.domain.CaseEvent;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.CaseSource;
import org.anjian.penalty.domain.CaseState;
import org.anjian.penalty.domain.DiscretionRule;
import org.anjian.penalty.domain.Measure;
import org.anjian.penalty.domain.PenaltyCase;
import org.anjian.penalty.domain.PenaltyProcedure;
import org.anjian.penalty.domain.PenaltyRules;
import org.anjian.penalty.domain.ProcedureViolation;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penalty cases (ENF-5) through their life cycle. Each action checks who may act on this case,
 * loads the {@link PenaltyCase} (its row locked), asks it to act — the case guards its state and
 * the rules of {@link PenaltyProcedure} — saves it, and records what it registered: a timeline row
 * and an audit entry per step, {@link PenaltyDecided} for the other modules.
 */
@Service
@Transactional
public class PenaltyCaseService {


    private final PenaltyCaseRepository repository;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final InspectionRecords inspections;
    private final EnforcementDocumentIssuer issuer;
    private final PenaltyDocuments documents;
    private final DiscretionRules discretion;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PenaltyProcedure procedure;

    private final ZoneId zone;
    PenaltyCaseService(PenaltyCaseRepository repository, EnterpriseLookup enterprises, UserDirectory users, InspectionRecords inspections,
                       EnforcementDocumentIssuer issuer, PenaltyDocuments documents, DiscretionRules discretion, AuditTrail audit,
                       ApplicationEventPublisher events, Clock clock,
                       PenaltyProperties properties, DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
        this.enterprises = enterprises;
        this.users = users;
        this.inspections = inspections;
        this.issuer = issuer;
        this.documents = documents;
        this.discretion = discretion;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.procedure = new PenaltyProcedure(new PenaltyRules(properties.legalReview().fineThresholdYuan(), properties.hearing().fineThresholdYuan(),
                properties.hearing().requestDays(), properties.statementDays()));
    }

    public PenaltyRules rules() {
        return procedure.rules();
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

    /** {@code year} is the year a case was filed (立案); {@code decidedYear} the year its decision was made, as the indicators count them. */
    public record Filter(CaseState state, UUID enterpriseId, Integer year, UUID handlerId, Integer decidedYear) {

        public Filter(CaseState state, UUID enterpriseId, Integer year, UUID handlerId) {
            this(state, enterpriseId, year, handlerId, null);
        }
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

    public record Detail(PenaltyCaseView penaltyCase, List<Handler> handlers, Recommendation recommendation, Set<CaseAction> nextActions,
                         List<TimelineEntry> timeline, List<InvestigationRecord> investigation, List<LegalReview> reviews, HearingRecord hearing,
                         List<PaymentRecord> payments, long paidYuan, List<EnforcementRecord> enforcement, TransferRecord transfer,
                         List<IssuedDocument> documents) {
    }

    /** A filing drafted from an inspection: its enterprise, its inspectors as handlers, its findings' categories and facts, their circumstances. */
    public record InspectionDraft(UUID inspectionId, UUID enterpriseId, String enterpriseName, String creditCode, Set<ViolationCategory> categories,
                                  String facts, List<UUID> handlerIds, CaseFacts circumstances) {
    }

    // ---- reading -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<PenaltyCaseView> search(AnjianUser user, Filter f, PageRequest page) {
        CaseAccess access = access(user);
        if (!access.mayList()) {
            throw forbidden();
        }
        PenaltyCaseRepository.Criteria k = new PenaltyCaseRepository.Criteria(access.ownEnterprise(), f.state(), f.enterpriseId(), f.year(),
                f.handlerId(), f.decidedYear());
        List<PenaltyCase> rows = repository.search(k, page);
        // the page's enterprise names in one look-up, not one per case
        Map<UUID, EnterpriseSummary> names = enterprises.findAll(rows.stream().map(PenaltyCase::enterpriseId).toList());
        return new PageResult<>(rows.stream().map(c -> view(c, names)).toList(), repository.count(k), page.page(), page.size())
                .withNext(v -> org.anjian.shared.web.Cursor.of(v.filedAt(), v.id()));
    }

    @Transactional(readOnly = true)
    public PenaltyCaseView get(AnjianUser user, UUID id) {
        return view(read(user, id));
    }

    @Transactional(readOnly = true)
    public Detail detail(AnjianUser user, UUID id) {
        PenaltyCase c = read(user, id);
        PenaltyCaseView v = view(c);
        CaseAccess access = access(user);
        List<Handler> handlers = c.handlerIds().stream().map(h -> users.user(h)
                .map(u -> new Handler(u.id(), u.displayName(), u.enforcementCertNo())).orElse(new Handler(h, "—", null))).toList();
        Recommendation rec = discretion.recommend(v.circumstances()).map(Recommendation::of).orElse(null);
        List<TimelineEntry> timeline = repository.timeline(id).stream().map(t -> access.seesTheNoteOf(t.action()) ? t
                : new TimelineEntry(t.at(), t.actor(), t.action(), t.from(), t.to(), null)).toList();
        List<InvestigationRecord> investigation = access.seesTheCaseFile() ? repository.investigation(id) : List.of();
        List<LegalReview> reviews = access.seesTheCaseFile() ? repository.reviews(id) : List.of();
        List<PaymentRecord> payments = repository.payments(id);
        return new Detail(v, handlers, rec, access.nextActions(c), timeline, investigation, reviews, repository.hearing(id).orElse(null), payments,
                payments.stream().mapToLong(PaymentRecord::amountYuan).sum(), repository.enforcement(id), repository.transfer(id).orElse(null),
                issuer.ofCase(id));
    }

    /** What the filing form shows for an inspection: the enterprise, the inspectors, the findings, and the circumstances they make. */
    @Transactional(readOnly = true)
    public InspectionDraft draftFromInspection(AnjianUser user, UUID inspectionId) {
        requireFiler(user);
        InspectionRecords.InspectionFacts i = inspections.facts(user, inspectionId);
        Set<ViolationCategory> categories = EnumSet.noneOf(ViolationCategory.class);
        StringBuilder facts = new StringBuilder("经查，你单位存在下列违法行为：");
        int n = 1;
        for (InspectionRecords.FindingFact f : i.findings()) {
            if (f.category() != null) {
                categories.add(f.category());
            }
            facts.append("\n").append(n++).append(". ").append(f.place()).append("：").append(f.description());
            if (f.legalBasis() != null) {
                facts.append("（违反").append(f.legalBasis()).append("）");
            }
        }
        facts.append("\n以上事实有现场检查记录、现场照片等证据证实。");
        String code = enterprises.find(i.enterpriseId()).map(EnterpriseSummary::creditCode).orElse("");
        return new InspectionDraft(inspectionId, i.enterpriseId(), i.enterpriseName(), code, categories, facts.toString(), i.inspectorIds(),
                PenaltyProcedure.circumstancesOfAnInspection(cited(i).foundAMajorHazard()));
    }

    // ---- filing ------------------------------------------------------------------------------

    /**
     * 立案, from the API and the page alike. A case citing an inspection is against that
     * inspection's enterprise; given no circumstances, it takes those of the inspection's findings.
     */
    public PenaltyCaseView file(AnjianUser user, NewCase n) {
        requireFiler(user);
        boolean enterpriseKnown = n.enterpriseId() != null && enterprises.find(n.enterpriseId()).isPresent();
        PenaltyCase.CitedInspection cited = enterpriseKnown && n.inspectionId() != null ? cited(inspections.facts(user, n.inspectionId())) : null;
        PenaltyCase c = domain(() -> PenaltyCase.file(UUID.randomUUID(), new PenaltyCase.Filing(n.source(), n.inspectionId(), n.orderId(),
                        n.enterpriseId(), n.categories(), n.facts(), n.responsiblePerson(), n.handlerIds(), n.circumstances()), enterpriseKnown,
                handler -> users.user(handler).filter(PenaltyCaseService::certified).isPresent(), cited, user.getUsername(), clock.instant()));
        if (!add(c, user.displayName())) {
            throw DomainException.conflict("penalty.orderAlreadyFiled", "a case was already filed for this order");
        }
        return current(c.id());
    }

    /** A re-inspection found the order not carried out: file a case, once per order however often this arrives. */
    @ApplicationModuleListener
    void on(RectificationOrderEscalated escalated) {
        String text = "你单位未按《责令限期整改指令书》（" + escalated.orderNumber() + "）要求完成整改。复查意见：" + escalated.opinion();
        add(PenaltyCase.fileForAnOrderNotCarriedOut(UUID.randomUUID(), escalated.orderId(), escalated.inspectionId(), escalated.enterpriseId(),
                escalated.categories(), text, escalated.inspectorIds(), clock.instant()), "系统（整改复查未通过）");
    }

    private boolean add(PenaltyCase c, String actor) {
        if (!repository.add(c, actor, clock.instant())) {
            return false;
        }
        recordEvents(c);
        return true;
    }

    // ---- the life cycle ----------------------------------------------------------------------

    public InvestigationRecord investigate(AnjianUser user, UUID id, NewInvestigationRecord r) {
        UUID recordId = act(user, forWriting(user, id), c -> c.investigate(r.kind(), r.content(), r.takenAt(), clock.instant()));
        return new InvestigationRecord(recordId, r.kind(), r.content().strip(), r.takenAt(), user.displayName());
    }

    public PenaltyCaseView propose(AnjianUser user, UUID id, Proposal p) {
        PenaltyCase c = forWriting(user, id);
        List<DiscretionRule> table = discretion.all();
        return step(user, c, k -> k.propose(p.fineYuan(), p.measures(), p.legalBasis(), p.discretionReason(), p.circumstances(),
                table, user.id(), procedure));
    }

    public PenaltyCaseView submitReview(AnjianUser user, UUID id) {
        return step(user, forWriting(user, id), PenaltyCase::submitForReview);
    }

    /** 法制审核: a district administrator who neither handles nor proposed the case approves it or returns it with an opinion. */
    public PenaltyCaseView decideReview(AnjianUser user, UUID id, Boolean approved, String opinion) {
        PenaltyCase c = locked(user, id);
        if (!access(user).mayDecideReviews()) {
            throw new DomainException(HttpStatus.FORBIDDEN, "penalty.review.forbidden", "only the legal section reviews");
        }
        return step(user, c, k -> k.decideReview(user.id(), approved, opinion));
    }

    public PenaltyCaseView notice(AnjianUser user, UUID id) {
        PenaltyCase c = forWriting(user, id);
        PenaltyCaseView v = view(c);
        return step(user, c, k -> k.notifyParty(procedure, () -> issue(user, v, DocumentKind.PENALTY_NOTICE,
                e -> (number, today) -> documents.notice(issuer.authority(), number, today, v, e, procedure.rules()))));
    }

    /** The party asks for a hearing (行政处罚法 第六十四条), or an officer records that it asked. */
    public PenaltyCaseView requestHearing(AnjianUser user, UUID id) {
        PenaltyCase c = locked(user, id);
        if (!access(user).mayRequestHearing(c.enterpriseId(), c.handlerIds())) {
            requireWriter(user, c);
        }
        return step(user, c, k -> k.requestHearing(today(), procedure));
    }

    public PenaltyCaseView recordHearing(AnjianUser user, UUID id, Hearing h) {
        PenaltyCase c = forWriting(user, id);
        String presiding = h.presidingOfficerId() == null ? null : users.user(h.presidingOfficerId()).map(UserSummary::displayName).orElse(null);
        return step(user, c, k -> k.recordHearing(h.heldOn(), h.presidingOfficerId(), presiding, h.summary(), today()));
    }

    public PenaltyCaseView decide(AnjianUser user, UUID id) {
        PenaltyCase c = forWriting(user, id);
        PenaltyCaseView v = view(c);
        return step(user, c, k -> k.decide(today(), procedure, () -> {
            String noticeNumber = issuer.find(v.noticeDocumentId()).map(IssuedDocument::number).orElse("");
            String hearingSummary = v.state() == CaseState.HEARD ? repository.hearing(id).map(HearingRecord::summary).orElseThrow() : null;
            return issue(user, v, DocumentKind.PENALTY_DECISION,
                    e -> (number, today) -> documents.decision(issuer.authority(), number, today, v, e, noticeNumber, hearingSummary));
        }));
    }

    public PaymentRecord pay(AnjianUser user, UUID id, Payment p) {
        UUID paymentId = act(user, forWriting(user, id), c -> c.recordPayment(p.amountYuan(), p.paidOn(), p.receiptNo(), today()));
        return new PaymentRecord(paymentId, p.amountYuan(), p.paidOn(), p.receiptNo().strip(), user.displayName());
    }

    public PenaltyCaseView applyEnforcement(AnjianUser user, UUID id, EnforcementApplication a) {
        return step(user, forWriting(user, id), c -> c.applyForEnforcement(a.court(), a.appliedOn(), a.note(), today()));
    }

    /** 结案: only when the fine is paid in full or the court was asked to enforce it, or there is no fine and the other measures were carried out. */
    public PenaltyCaseView close(AnjianUser user, UUID id, String measuresDone) {
        return step(user, forWriting(user, id), c -> c.close(measuresDone));
    }

    public PenaltyCaseView noPenalty(AnjianUser user, UUID id, String reason) {
        return step(user, forWriting(user, id), c -> c.decideNoPenalty(reason));
    }

    /** 行刑衔接: the case goes to the public security organs and the administrative case ends. */
    public PenaltyCaseView transfer(AnjianUser user, UUID id, Transfer t) {
        return step(user, forWriting(user, id), c -> c.transfer(t.organ(), t.transferredOn(), t.reason(), today()));
    }

    // ---- public disclosure and analysis --------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<PenaltyCaseView> published(PageRequest page) {
        return new PageResult<>(repository.decided(page).stream().map(this::view).toList(), repository.countDecided(), page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public List<PenaltyCaseView> decidedBetween(LocalDate from, LocalDate to) {
        return repository.decidedBetween(from, to).stream().map(this::view).toList();
    }

    /** Open cases an inspector handles, cases awaiting legal review, or an enterprise's open cases: what the home page counts. */
    @Transactional(readOnly = true)
    public long openCount(AnjianUser user, boolean awaitingReview) {
        CaseAccess access = access(user);
        if (awaitingReview) {
            return repository.countIn(CaseState.LEGAL_REVIEW);
        }
        if (access.roles().contains(Role.INSPECTOR)) {
            return repository.countOpenHandledBy(user.id());
        }
        if (access.scope().kind() == ScopeKind.ENTERPRISE) {
            return repository.countOpenOf(access.scope().id());
        }
        return 0;
    }

    @Transactional(readOnly = true)
    public String handlerNames(PenaltyCaseView c) {
        return String.join("、", c.handlerIds().stream().map(h -> users.user(h).map(UserSummary::displayName).orElse("—")).toList());
    }

    public List<UserSummary> certifiedInspectors() {
        return users.usersWithRole(Role.INSPECTOR).stream().filter(PenaltyCaseService::certified).toList();
    }

    /** Who may preside the case's hearing: certified inspectors who did not investigate it. */
    public List<UserSummary> presidingOfficerCandidates(PenaltyCaseView c) {
        return certifiedInspectors().stream().filter(u -> PenaltyProcedure.mayPresideTheHearing(c.handlerIds(), u.id())).toList();
    }

    public String authority() {
        return issuer.authority();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Asks the case to act, saves it and records what it registered; a refusal of the procedure becomes the module's problem. */
    private <T> T act(AnjianUser user, PenaltyCase c, Function<PenaltyCase, T> action) {
        T result = domain(() -> action.apply(c));
        repository.save(c, user.displayName(), clock.instant());
        recordEvents(c);
        return result;
    }

    private PenaltyCaseView step(AnjianUser user, PenaltyCase c, java.util.function.Consumer<PenaltyCase> action) {
        act(user, c, k -> {
            action.accept(k);
            return null;
        });
        return current(c.id());
    }

    private static <T> T domain(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcedureViolation v) {
            throw ProcedureProblems.of(v);
        }
    }

    /** An audit entry per step, the decision for the other modules. */
    private void recordEvents(PenaltyCase c) {
        for (Object e : c.events()) {
            if (e instanceof CaseEvent.Filed f) {
                audit.record("PENALTY_CASE_FILED", "penalty-case", f.caseId(), null, Map.of("state", CaseState.FILED, "source", f.source(),
                        "enterpriseId", f.enterpriseId(), "handlers", f.handlerIds(), "categories", f.categories()));
            } else if (e instanceof CaseEvent.Moved m) {
                Map<String, Object> after = new LinkedHashMap<>(m.details());
                after.put("state", m.to());
                audit.record("PENALTY_" + m.action().name(), "penalty-case", m.caseId(), Map.of("state", m.from()), after);
            } else if (e instanceof PenaltyDecided d) {
                events.publishEvent(d);
            }
        }
        c.clearEvents();
    }

    /** Issues a numbered document of the case, rendered for its enterprise. */
    private PenaltyCase.IssuedDocument issue(AnjianUser user, PenaltyCaseView v, DocumentKind kind,
                                             Function<EnterpriseSummary, java.util.function.BiFunction<String, LocalDate, byte[]>> renderer) {
        EnterpriseSummary e = enterprises.find(v.enterpriseId()).orElseThrow(() -> DomainException.notFound("enterprise"));
        IssuedDocument d = issuer.issue(user, new DocumentRequest(kind, v.enterpriseId(), v.inspectionId(), v.id(), null), renderer.apply(e));
        return new PenaltyCase.IssuedDocument(d.id(), d.number(), d.issuedAt(), LocalDate.ofInstant(d.issuedAt(), zone));
    }

    private static PenaltyCase.CitedInspection cited(InspectionRecords.InspectionFacts i) {
        return new PenaltyCase.CitedInspection(i.inspectionId(), i.enterpriseId(), i.findings().stream().anyMatch(InspectionRecords.FindingFact::major));
    }

    private PenaltyCase read(AnjianUser user, UUID id) {
        PenaltyCase c = repository.find(id).orElseThrow(() -> DomainException.notFound("penalty case"));
        requireReader(user, c);
        return c;
    }

    private PenaltyCase forWriting(AnjianUser user, UUID id) {
        PenaltyCase c = locked(user, id);
        requireWriter(user, c);
        return c;
    }

    /** The case, its row locked until the transaction ends: two officers acting at once cannot both pass the same check. */
    private PenaltyCase locked(AnjianUser user, UUID id) {
        PenaltyCase c = repository.lock(id).orElseThrow(() -> DomainException.notFound("penalty case"));
        requireReader(user, c);
        return c;
    }

    private PenaltyCaseView current(UUID id) {
        return view(repository.find(id).orElseThrow());
    }

    private PenaltyCaseView view(PenaltyCase c) {
        PenaltyCase.Snapshot s = c.snapshot();
        return PenaltyCaseView.of(s, enterprises.find(s.enterpriseId()).map(EnterpriseSummary::name).orElse("—"),
                s.notifiedOn() == null ? null : procedure.periodEnds(s.notifiedOn(), Boolean.TRUE.equals(s.hearingRight())));
    }

    private PenaltyCaseView view(PenaltyCase c, Map<UUID, EnterpriseSummary> enterprisesById) {
        PenaltyCase.Snapshot s = c.snapshot();
        EnterpriseSummary e = enterprisesById.get(s.enterpriseId());
        return PenaltyCaseView.of(s, e == null ? "—" : e.name(),
                s.notifiedOn() == null ? null : procedure.periodEnds(s.notifiedOn(), Boolean.TRUE.equals(s.hearingRight())));
    }

    private static CaseAccess access(AnjianUser user) {
        return new CaseAccess(user.id(), user.roles(), user.scope());
    }

    /** Regulators read every case; an enterprise reads its own (others do not exist for it); nobody else reads any. */
    private static void requireReader(AnjianUser user, PenaltyCase c) {
        switch (access(user).reading(c.enterpriseId())) {
            case HIDDEN -> throw DomainException.notFound("penalty case");
            case FORBIDDEN -> throw forbidden();
            default -> {
                // allowed
            }
        }
    }

    /** 承办人 act on their cases; the district on any. */
    private static void requireWriter(AnjianUser user, PenaltyCase c) {
        if (!access(user).mayAct(c.handlerIds())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "penalty.notHandler", "only the case's handlers act on it");
        }
    }

    private static void requireFiler(AnjianUser user) {
        if (!access(user).mayFile()) {
            throw forbidden();
        }
    }

    private static DomainException forbidden() {
        return new DomainException(HttpStatus.FORBIDDEN, "penalty.forbidden", "forbidden");
    }

    private static boolean certified(UserSummary u) {
        return PenaltyProcedure.holdsAnEnforcementCertificate(u.enabled(), u.roles(), u.enforcementCertNo());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
