package org.anjian.inspection.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
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
public class EnforcementDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final InspectionService inspections;
    private final UserDirectory users;
    private final OrganizationDirectory organization;
    private final CjkFont font;
    private final AuditTrail audit;
    private final Clock clock;
    private final int reinspectionDays;

    EnforcementDocuments(JdbcClient jdbc, DocumentNumbers numbers, InspectionService inspections, UserDirectory users,
                         OrganizationDirectory organization, CjkFont font, AuditTrail audit, Clock clock,
                         @org.springframework.beans.factory.annotation.Value("${anjian.inspection.reinspection-days:10}") int reinspectionDays) {
        this.reinspectionDays = reinspectionDays;
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

    public Issued rectificationOrder(AnjianUser user, UUID inspectionId) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !i.inspectorIds().contains(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection issue its documents");
        }
        List<InspectionService.Finding> findings = i.findings();
        if (findings.isEmpty()) {
            throw DomainException.conflict("inspection.document.noFindings", "an order needs findings");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, InspectionService.SHANGHAI);
        DocumentNumbers.Number number = numbers.next(DocumentKind.RECTIFICATION_ORDER, today.getYear());
        byte[] pdf = render(number.text(), i, findings, today);
        UUID id = UUID.randomUUID();
        String sha = sha256(pdf);
        jdbc.sql("""
                insert into inspection_document (id, kind, number, year, seq, inspection_id, enterprise_id, issued_by, issued_at, pdf, sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, DocumentKind.RECTIFICATION_ORDER.name(), number.text(), number.year(), number.seq(), inspectionId, i.enterpriseId(),
                        user.getUsername(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), pdf, sha).update();
        LocalDate deadline = findings.stream().map(InspectionService.Finding::deadline).max(LocalDate::compareTo).orElseThrow();
        jdbc.sql("""
                insert into inspection_order (document_id, inspection_id, enterprise_id, deadline, reinspect_by, state)
                values (?, ?, ?, ?, ?, 'OPEN')""").params(id, inspectionId, i.enterpriseId(), deadline, deadline.plusDays(reinspectionDays)).update();
        audit.record("DOCUMENT_ISSUED", "enforcement-document", id, null, Map.of("kind", DocumentKind.RECTIFICATION_ORDER, "number", number.text(),
                "inspectionId", inspectionId, "sha256", sha, "reinspectBy", deadline.plusDays(reinspectionDays)));
        return new Issued(id, DocumentKind.RECTIFICATION_ORDER, number.text(), inspectionId, i.enterpriseId(), now, sha);
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
        LocalDate today = LocalDate.ofInstant(now, InspectionService.SHANGHAI);
        DocumentNumbers.Number number = numbers.next(DocumentKind.REINSPECTION_OPINION, today.getYear());
        byte[] pdf = renderOpinion(number.text(), o.number(), i, rectified, opinion.trim(), today);
        UUID id = UUID.randomUUID();
        String sha = sha256(pdf);
        jdbc.sql("""
                insert into inspection_document (id, kind, number, year, seq, inspection_id, enterprise_id, issued_by, issued_at, pdf, sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, DocumentKind.REINSPECTION_OPINION.name(), number.text(), number.year(), number.seq(), o.inspectionId(), o.enterpriseId(),
                        user.getUsername(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), pdf, sha).update();
        String state = rectified ? "CLOSED" : "ESCALATED";
        jdbc.sql("update inspection_order set state = ?, reinspection_doc_id = ?, opinion = ?, decided_by = ?, decided_at = ? where document_id = ?")
                .params(state, id, opinion.trim(), user.getUsername(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), orderId).update();
        audit.record(rectified ? "ORDER_CLOSED" : "ORDER_ESCALATED", "rectification-order", orderId, Map.of("state", "OPEN"),
                Map.of("state", state, "reinspectionNumber", number.text(), "opinion", opinion.trim()));
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

    private byte[] renderOpinion(String number, String orderNumber, InspectionService.Inspection i, boolean rectified, String opinion,
                                 LocalDate today) {
        BaseFont base = font.get();
        Font text = new Font(base, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("整改复查意见书 " + number);
        doc.open();
        String district = organization.district().name();
        Paragraph head = new Paragraph(district + "应急管理局", new Font(base, 14, Font.BOLD));
        head.setAlignment(Element.ALIGN_CENTER);
        doc.add(head);
        Paragraph t = new Paragraph("整改复查意见书", new Font(base, 18, Font.BOLD));
        t.setAlignment(Element.ALIGN_CENTER);
        doc.add(t);
        Paragraph no = new Paragraph(number, text);
        no.setAlignment(Element.ALIGN_CENTER);
        no.setSpacingAfter(14);
        doc.add(no);
        doc.add(new Paragraph(i.enterpriseName() + "：", text));
        Paragraph body = new Paragraph("本局于" + DATE.format(today) + "对你单位执行《责令限期整改指令书》（" + orderNumber + "）的情况进行了复查，复查意见如下：", text);
        body.setFirstLineIndent(22);
        doc.add(body);
        Paragraph op = new Paragraph(opinion, text);
        op.setFirstLineIndent(22);
        op.setSpacingBefore(6);
        doc.add(op);
        Paragraph conclusion = new Paragraph(rectified ? "复查结论：已按要求完成整改。" : "复查结论：未按要求完成整改，本局将依法处理。", new Font(base, 11, Font.BOLD));
        conclusion.setSpacingBefore(10);
        doc.add(conclusion);
        Paragraph seal = new Paragraph(district + "应急管理局（印章）\n" + DATE.format(today), text);
        seal.setAlignment(Element.ALIGN_RIGHT);
        seal.setSpacingBefore(30);
        doc.add(seal);
        doc.close();
        return out.toByteArray();
    }

    public record Pdf(String number, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Optional<Pdf> pdf(AnjianUser user, UUID id) {
        return jdbc.sql("select number, inspection_id, pdf from inspection_document where id = ?").param(id)
                .query((rs, n) -> {
                    inspections.get(user, rs.getObject("inspection_id", UUID.class));
                    return new Pdf(rs.getString("number"), rs.getBytes("pdf"));
                }).optional();
    }

    private byte[] render(String number, InspectionService.Inspection i, List<InspectionService.Finding> findings, LocalDate today) {
        BaseFont base = font.get();
        Font title = new Font(base, 18, Font.BOLD);
        Font text = new Font(base, 11);
        Font small = new Font(base, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("责令限期整改指令书 " + number);
        doc.open();
        String district = organization.district().name();
        Paragraph head = new Paragraph(district + "应急管理局", new Font(base, 14, Font.BOLD));
        head.setAlignment(Element.ALIGN_CENTER);
        doc.add(head);
        Paragraph t = new Paragraph("责令限期整改指令书", title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(4);
        doc.add(t);
        Paragraph no = new Paragraph(number, text);
        no.setAlignment(Element.ALIGN_CENTER);
        no.setSpacingAfter(14);
        doc.add(no);
        doc.add(new Paragraph(i.enterpriseName() + "：", text));
        Paragraph body = new Paragraph("经查，你单位存在下列问题。依据《中华人民共和国安全生产法》等规定，现责令你单位对下列问题于规定期限内整改完毕，"
                + "并将整改情况书面报告本局。整改期间，你单位应当采取措施确保安全；对重大事故隐患，应当落实整改责任、措施、资金、时限和预案。", text);
        body.setFirstLineIndent(22);
        body.setSpacingAfter(10);
        doc.add(body);
        PdfPTable table = new PdfPTable(new float[] {0.5f, 2f, 3.5f, 2.4f, 1.4f});
        table.setWidthPercentage(100);
        for (String h : List.of("序号", "部位", "问题", "依据", "整改期限")) {
            PdfPCell c = new PdfPCell(new Paragraph(h, new Font(base, 10, Font.BOLD)));
            c.setBackgroundColor(new java.awt.Color(235, 239, 244));
            table.addCell(c);
        }
        int n = 1;
        for (InspectionService.Finding f : findings) {
            table.addCell(new Paragraph(Integer.toString(n++), small));
            table.addCell(new Paragraph(f.place(), small));
            table.addCell(new Paragraph((f.major() ? "【重大事故隐患】" : "") + f.description(), small));
            table.addCell(new Paragraph(f.legalBasis() == null ? "《中华人民共和国安全生产法》" : f.legalBasis(), small));
            table.addCell(new Paragraph(DATE.format(f.deadline()), small));
        }
        doc.add(table);
        Paragraph appeal = new Paragraph("如果不服本指令，可以依法在六十日内向" + district + "人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，"
                + "但本指令不停止执行，法律另有规定的除外。", text);
        appeal.setFirstLineIndent(22);
        appeal.setSpacingBefore(12);
        doc.add(appeal);
        StringBuilder signers = new StringBuilder("执法人员（签名）：");
        for (UUID id : i.inspectorIds()) {
            UserSummary u = users.user(id).orElse(null);
            if (u != null) {
                signers.append(u.displayName()).append("（证号 ").append(u.enforcementCertNo()).append("）  ");
            }
        }
        Paragraph sign = new Paragraph(signers.toString(), text);
        sign.setSpacingBefore(24);
        doc.add(sign);
        doc.add(new Paragraph("被检查单位负责人（签名）：                    ", text));
        Paragraph seal = new Paragraph(district + "应急管理局（印章）\n" + DATE.format(today), text);
        seal.setAlignment(Element.ALIGN_RIGHT);
        seal.setSpacingBefore(24);
        doc.add(seal);
        doc.close();
        return out.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
