package org.anjian.inspection.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.inspection.EnforcementDocumentIssuer;
import org.anjian.inspection.RectificationOrderEscalated;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues enforcement documents as numbered PDFs in Chinese (ENF-4), kept with their SHA-256 and
 * never changed afterwards. This first document is the 责令限期整改指令书 of an inspection's findings.
 */
@Service
@Transactional
public class EnforcementDocuments implements EnforcementDocumentIssuer {

    private final JdbcClient jdbc;
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

    EnforcementDocuments(JdbcClient jdbc, DocumentNumbers numbers, InspectionService inspections, UserDirectory users,
                         OrganizationDirectory organization, CjkFont font, AuditTrail audit, Clock clock, EnterpriseLookup enterprises,
                         ApplicationEventPublisher events, OnSiteEvidence evidence,
                         @org.springframework.beans.factory.annotation.Value("${anjian.inspection.reinspection-days:10}") int reinspectionDays) {
        this.evidence = evidence;
        this.reinspectionDays = reinspectionDays;
        this.enterprises = enterprises;
        this.events = events;
        this.jdbc = jdbc;
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
        LocalDate today = LocalDate.ofInstant(now, InspectionService.SHANGHAI);
        DocumentNumbers.Number number = numbers.next(request.kind(), today.getYear());
        byte[] pdf = renderer.apply(number.text(), today);
        UUID id = UUID.randomUUID();
        String sha = sha256(pdf);
        jdbc.sql("""
                insert into inspection_document (id, kind, number, year, seq, inspection_id, enterprise_id, case_id, corrects_id, issued_by, issued_at, pdf, sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, request.kind().name(), number.text(), number.year(), number.seq(), request.inspectionId(), request.enterpriseId(),
                        request.caseId(), request.correctsId(), user.getUsername(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), pdf, sha).update();
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
        return new IssuedDocument(id, request.kind(), number.text(), request.enterpriseId(), request.inspectionId(), request.caseId(),
                request.correctsId(), user.getUsername(), now, sha);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IssuedDocument> find(UUID id) {
        return jdbc.sql("select * from inspection_document where id = ?").param(id).query((rs, n) -> issued(rs)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofCase(UUID caseId) {
        return jdbc.sql("select * from inspection_document where case_id = ? order by issued_at, seq").param(caseId).query((rs, n) -> issued(rs)).list();
    }

    @Override
    public String authority() {
        return organization.district().name() + "应急管理局";
    }

    private static IssuedDocument issued(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new IssuedDocument(rs.getObject("id", UUID.class), DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"),
                rs.getObject("enterprise_id", UUID.class), rs.getObject("inspection_id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("corrects_id", UUID.class), rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getString("sha256"));
    }

    public Issued rectificationOrder(AnjianUser user, UUID inspectionId) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !i.inspectorIds().contains(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection issue its documents");
        }
        List<InspectionService.Finding> findings = i.findings();
        if (findings.isEmpty()) {
            throw DomainException.conflict("inspection.document.noFindings", "an order needs findings");
        }
        IssuedDocument d = issue(user, new DocumentRequest(DocumentKind.RECTIFICATION_ORDER, i.enterpriseId(), inspectionId, null, null),
                (number, today) -> render(number, i, findings, today, null));
        LocalDate deadline = findings.stream().map(InspectionService.Finding::deadline).max(LocalDate::compareTo).orElseThrow();
        jdbc.sql("""
                insert into inspection_order (document_id, inspection_id, enterprise_id, deadline, reinspect_by, state)
                values (?, ?, ?, ?, ?, 'OPEN')""").params(d.id(), inspectionId, i.enterpriseId(), deadline, deadline.plusDays(reinspectionDays)).update();
        audit.record("ORDER_OPENED", "rectification-order", d.id(), null, Map.of("number", d.number(), "inspectionId", inspectionId,
                "deadline", deadline, "reinspectBy", deadline.plusDays(reinspectionDays)));
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
        if (!"OPEN".equals(o.state())) {
            throw DomainException.conflict("inspection.order.notOpen", "the order is " + o.state());
        }
        if (opinion == null || opinion.isBlank() || opinion.length() > 2000) {
            throw DomainException.invalid("opinion", "inspection.order.opinion", "请填写复查意见");
        }
        Instant now = clock.instant();
        String text = opinion.trim();
        IssuedDocument d = issue(user, new DocumentRequest(DocumentKind.REINSPECTION_OPINION, o.enterpriseId(), o.inspectionId(), null, null),
                (number, today) -> renderOpinion(number, o.number(), i, rectified, text, today, null));
        UUID id = d.id();
        String state = rectified ? "CLOSED" : "ESCALATED";
        jdbc.sql("update inspection_order set state = ?, reinspection_doc_id = ?, opinion = ?, decided_by = ?, decided_at = ? where document_id = ?")
                .params(state, id, text, user.getUsername(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), orderId).update();
        audit.record(rectified ? "ORDER_CLOSED" : "ORDER_ESCALATED", "rectification-order", orderId, Map.of("state", "OPEN"),
                Map.of("state", state, "reinspectionNumber", d.number(), "opinion", text));
        if (!rectified) {
            events.publishEvent(new RectificationOrderEscalated(orderId, o.number(), o.inspectionId(), o.enterpriseId(), i.inspectorIds(), text,
                    i.findings().stream().map(InspectionService.Finding::category).filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet())));
        }
        return order(user, orderId);
    }

    @Transactional(readOnly = true)
    public Order order(AnjianUser user, UUID orderId) {
        Order o = jdbc.sql("""
                select o.*, d.number from inspection_order o join inspection_document d on d.id = o.document_id where o.document_id = ?""")
                .param(orderId).query((rs, n) -> order(rs)).optional().orElseThrow(() -> DomainException.notFound("order"));
        inspections.get(user, o.inspectionId());
        return o;
    }

    /** The rectification orders of an inspection, with their re-inspection state. */
    @Transactional(readOnly = true)
    public List<Order> ordersOf(AnjianUser user, UUID inspectionId) {
        inspections.get(user, inspectionId);
        return jdbc.sql("""
                select o.*, d.number from inspection_order o join inspection_document d on d.id = o.document_id
                where o.inspection_id = ? order by d.seq""").param(inspectionId).query((rs, n) -> order(rs)).list();
    }

    /** Open orders whose re-inspection date has passed: the loops nobody closed in time. */
    @Transactional(readOnly = true)
    public List<Order> overdueOrders(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "forbidden");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), InspectionService.SHANGHAI);
        return jdbc.sql("""
                select o.*, d.number from inspection_order o join inspection_document d on d.id = o.document_id
                where o.state = 'OPEN' and o.reinspect_by < ? order by o.reinspect_by""").param(today).query((rs, n) -> order(rs)).list();
    }

    private Order order(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate reinspectBy = rs.getObject("reinspect_by", LocalDate.class);
        String state = rs.getString("state");
        LocalDate today = LocalDate.ofInstant(clock.instant(), InspectionService.SHANGHAI);
        return new Order(rs.getObject("document_id", UUID.class), rs.getString("number"), rs.getObject("inspection_id", UUID.class),
                rs.getObject("enterprise_id", UUID.class), rs.getObject("deadline", LocalDate.class), reinspectBy, state,
                rs.getObject("reinspection_doc_id", UUID.class), rs.getString("opinion"), "OPEN".equals(state) && today.isAfter(reinspectBy));
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
        return jdbc.sql("select number, inspection_id, enterprise_id, pdf from inspection_document where id = ?").param(id)
                .query((rs, n) -> {
                    UUID inspectionId = rs.getObject("inspection_id", UUID.class);
                    if (inspectionId != null) {
                        inspections.get(user, inspectionId);
                    } else if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)
                            && !enterprises.inScope(user.scope(), rs.getObject("enterprise_id", UUID.class))) {
                        throw DomainException.notFound("document");
                    }
                    return new Pdf(rs.getString("number"), rs.getBytes("pdf"));
                }).optional();
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
