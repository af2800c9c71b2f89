package org.anjian.permit.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.permit.domain.GasAnalysis;
import org.anjian.permit.domain.GasReading;
import org.anjian.permit.domain.SafetyMeasure;
import org.anjian.permit.domain.Worker;
import org.anjian.permit.internal.PermitService.PermitDetail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.pdf.CjkFont;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Component;

/**
 * The printed permit (GB 30871-2022 Appendix A, in outline): the work, its grade and validity, the
 * people with their certificates, the measures, the gas analyses, the approval and the signatures,
 * with a QR code that opens the permit's live state. Every text uses the embedded CJK font.
 */
@Component
public class PermitDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PermitService service;
    private final CjkFont font;
    private final ZoneId zone;

    PermitDocument(PermitService service, CjkFont font, DistrictProperties district) {
        this.service = service;
        this.font = font;
        this.zone = district.zone();
    }

    /** The permit as a PDF for a user who may read it; {@code liveUrl} is where its QR code leads. */
    public byte[] render(AnjianUser user, UUID id, String liveUrl) {
        PermitDetail d = service.detail(user, id);
        List<PermitSignature> signatures = d.signatures();
        BaseFont base = font.get();
        Font text = new Font(base, 10);
        Font bold = new Font(base, 10, Font.BOLD);
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter.getInstance(doc, out);
        doc.addTitle(d.summary().typeLabel() + "安全作业票 " + d.summary().number());
        doc.addCreator("AnJian");
        doc.open();

        PdfPTable head = new PdfPTable(new float[] {4, 1});
        head.setWidthPercentage(100);
        PdfPCell title = new PdfPCell();
        title.setBorder(0);
        Paragraph t = new Paragraph(d.summary().typeLabel() + "安全作业票", new Font(base, 18, Font.BOLD));
        title.addElement(t);
        title.addElement(new Paragraph("编号：" + d.summary().number() + "    状态：" + d.summary().stateLabel(), text));
        title.addElement(new Paragraph(nz(d.summary().enterpriseName()), text));
        head.addCell(title);
        PdfPCell qr = new PdfPCell(qr(liveUrl), true);
        qr.setBorder(0);
        head.addCell(qr);
        doc.add(head);

        PdfPTable f = new PdfPTable(new float[] {1, 3, 1, 3});
        f.setWidthPercentage(100);
        f.setSpacingBefore(8);
        cell(f, "作业类别", bold);
        cell(f, d.summary().typeLabel(), text);
        cell(f, "作业级别", bold);
        cell(f, d.summary().gradeLabel(), text);
        cell(f, "作业地点", bold);
        cell(f, d.summary().location(), text);
        cell(f, "有效期", bold);
        cell(f, time(d.summary().validFrom()) + " 至 " + time(d.summary().validTo()), text);
        cell(f, "作业内容", bold);
        wide(f, d.content(), text);
        cell(f, "申请人", bold);
        cell(f, d.applicant(), text);
        cell(f, "作业负责人", bold);
        cell(f, d.workLeader(), text);
        cell(f, "监护人", bold);
        cell(f, d.guardian(), text);
        cell(f, "关联作业票", bold);
        cell(f, nz(d.linkedPermitNumbers()), text);
        cell(f, "作业人员", bold);
        wide(f, d.workers().stream().map(PermitDocument::worker).collect(Collectors.joining("；")), text);
        doc.add(f);

        doc.add(section("安全措施", bold));
        PdfPTable m = new PdfPTable(new float[] {1, 10, 2});
        m.setWidthPercentage(100);
        int i = 1;
        for (SafetyMeasure s : d.measures()) {
            cell(m, String.valueOf(i++), text);
            cell(m, s.text(), text);
            cell(m, s.confirmed() ? "已确认" + (s.photoId() != null ? "（有照片）" : "") : "未确认", text);
        }
        doc.add(m);

        if (d.gasAnalysisRequired() || !d.gasAnalyses().isEmpty()) {
            doc.add(section("气体分析（采样至作业开始不超过" + d.gasAnalysisValidMinutes() + "分钟，GB 30871-2022 5.3.1/6.3）", bold));
            PdfPTable g = new PdfPTable(new float[] {3, 3, 6, 2, 2});
            g.setWidthPercentage(100);
            for (String h : List.of("采样时间", "采样地点", "检测结果", "分析人", "结论")) {
                cell(g, h, bold);
            }
            for (GasAnalysis a : d.gasAnalyses()) {
                cell(g, time(a.sampledAt()), text);
                cell(g, a.place(), text);
                cell(g, a.readings().stream().map(PermitDocument::reading).collect(Collectors.joining("；")), text);
                cell(g, a.analyst(), text);
                cell(g, a.passed() ? "合格" : "不合格", text);
            }
            doc.add(g);
        }

        doc.add(section("审批与验收", bold));
        PdfPTable a = new PdfPTable(new float[] {1, 3, 1, 3});
        a.setWidthPercentage(100);
        cell(a, "审批层级", bold);
        cell(a, d.requiredApprovalLabel(), text);
        cell(a, "审批人", bold);
        cell(a, nz(d.approver()) + (d.approvedAt() != null ? "  " + time(d.approvedAt()) : ""), text);
        cell(a, "开始作业", bold);
        cell(a, time(d.startedAt()), text);
        cell(a, "完工", bold);
        cell(a, time(d.completedAt()), text);
        cell(a, "验收交还", bold);
        cell(a, nz(d.handedBackTo()), text);
        cell(a, "关闭", bold);
        cell(a, time(d.closedAt()), text);
        doc.add(a);

        if (!signatures.isEmpty()) {
            doc.add(section("签名", bold));
            Paragraph p = new Paragraph("", text);
            for (PermitSignature s : signatures) {
                p.add(new Phrase(label(s.role()) + "：" + s.name() + "（" + time(s.signedAt()) + "，SHA-256 " + s.sha256().substring(0, 12) + "…）\n",
                        text));
            }
            doc.add(p);
        }
        Paragraph foot = new Paragraph("扫描右上角二维码查看作业票实时状态。依据 GB 30871-2022《危险化学品企业特殊作业安全规范》。", new Font(base, 8));
        foot.setSpacingBefore(12);
        doc.add(foot);
        doc.close();
        return out.toByteArray();
    }

    private static Paragraph section(String title, Font bold) {
        Paragraph p = new Paragraph(title, bold);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static void cell(PdfPTable t, String s, Font f) {
        t.addCell(new PdfPCell(new Phrase(nz(s), f)));
    }

    private static void wide(PdfPTable t, String s, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(nz(s), f));
        c.setColspan(3);
        t.addCell(c);
    }

    private String time(Instant i) {
        return i == null ? "" : TIME.format(i.atZone(zone));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String worker(Worker w) {
        return w.name() + (w.certificateNumber() == null ? "" : "（" + (w.category() == null ? "" : w.category().label() + " ") + w.certificateNumber()
                + (w.validUntil() == null ? "" : "，有效至" + w.validUntil()) + "）");
    }

    private static String reading(GasReading r) {
        return switch (r.kind()) {
            case COMBUSTIBLE -> r.substance() + " " + r.value().toPlainString() + "%（LEL " + r.lel().toPlainString() + "%）";
            case OXYGEN -> "氧气 " + r.value().toPlainString() + "%";
            case TOXIC -> r.substance() + " " + r.value().toPlainString() + "（限值 " + r.limit().toPlainString() + "）";
        };
    }

    private static String label(String role) {
        return switch (role) {
            case "APPLICANT" -> "申请人";
            case "WORK_LEADER" -> "作业负责人";
            case "GUARDIAN" -> "监护人";
            case "APPROVER" -> "审批人";
            default -> "验收人";
        };
    }

    private static Image qr(String url) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            Image img = Image.getInstance(png.toByteArray());
            img.setAlignment(Element.ALIGN_RIGHT);
            return img;
        } catch (WriterException | IOException e) {
            throw new UncheckedIOException(new IOException("could not draw the QR code", e));
        }
    }
}
