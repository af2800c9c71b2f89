package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.inspection.EnforcementDocumentIssuer;
import org.anjian.inspection.domain.OrderState;
import org.anjian.inspection.domain.RectificationOrder;
import org.anjian.shared.pdf.OfficialDocument;
import org.springframework.context.ApplicationEventPublisher;
import org.anjian.identity.UserDirectory;
import org.anjian.inspection.DocumentKind;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.pdf.CjkFont;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues enforcement documents as numbered PDFs in Chinese (ENF-4), kept with their SHA-256 and
 * never changed afterwards. This first document is the 责令限期整改指令书 of an inspection's findings.
 */
@Service
@Transactional
public class EnforcementDocuments implements EnforcementDocumentIssuer {

    private final DocumentRepository documents;
    private final RectificationOrderRepository orders;
    private final DocumentNumbers numbers;
    private final InspectionService inspections;
    private final UserDirectory users;
    private final OrganizationDirectory organization;
    private final CjkFont font;
    private final AuditTrail audit;
    private final Clock clock;
    private final int reinspectionDays;
    private final EnterpriseLookup enterprises;
    private final ApplicationEventPublisher events;
    private final OnSiteEvidence evidence;

    private final ZoneId zone;
    private final DistrictProperties district;
    EnforcementDocuments(DocumentRepository documents, RectificationOrderRepository orders, DocumentNumbers numbers, InspectionService inspections, UserDirectory users,
                         OrganizationDirectory organization, CjkFont font, AuditTrail audit, Clock clock, EnterpriseLookup enterprises,
                         ApplicationEventPublisher events, OnSiteEvidence evidence,
                         InspectionProperties properties, DistrictProperties district) {
        this.zone = district.zone();
        this.district = district;
        this.evidence = evidence;
        this.reinspectionDays = properties.reinspectionDays();
        this.enterprises = enterprises;
        this.events = events;
        this.documents = documents;
        this.orders = orders;
        this.numbers = numbers;
        this.inspections = inspections;
        this.users = users;
        this.organization = organization;
        this.font = font;
        this.audit = audit;
        this.clock = clock;
    }

    public record Issued(UUID id, DocumentKind kind, String number, UUID inspectionId, UUID enterpriseId, Instant issuedAt, String sha256) {
    }

    @Override
    public IssuedDocument issue(AnjianUser user, DocumentRequest request, BiFunction<String, LocalDate, byte[]> renderer) {
        if (request.kind() == null || request.enterpriseId() == null) {
            throw new IllegalArgumentException("a document needs its kind and enterprise");
        }
        if (request.correctsId() != null && find(request.correctsId()).isEmpty()) {
            throw DomainException.notFound("document");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        DocumentNumbers.Number number = numbers.next(request.kind(), today.getYear());
        byte[] pdf = renderer.apply(number.text(), today);
        UUID id = UUID.randomUUID();
        String sha = sha256(pdf);
        IssuedDocument issued = new IssuedDocument(id, request.kind(), number.text(), request.enterpriseId(), request.inspectionId(), request.caseId(),
                request.correctsId(), user.getUsername(), now, sha);
        documents.insert(issued, number, pdf);
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("kind", request.kind());
        detail.put("number", number.text());
        detail.put("sha256", sha);
        if (request.inspectionId() != null) {
            detail.put("inspectionId", request.inspectionId());
        }
        if (request.caseId() != null) {
            detail.put("caseId", request.caseId());
        }
        if (request.correctsId() != null) {
            detail.put("correctsId", request.correctsId());
        }
        audit.record("DOCUMENT_ISSUED", "enforcement-document", id, null, detail);
        return issued;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IssuedDocument> find(UUID id) {
        return documents.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofCase(UUID caseId) {
        return documents.ofCase(caseId);
    }

    @Override
    public String authority() {
        return district.authority();
    }

    public Issued rectificationOrder(AnjianUser user, UUID inspectionId) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !i.inspectorIds().contains(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection issue its documents");
        }
        List<InspectionService.Finding> findings = i.findings();
        LocalDate deadline = Refusals.get(() -> RectificationOrder.deadlineOf(findings.stream().map(InspectionService.Finding::deadline).toList()));
        IssuedDocument d = issue(user, new DocumentRequest(DocumentKind.RECTIFICATION_ORDER, i.enterpriseId(), inspectionId, null, null),
                (number, today) -> render(number, i, findings, today, null));
        RectificationOrder order = RectificationOrder.open(d.id(), d.number(), inspectionId, i.enterpriseId(), deadline, reinspectionDays);
        orders.insert(order);
        audit.record("ORDER_OPENED", "rectification-order", d.id(), null, Map.of("number", d.number(), "inspectionId", inspectionId,
                "deadline", order.deadline(), "reinspectBy", order.reinspectBy()));
        return new Issued(d.id(), DocumentKind.RECTIFICATION_ORDER, d.number(), inspectionId, i.enterpriseId(), d.issuedAt(), d.sha256());
    }

    public record Order(UUID documentId, String number, UUID inspectionId, UUID enterpriseId, LocalDate deadline, LocalDate reinspectBy,
                        String state, UUID reinspectionDocumentId, String opinion, boolean late) {
    }

    /**
     * The re-inspection (整改复查, ENF-6): its opinion is issued as a numbered 整改复查意见书 and either
     * closes the order (every finding rectified) or escalates it (to a penalty case). An order is
     * closed only this way, and only once.
     */
    public Order reinspect(AnjianUser user, UUID orderId, boolean rectified, String opinion) {
        Order o = order(user, orderId);
        InspectionService.Inspection i = inspections.get(user, o.inspectionId());
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !user.hasRole(Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "only inspectors re-inspect");
        }
        RectificationOrder order = orders.load(orderId).orElseThrow(() -> DomainException.notFound("order"));
        OrderState state = Refusals.get(() -> order.reinspect(rectified, opinion, user.getUsername(), clock.instant(), text -> {
            IssuedDocument d = issue(user, new DocumentRequest(DocumentKind.REINSPECTION_OPINION, o.enterpriseId(), o.inspectionId(), null, null),
                    (number, today) -> renderOpinion(number, o.number(), i, rectified, text, today, null));
            return new RectificationOrder.IssuedOpinion(d.id(), d.number());
        }));
        orders.save(order);
        audit.record(rectified ? "ORDER_CLOSED" : "ORDER_ESCALATED", "rectification-order", orderId, Map.of("state", "OPEN"),
                Map.of("state", state.name(), "reinspectionNumber", order.reinspectionNumber(), "opinion", order.opinion()));
        order.pullEvents().forEach(events::publishEvent);
        return order(user, orderId);
    }

    @Transactional(readOnly = true)
    public Order order(AnjianUser user, UUID orderId) {
        Order o = orders.find(orderId, today()).orElseThrow(() -> DomainException.notFound("order"));
        inspections.get(user, o.inspectionId());
        return o;
    }

    /** The rectification orders of an inspection, with their re-inspection state. */
    @Transactional(readOnly = true)
    public List<Order> ordersOf(AnjianUser user, UUID inspectionId) {
        inspections.get(user, inspectionId);
        return orders.ofInspection(inspectionId, today());
    }

    /** Open orders whose re-inspection date has passed: the loops nobody closed in time. */
    @Transactional(readOnly = true)
    public List<Order> overdueOrders(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "forbidden");
        }
        return orders.overdue(today());
    }

    /** The order a 整改复查意见书 was issued for, to render a correction of the opinion. */
    Optional<Order> reinspectedBy(UUID reinspectionDocumentId) {
        return orders.reinspectedBy(reinspectionDocumentId, today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    byte[] renderOpinion(String number, String orderNumber, InspectionService.Inspection i, boolean rectified, String opinion,
                         LocalDate today, String correction) {
        OfficialDocument doc = OfficialDocument.start(font.get(), authority(), "整改复查意见书", number);
        if (correction != null) {
            doc.boldParagraph(correction);
        }
        return doc
                .addressee(i.enterpriseName() + "：")
                .paragraph("本局于" + OfficialDocument.DATE.format(today) + "对你单位执行《责令限期整改指令书》（" + orderNumber + "）的情况进行了复查，复查意见如下：")
                .paragraph(opinion)
                .boldParagraph(rectified ? "复查结论：已按要求完成整改。" : "复查结论：未按要求完成整改，本局将依法处理。")
                .signatures(signers(i))
                .seal(today)
                .finish();
    }

    /** The inspectors and then the enterprise's representative, each with the newest signature drawn on the phone, if any. */
    List<OfficialDocument.Signature> signers(InspectionService.Inspection i) {
        List<OfficialDocument.Signature> signers = new java.util.ArrayList<>();
        for (UUID id : i.inspectorIds()) {
            users.user(id).ifPresent(u -> signers.add(new OfficialDocument.Signature("执法人员", u.displayName() + "（证号 " + u.enforcementCertNo() + "）",
                    evidence.inspectorSignature(i.id(), id).map(OnSiteEvidence.Signature::png).orElse(null))));
        }
        OnSiteEvidence.Signature rep = evidence.enterpriseSignature(i.id()).orElse(null);
        signers.add(new OfficialDocument.Signature("被检查单位负责人", rep == null ? null : rep.info().name(), rep == null ? null : rep.png()));
        return signers;
    }

    public record Pdf(String number, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Optional<Pdf> pdf(AnjianUser user, UUID id) {
        return documents.pdf(id).map(d -> {
            if (d.inspectionId() != null) {
                inspections.get(user, d.inspectionId());
            } else if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR) && !enterprises.inScope(user.scope(), d.enterpriseId())) {
                throw DomainException.notFound("document");
            }
            return new Pdf(d.number(), d.pdf());
        });
    }

    byte[] render(String number, InspectionService.Inspection i, List<InspectionService.Finding> findings, LocalDate today, String correction) {
        String district = organization.district().name();
        List<List<String>> rows = new java.util.ArrayList<>();
        int n = 1;
        for (InspectionService.Finding f : findings) {
            rows.add(List.of(Integer.toString(n++), f.place(), (f.major() ? "【重大事故隐患】" : "") + f.description(),
                    f.legalBasis() == null ? "《中华人民共和国安全生产法》" : f.legalBasis(), OfficialDocument.DATE.format(f.deadline())));
        }
        List<OfficialDocument.Signature> signers = signers(i);
        OfficialDocument doc = OfficialDocument.start(font.get(), authority(), "责令限期整改指令书", number);
        if (correction != null) {
            doc.boldParagraph(correction);
        }
        return doc.addressee(i.enterpriseName() + "：")
                .paragraph("经查，你单位存在下列问题。依据《中华人民共和国安全生产法》等规定，现责令你单位对下列问题于规定期限内整改完毕，"
                        + "并将整改情况书面报告本局。整改期间，你单位应当采取措施确保安全；对重大事故隐患，应当落实整改责任、措施、资金、时限和预案。")
                .table(List.of("序号", "部位", "问题", "依据", "整改期限"), new float[] {0.5f, 2f, 3.5f, 2.4f, 1.4f}, rows)
                .paragraph("如果不服本指令，可以依法在六十日内向" + district + "人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，"
                        + "但本指令不停止执行，法律另有规定的除外。")
                .signatures(signers)
                .seal(today)
                .finish();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
