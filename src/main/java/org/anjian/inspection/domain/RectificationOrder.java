package org.anjian.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.RectificationOrderEscalated;
import org.anjian.inspection.ViolationCategory;

/**
 * A 责令限期整改指令书 (ENF-4) and its re-inspection (整改复查, ENF-6). An order is opened for an
 * inspection's findings, due on the latest finding's deadline, to be re-inspected within the
 * district's number of days after it. The re-inspection issues a numbered 整改复查意见书 and either
 * closes the order (every finding rectified) or escalates it to a penalty case
 * ({@link RectificationOrderEscalated}); an order is closed only this way, and only once.
 */
public final class RectificationOrder {

    /** Issues the 整改复查意见书 with the opinion once the re-inspection is allowed. */
    @FunctionalInterface
    public interface OpinionIssuer {
        IssuedOpinion issue(String opinion);
    }

    /** The 整改复查意见书 issued: its document id and number. */
    public record IssuedOpinion(UUID documentId, String number) {
    }

    static final int LONGEST_OPINION = 2000;

    private final UUID documentId;
    private final String number;
    private final UUID inspectionId;
    private final UUID enterpriseId;
    private final LocalDate deadline;
    private final LocalDate reinspectBy;
    private final List<UUID> inspectorIds;
    private final Set<ViolationCategory> categories;
    private OrderState state;
    private UUID reinspectionDocumentId;
    private String reinspectionNumber;
    private String opinion;
    private String decidedBy;
    private Instant decidedAt;
    private final List<Object> events = new ArrayList<>();

    /**
     * @param inspectorIds the team of the inspection, and {@code categories} the kinds of its
     *                     findings: what an escalation hands to the penalty case
     */
    public RectificationOrder(UUID documentId, String number, UUID inspectionId, UUID enterpriseId, LocalDate deadline, LocalDate reinspectBy,
                              OrderState state, UUID reinspectionDocumentId, String opinion, List<UUID> inspectorIds,
                              Set<ViolationCategory> categories) {
        this.documentId = documentId;
        this.number = number;
        this.inspectionId = inspectionId;
        this.enterpriseId = enterpriseId;
        this.deadline = deadline;
        this.reinspectBy = reinspectBy;
        this.state = state;
        this.reinspectionDocumentId = reinspectionDocumentId;
        this.opinion = opinion;
        this.inspectorIds = inspectorIds == null ? List.of() : List.copyOf(inspectorIds);
        this.categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    /** An order is due on the latest deadline of the findings it orders rectified; without findings there is nothing to order. */
    public static LocalDate deadlineOf(List<LocalDate> findingDeadlines) {
        return findingDeadlines.stream().max(Comparator.naturalOrder())
                .orElseThrow(() -> InspectionRuleViolation.refused("inspection.document.noFindings", "an order needs findings"));
    }

    /** Opens the order issued as document {@code documentId}: re-inspected at the latest {@code reinspectionDays} after its deadline. */
    public static RectificationOrder open(UUID documentId, String number, UUID inspectionId, UUID enterpriseId, LocalDate deadline,
                                          int reinspectionDays) {
        return new RectificationOrder(documentId, number, inspectionId, enterpriseId, deadline, deadline.plusDays(reinspectionDays), OrderState.OPEN,
                null, null, List.of(), Set.of());
    }

    /**
     * Re-inspects the order: only an open one, with an opinion. The opinion is issued through
     * {@code issuer} and the order is closed when {@code rectified}, else escalated.
     */
    public OrderState reinspect(boolean rectified, String opinionText, String inspector, Instant at, OpinionIssuer issuer) {
        if (state != OrderState.OPEN) {
            throw InspectionRuleViolation.refused("inspection.order.notOpen", "the order is " + state);
        }
        if (opinionText == null || opinionText.isBlank() || opinionText.length() > LONGEST_OPINION) {
            throw InspectionRuleViolation.invalid("opinion", "inspection.order.opinion", "请填写复查意见");
        }
        String text = opinionText.trim();
        IssuedOpinion issued = issuer.issue(text);
        reinspectionDocumentId = issued.documentId();
        reinspectionNumber = issued.number();
        opinion = text;
        decidedBy = inspector;
        decidedAt = at;
        state = rectified ? OrderState.CLOSED : OrderState.ESCALATED;
        if (!rectified) {
            events.add(new RectificationOrderEscalated(documentId, number, inspectionId, enterpriseId, inspectorIds, text, categories));
        }
        return state;
    }

    /** Still open after the day it was to be re-inspected by: a loop nobody closed in time. */
    public boolean isLateOn(LocalDate today) {
        return isLate(state, reinspectBy, today);
    }

    public static boolean isLate(OrderState state, LocalDate reinspectBy, LocalDate today) {
        return state == OrderState.OPEN && today.isAfter(reinspectBy);
    }

    public List<Object> pullEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public UUID documentId() {
        return documentId;
    }

    public String number() {
        return number;
    }

    public UUID inspectionId() {
        return inspectionId;
    }

    public UUID enterpriseId() {
        return enterpriseId;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public LocalDate reinspectBy() {
        return reinspectBy;
    }

    public OrderState state() {
        return state;
    }

    public UUID reinspectionDocumentId() {
        return reinspectionDocumentId;
    }

    /** The number of the 整改复查意见书, when it was issued since the order was loaded. */
    public String reinspectionNumber() {
        return reinspectionNumber;
    }

    public String opinion() {
        return opinion;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
