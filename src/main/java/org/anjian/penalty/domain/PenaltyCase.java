package org.anjian.penalty.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.PenaltyDecided;

/**
 * A penalty case (行政处罚案件, ENF-5) as an aggregate: every action asks the
 * {@link CaseStateMachine} whether the case's state allows it, then the rules of
 * {@link PenaltyProcedure}, then changes the case and registers what happened ({@link CaseEvent}s,
 * and {@link PenaltyDecided} when a decision is issued). Who may act is not its concern; the
 * service checks that before it asks the case.
 */
public class PenaltyCase {

    private static final Set<String> INVESTIGATION_KINDS = Set.of("INQUIRY", "INSPECTION", "EVIDENCE");
    private static final long MAX_FINE_YUAN = 100_000_000;

    /** The case as stored, with what its closing depends on: the payments so far and whether the court was asked to enforce. */
    public record Snapshot(UUID id, CaseState state, CaseSource source, UUID sourceRef, UUID inspectionId, UUID enterpriseId,
                           Set<ViolationCategory> categories, String facts, String responsiblePerson, List<UUID> handlerIds, CaseFacts circumstances,
                           Long fineYuan, Set<Measure> measures, String legalBasis, String discretionRule, String discretionReason, UUID proposedBy,
                           Boolean reviewRequired, Boolean hearingRight, UUID noticeDocumentId, LocalDate notifiedOn, UUID decisionDocumentId,
                           String decisionNumber, Instant decidedAt, LocalDate decidedOn, String measuresDone, String outcomeReason, String filedBy,
                           Instant filedAt, Instant updatedAt, long paidYuan, boolean enforcementApplied) {
    }

    /** What an officer files (立案). */
    public record Filing(CaseSource source, UUID inspectionId, UUID orderId, UUID enterpriseId, Set<ViolationCategory> categories, String facts,
                         String responsiblePerson, List<UUID> handlerIds, CaseFacts circumstances) {
    }

    /** The inspection a filing cites, as far as the filing rules look at it. */
    public record CitedInspection(UUID inspectionId, UUID enterpriseId, boolean foundAMajorHazard) {
    }

    /** A numbered document (告知书, 决定书) issued for the case: its id, number, when and on which local day. */
    public record IssuedDocument(UUID id, String number, Instant issuedAt, LocalDate issuedOn) {
    }

    private final UUID id;
    private CaseState state;
    private final CaseSource source;
    private final UUID sourceRef;
    private final UUID inspectionId;
    private final UUID enterpriseId;
    private final Set<ViolationCategory> categories;
    private final String facts;
    private final String responsiblePerson;
    private final List<UUID> handlerIds;
    private CaseFacts circumstances;
    private Long fineYuan;
    private Set<Measure> measures;
    private String legalBasis;
    private String discretionRule;
    private String discretionReason;
    private UUID proposedBy;
    private Boolean reviewRequired;
    private Boolean hearingRight;
    private UUID noticeDocumentId;
    private LocalDate notifiedOn;
    private UUID decisionDocumentId;
    private String decisionNumber;
    private Instant decidedAt;
    private LocalDate decidedOn;
    private String measuresDone;
    private String outcomeReason;
    private final String filedBy;
    private final Instant filedAt;
    private Instant updatedAt;
    private long paidYuan;
    private boolean enforcementApplied;

    private final CaseState loadedState;
    private final List<Object> events = new ArrayList<>();

    private PenaltyCase(Snapshot s) {
        this.id = s.id();
        this.state = s.state();
        this.source = s.source();
        this.sourceRef = s.sourceRef();
        this.inspectionId = s.inspectionId();
        this.enterpriseId = s.enterpriseId();
        this.categories = s.categories();
        this.facts = s.facts();
        this.responsiblePerson = s.responsiblePerson();
        this.handlerIds = List.copyOf(s.handlerIds());
        this.circumstances = s.circumstances();
        this.fineYuan = s.fineYuan();
        this.measures = s.measures();
        this.legalBasis = s.legalBasis();
        this.discretionRule = s.discretionRule();
        this.discretionReason = s.discretionReason();
        this.proposedBy = s.proposedBy();
        this.reviewRequired = s.reviewRequired();
        this.hearingRight = s.hearingRight();
        this.noticeDocumentId = s.noticeDocumentId();
        this.notifiedOn = s.notifiedOn();
        this.decisionDocumentId = s.decisionDocumentId();
        this.decisionNumber = s.decisionNumber();
        this.decidedAt = s.decidedAt();
        this.decidedOn = s.decidedOn();
        this.measuresDone = s.measuresDone();
        this.outcomeReason = s.outcomeReason();
        this.filedBy = s.filedBy();
        this.filedAt = s.filedAt();
        this.updatedAt = s.updatedAt();
        this.paidYuan = s.paidYuan();
        this.enforcementApplied = s.enforcementApplied();
        this.loadedState = s.state();
    }

    /** The case as the repository read it. */
    public static PenaltyCase restore(Snapshot s) {
        return new PenaltyCase(s);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, state, source, sourceRef, inspectionId, enterpriseId, categories, facts, responsiblePerson, handlerIds, circumstances,
                fineYuan, measures, legalBasis, discretionRule, discretionReason, proposedBy, reviewRequired, hearingRight, noticeDocumentId, notifiedOn,
                decisionDocumentId, decisionNumber, decidedAt, decidedOn, measuresDone, outcomeReason, filedBy, filedAt, updatedAt, paidYuan,
                enforcementApplied);
    }

    // ---- 立案 ------------------------------------------------------------------------------------

    /**
     * 立案 by an officer: the source names what it refers to, the enterprise exists, the cited
     * inspection inspected that enterprise, two certified inspectors handle it. Without
     * circumstances given, they are those of the cited inspection's findings.
     *
     * @param enterpriseKnown whether the enterprise exists
     * @param certified       whether a user is an inspector holding an enforcement certificate
     * @param cited           the inspection the filing cites, or null
     */
    public static PenaltyCase file(UUID id, Filing f, boolean enterpriseKnown, Predicate<UUID> certified, CitedInspection cited, String filedBy,
                                   Instant now) {
        ProcedureViolation.Problems problems = new ProcedureViolation.Problems();
        if (f.source() == null) {
            problems.add("source", "shared.validation.required", "必填");
        } else if (f.source() == CaseSource.INSPECTION) {
            problems.unless(f.inspectionId() != null, "inspectionId", "penalty.inspectionRequired", "检查发现的案件须关联检查");
        } else if (f.source() == CaseSource.ORDER_ESCALATED) {
            problems.unless(f.orderId() != null, "orderId", "penalty.orderRequired", "拒不整改的案件须关联整改指令书");
        }
        problems.unless(enterpriseKnown, "enterpriseId", "penalty.enterprise.unknown", "企业不存在");
        if (enterpriseKnown && cited != null) {
            problems.unless(PenaltyProcedure.citesAnInspectionOfTheSameEnterprise(cited.enterpriseId(), f.enterpriseId()), "enterpriseId",
                    "penalty.new.notTheInspected", "当事人与检查记录中的企业不一致");
        }
        problems.unless(f.categories() != null && !f.categories().isEmpty(), "categories", "penalty.categories.required", "请至少选择一个违法行为类别");
        problems.required(f.facts(), 5000, "facts");
        problems.unless(PenaltyProcedure.handledByTwoCertifiedInspectors(f.handlerIds(), certified), "handlerIds", "penalty.handlers.required",
                "须有至少两名持证执法人员承办");
        problems.throwIfAny();
        CaseFacts circumstances = f.circumstances() != null ? f.circumstances()
                : cited != null ? PenaltyProcedure.circumstancesOfAnInspection(cited.foundAMajorHazard()) : CaseFacts.NONE;
        return filed(id, f.source(), f.source() == CaseSource.ORDER_ESCALATED ? f.orderId() : null, f.inspectionId(), f.enterpriseId(),
                f.categories(), f.facts().strip(), blank(f.responsiblePerson()), f.handlerIds().stream().distinct().toList(), circumstances, filedBy, now);
    }

    /** 立案 because a re-inspection found a rectification order not carried out (拒不执行整改指令): the order's inspectors handle it. */
    public static PenaltyCase fileForAnOrderNotCarriedOut(UUID id, UUID orderId, UUID inspectionId, UUID enterpriseId, Set<ViolationCategory> categories,
                                                         String facts, List<UUID> inspectorIds, Instant now) {
        return filed(id, CaseSource.ORDER_ESCALATED, orderId, inspectionId, enterpriseId,
                categories.isEmpty() ? EnumSet.of(ViolationCategory.OTHER) : EnumSet.copyOf(categories), facts.strip(), null, inspectorIds,
                new CaseFacts(false, false, false, false, false, false, false, true), "system", now);
    }

    private static PenaltyCase filed(UUID id, CaseSource source, UUID sourceRef, UUID inspectionId, UUID enterpriseId, Set<ViolationCategory> categories,
                                     String facts, String responsiblePerson, List<UUID> handlers, CaseFacts circumstances, String filedBy, Instant now) {
        Set<ViolationCategory> sorted = EnumSet.copyOf(categories);
        PenaltyCase c = new PenaltyCase(new Snapshot(id, CaseState.FILED, source, sourceRef, inspectionId, enterpriseId, sorted, facts, responsiblePerson,
                handlers, circumstances, null, EnumSet.noneOf(Measure.class), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, filedBy, now, now, 0, false));
        c.events.add(new CaseEvent.Filed(id, source, enterpriseId, c.handlerIds, sorted));
        return c;
    }

    // ---- the life cycle --------------------------------------------------------------------------

    /** 调查取证: an inquiry, inspection or evidence record; the first one starts the investigation. */
    public UUID investigate(String kind, String content, Instant takenAt, Instant now) {
        CaseState to = CaseStateMachine.next(state, CaseAction.INVESTIGATE);
        new ProcedureViolation.Problems()
                .unless(kind != null && INVESTIGATION_KINDS.contains(kind), "kind", "penalty.investigation.kind", "请选择询问、勘验检查或证据")
                .required(content, 10000, "content")
                .unless(takenAt != null && !takenAt.isAfter(now), "takenAt", "penalty.investigation.takenAt", "请填写取证时间（不得晚于现在）")
                .throwIfAny();
        UUID recordId = UUID.randomUUID();
        events.add(new CaseEvent.InvestigationRecorded(id, recordId, kind, content.strip(), takenAt));
        move(CaseAction.INVESTIGATE, to, kind, Map.of("recordId", recordId, "kind", kind));
        return recordId;
    }

    /**
     * 拟处罚意见: the fine (a fine above nothing is a 罚款 measure), the measures, the legal basis; the
     * discretion table recommends a band for the circumstances, and a fine outside it needs a reason.
     * Whether the decision needs legal review and gives a right to a hearing follows from the penalty.
     */
    public void propose(Long fine, Set<Measure> measuresProposed, String basis, String reason, CaseFacts facts, List<DiscretionRule> discretion,
                        UUID proposer, PenaltyProcedure procedure) {
        CaseState to = CaseStateMachine.next(state, CaseAction.PROPOSE);
        CaseFacts circumstancesNow = facts != null ? facts : circumstances;
        Set<Measure> m = measuresProposed == null || measuresProposed.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(measuresProposed);
        long f = fine == null ? -1 : fine;
        ProcedureViolation.Problems problems = new ProcedureViolation.Problems();
        if (f < 0 || f > MAX_FINE_YUAN) {
            problems.add("fineYuan", "penalty.proposal.fine", "罚款金额须为 0 或正整数（元）");
        } else if (f > 0) {
            m.add(Measure.FINE);
        } else {
            problems.unless(!m.contains(Measure.FINE), "fineYuan", "penalty.proposal.fine", "罚款金额须为 0 或正整数（元）");
        }
        problems.unless(!m.isEmpty(), "measures", "penalty.proposal.measures", "请选择处罚种类");
        problems.required(basis, 2000, "legalBasis");
        Optional<DiscretionRule> rule = DiscretionRule.first(discretion, circumstancesNow);
        boolean outside = PenaltyProcedure.outsideTheDiscretionBand(rule, f);
        problems.unless(PenaltyProcedure.aFineOutsideTheBandIsExplained(rule, f, reason), "discretionReason", "penalty.proposal.reason",
                "拟罚款金额超出裁量基准幅度，须书面说明理由");
        problems.throwIfAny();
        fineYuan = f;
        measures = m;
        legalBasis = basis.strip();
        discretionRule = rule.map(DiscretionRule::code).orElse(null);
        discretionReason = outside ? reason.strip() : blank(reason);
        proposedBy = proposer;
        reviewRequired = procedure.legalReviewRequired(f, m);
        hearingRight = procedure.hearingRight(f, m);
        circumstances = circumstancesNow;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fineYuan", f);
        after.put("measures", m);
        after.put("reviewRequired", reviewRequired);
        after.put("hearingRight", hearingRight);
        rule.ifPresent(r -> after.put("discretionRule", r.code()));
        move(CaseAction.PROPOSE, to, Labels.penalty(m, f), after);
    }

    /** 提交法制审核. */
    public void submitForReview() {
        CaseState to = CaseStateMachine.next(state, CaseAction.SUBMIT_REVIEW);
        events.add(new CaseEvent.ReviewSubmitted(id, UUID.randomUUID()));
        move(CaseAction.SUBMIT_REVIEW, to, null, Map.of());
    }

    /** 法制审核: approved, or returned to the investigation, with the reviewer's opinion; never by whom handles or proposed the case. */
    public void decideReview(UUID reviewer, Boolean approved, String opinion) {
        CaseAction action = Boolean.FALSE.equals(approved) ? CaseAction.RETURN_REVIEW : CaseAction.APPROVE_REVIEW;
        CaseState to = CaseStateMachine.next(state, action);
        PenaltyProcedure.requireAReviewerWhoDoesNotHandleTheCase(handlerIds, proposedBy, reviewer);
        if (approved == null) {
            throw ProcedureViolation.invalid("approved", "shared.validation.required", "必填");
        }
        if (opinion == null || opinion.isBlank() || opinion.length() > 5000) {
            throw ProcedureViolation.invalid("opinion", "penalty.review.opinion", "请填写审核意见");
        }
        String outcome = approved ? "APPROVED" : "RETURNED";
        events.add(new CaseEvent.ReviewDecided(id, reviewer, outcome, opinion.strip()));
        move(action, to, opinion.strip(), Map.of("outcome", outcome, "opinion", opinion.strip()));
    }

    /** 行政处罚告知书: issued (and numbered) only when the case may be notified; the statement or hearing-request period starts. */
    public IssuedDocument notifyParty(PenaltyProcedure procedure, Supplier<IssuedDocument> issue) {
        CaseState to = CaseStateMachine.next(state, CaseAction.NOTIFY);
        procedure.requireLegalReviewOfAMajorDecision(state, reviewRequired);
        IssuedDocument d = issue.get();
        noticeDocumentId = d.id();
        notifiedOn = d.issuedOn();
        move(CaseAction.NOTIFY, to, d.number(), Map.of("noticeNumber", d.number(), "notifiedOn", d.issuedOn(),
                "periodEndsOn", procedure.periodEnds(d.issuedOn(), Boolean.TRUE.equals(hearingRight))));
        return d;
    }

    /** The party asks for a hearing (行政处罚法 第六十四条), within the request period, when the penalty gives the right. */
    public void requestHearing(LocalDate today, PenaltyProcedure procedure) {
        CaseState to = CaseStateMachine.next(state, CaseAction.REQUEST_HEARING);
        procedure.requireAHearingRequestInTime(notifiedOn, Boolean.TRUE.equals(hearingRight), today);
        events.add(new CaseEvent.HearingRequested(id));
        move(CaseAction.REQUEST_HEARING, to, null, Map.of());
    }

    /**
     * The hearing held: its day (not after today), who presided (a known officer, not one of the case's investigators), what was said.
     *
     * @param presidingOfficer the presiding officer's name, or null when no such officer exists
     */
    public void recordHearing(LocalDate heldOn, UUID presidingOfficerId, String presidingOfficer, String summary, LocalDate today) {
        CaseState to = CaseStateMachine.next(state, CaseAction.RECORD_HEARING);
        new ProcedureViolation.Problems()
                .unless(heldOn != null && !heldOn.isAfter(today), "heldOn", "penalty.hearing.heldOn", "请填写听证日期（不得晚于今天）")
                .unless(presidingOfficerId != null && presidingOfficer != null, "presidingOfficerId", "penalty.hearing.presiding", "请选择听证主持人")
                .required(summary, 10000, "summary")
                .throwIfAny();
        PenaltyProcedure.requireAPresidingOfficerWhoDidNotInvestigate(handlerIds, presidingOfficerId);
        events.add(new CaseEvent.HearingHeld(id, heldOn, presidingOfficerId, presidingOfficer, summary.strip()));
        move(CaseAction.RECORD_HEARING, to, summary.strip(), Map.of("heldOn", heldOn, "presidingOfficer", presidingOfficer));
    }

    /**
     * 行政处罚决定书: not while a hearing is pending, not before the statement or hearing-request
     * period is over; issued (and numbered) only then. Registers {@link PenaltyDecided}.
     */
    public IssuedDocument decide(LocalDate today, PenaltyProcedure procedure, Supplier<IssuedDocument> issue) {
        CaseState to = CaseStateMachine.next(state, CaseAction.DECIDE);
        if (state == CaseState.NOTIFIED) {
            procedure.requireTheStatementPeriodOver(notifiedOn, Boolean.TRUE.equals(hearingRight), today);
        }
        IssuedDocument d = issue.get();
        decisionDocumentId = d.id();
        decisionNumber = d.number();
        decidedAt = d.issuedAt();
        decidedOn = d.issuedOn();
        move(CaseAction.DECIDE, to, d.number(), Map.of("decisionNumber", d.number(), "fineYuan", fine(), "measures", measures));
        events.add(new PenaltyDecided(id, enterpriseId, inspectionId, handlerIds, fine(), d.issuedAt(), d.issuedOn(), d.number(), d.id(), categories));
        return d;
    }

    /** A payment of the fine: a positive amount that with the earlier ones does not exceed the fine, dated from the decision to today. */
    public UUID recordPayment(Long amountYuan, LocalDate paidOn, String receiptNo, LocalDate today) {
        CaseState to = CaseStateMachine.next(state, CaseAction.RECORD_PAYMENT);
        PenaltyProcedure.requireAFineToPay(fine());
        ProcedureViolation.Problems problems = new ProcedureViolation.Problems();
        if (amountYuan == null || amountYuan <= 0) {
            problems.add("amountYuan", "penalty.payment.amount", "缴款金额须为正整数（元）");
        } else {
            problems.unless(PenaltyProcedure.paymentsWithinTheFine(paidYuan, amountYuan, fine()), "amountYuan", "penalty.payment.exceeds", "缴款合计超过罚款金额");
        }
        problems.unless(PenaltyProcedure.betweenTheDecisionAndToday(paidOn, decidedOn, today), "paidOn", "penalty.payment.paidOn", "缴款日期须在决定之日至今天之间")
                .required(receiptNo, 64, "receiptNo")
                .throwIfAny();
        UUID paymentId = UUID.randomUUID();
        events.add(new CaseEvent.PaymentRecorded(id, paymentId, amountYuan, paidOn, receiptNo.strip()));
        paidYuan += amountYuan;
        move(CaseAction.RECORD_PAYMENT, to, Labels.yuan(amountYuan) + " 元 · " + receiptNo.strip(),
                Map.of("amountYuan", amountYuan, "paidOn", paidOn, "receiptNo", receiptNo.strip(), "paidTotal", paidYuan));
        return paymentId;
    }

    /** The application to the court for compulsory enforcement, dated from the decision to today. */
    public void applyForEnforcement(String court, LocalDate appliedOn, String note, LocalDate today) {
        CaseState to = CaseStateMachine.next(state, CaseAction.APPLY_ENFORCEMENT);
        new ProcedureViolation.Problems()
                .required(court, 100, "court")
                .unless(PenaltyProcedure.betweenTheDecisionAndToday(appliedOn, decidedOn, today), "appliedOn", "penalty.enforcement.appliedOn",
                        "申请日期须在决定之日至今天之间")
                .throwIfAny();
        events.add(new CaseEvent.EnforcementApplied(id, UUID.randomUUID(), court.strip(), appliedOn, blank(note)));
        enforcementApplied = true;
        move(CaseAction.APPLY_ENFORCEMENT, to, court.strip(), Map.of("court", court.strip(), "appliedOn", appliedOn));
    }

    /** 结案: the fine paid in full or its enforcement asked of the court, or (no fine) the measures recorded as carried out. */
    public void close(String done) {
        CaseState to = CaseStateMachine.next(state, CaseAction.CLOSE);
        PenaltyProcedure.requireFullPaymentOrCourtEnforcementToClose(fine(), paidYuan, enforcementApplied, done);
        if (done != null && !done.isBlank()) {
            measuresDone = done.strip();
        }
        move(CaseAction.CLOSE, to, blank(done), Map.of());
    }

    /** 不予处罚, with the reason. */
    public void decideNoPenalty(String reason) {
        CaseState to = CaseStateMachine.next(state, CaseAction.NO_PENALTY);
        if (reason == null || reason.isBlank() || reason.length() > 5000) {
            throw ProcedureViolation.invalid("reason", "penalty.noPenalty.reason", "请填写不予处罚的理由");
        }
        outcomeReason = reason.strip();
        move(CaseAction.NO_PENALTY, to, outcomeReason, Map.of("reason", outcomeReason));
    }

    /** 行刑衔接: moved to the public security organs (not after today); the administrative case ends. */
    public void transfer(String organ, LocalDate transferredOn, String reason, LocalDate today) {
        CaseState to = CaseStateMachine.next(state, CaseAction.TRANSFER);
        new ProcedureViolation.Problems()
                .required(organ, 100, "organ")
                .unless(transferredOn != null && !transferredOn.isAfter(today), "transferredOn", "penalty.transfer.date", "请填写移送日期（不得晚于今天）")
                .required(reason, 5000, "reason")
                .throwIfAny();
        events.add(new CaseEvent.Transferred(id, organ.strip(), transferredOn, reason.strip()));
        outcomeReason = reason.strip();
        move(CaseAction.TRANSFER, to, organ.strip(), Map.of("organ", organ.strip(), "transferredOn", transferredOn));
    }

    /** The actions the case's state and its penalty allow next (who may take them is the caller's question). */
    public Set<CaseAction> nextActions() {
        Set<CaseAction> next = CaseStateMachine.actionsFrom(state);
        if (!Boolean.TRUE.equals(hearingRight)) {
            next.remove(CaseAction.REQUEST_HEARING);
        }
        if (state == CaseState.PROPOSED) {
            next.remove(Boolean.TRUE.equals(reviewRequired) ? CaseAction.NOTIFY : CaseAction.SUBMIT_REVIEW);
        }
        return next;
    }

    private void move(CaseAction action, CaseState to, String note, Map<String, Object> details) {
        events.add(new CaseEvent.Moved(id, action, state, to, note, details));
        state = to;
    }

    // ---- events ----------------------------------------------------------------------------------

    /** What happened since the case was loaded or filed, in order. */
    public List<Object> events() {
        return Collections.unmodifiableList(events);
    }

    public void clearEvents() {
        events.clear();
    }

    // ---- reading ---------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public CaseState state() {
        return state;
    }

    /** The state the case was in when it was loaded: the repository saves only if it is still so. */
    public CaseState loadedState() {
        return loadedState;
    }

    public UUID enterpriseId() {
        return enterpriseId;
    }

    public UUID inspectionId() {
        return inspectionId;
    }

    public UUID noticeDocumentId() {
        return noticeDocumentId;
    }

    public List<UUID> handlerIds() {
        return handlerIds;
    }

    public boolean handledBy(UUID userId) {
        return handlerIds.contains(userId);
    }

    public long fine() {
        return fineYuan == null ? 0 : fineYuan;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
