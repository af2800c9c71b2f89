package org.anjian.risk.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
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
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.anjian.risk.RiskLevel;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.pdf.CjkFont;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Prints a post's 两单两卡 on A4: the post risk list, the post duty list, the operation card and
 * the emergency card, with a QR code that opens the post's page so that a worker scanning the
 * card on the wall always sees the current version. Labels come from the Chinese bundle, because
 * the card is posted at a Chinese workplace whatever language its printer reads.
 */
@Component
public class PostCards {

    private final CjkFont cjk;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    PostCards(CjkFont cjk, MessageSource messages, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.cjk = cjk;
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] render(PostRecord post, List<RiskPointRecord> risks, String pageUrl) {
        BaseFont base;
        try {
            base = cjk.get();
        } catch (IllegalStateException e) {
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "risk.cards.noFont", e.getMessage());
        }
        Font title = new Font(base, 16, Font.BOLD);
        Font heading = new Font(base, 12, Font.BOLD, Color.WHITE);
        Font body = new Font(base, 9.5f);
        Font small = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(t("risk.cards.title") + " " + post.name());
            doc.addCreator("AnJian");
            doc.open();

            PdfPTable head = new PdfPTable(new float[]{5, 1.2f});
            head.setWidthPercentage(100);
            PdfPCell left = new PdfPCell();
            left.setBorder(0);
            left.addElement(new Paragraph(t("risk.cards.title"), title));
            left.addElement(new Paragraph(post.enterpriseName(), body));
            left.addElement(new Paragraph(t("risk.post.name") + "：" + post.name()
                    + (post.workshop() == null ? "" : "　" + t("risk.post.workshop") + "：" + post.workshop()), body));
            left.addElement(new Paragraph(t("risk.cards.printed") + "：" + LocalDate.now(clock.withZone(zone)), small));
            head.addCell(left);
            PdfPCell qr = new PdfPCell(qr(pageUrl), true);
            qr.setBorder(0);
            qr.setHorizontalAlignment(Element.ALIGN_RIGHT);
            head.addCell(qr);
            PdfPCell scan = new PdfPCell(new Phrase("", small));
            scan.setBorder(0);
            head.addCell(scan);
            PdfPCell scanText = new PdfPCell(new Phrase(t("risk.cards.scan"), small));
            scanText.setBorder(0);
            scanText.setHorizontalAlignment(Element.ALIGN_CENTER);
            head.addCell(scanText);
            doc.add(head);

            // 1 岗位风险清单
            doc.add(section(t("risk.cards.riskList"), heading, new Color(0xc0, 0x39, 0x2b)));
            PdfPTable table = new PdfPTable(new float[]{2.4f, 2.8f, 1.2f, 4, 1.9f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String h : List.of("risk.point.name", "risk.point.factors", "risk.point.level", "risk.point.measures", "risk.point.responsible")) {
                PdfPCell c = new PdfPCell(new Phrase(t(h), new Font(base, 9.5f, Font.BOLD)));
                c.setBackgroundColor(new Color(0xee, 0xee, 0xee));
                table.addCell(c);
            }
            if (risks.isEmpty()) {
                PdfPCell none = new PdfPCell(new Phrase(t("risk.cards.noRisks"), body));
                none.setColspan(5);
                table.addCell(none);
            }
            for (RiskPointRecord r : risks) {
                RiskLevel level = r.assessment().level();
                table.addCell(new Phrase(r.unitName() + " · " + r.name(), body));
                table.addCell(new Phrase(String.join("；", r.hazardousFactors()), body));
                PdfPCell lc = new PdfPCell(new Phrase(t("risk.level." + level), new Font(base, 9.5f, Font.BOLD,
                        level == RiskLevel.GENERAL ? Color.BLACK : Color.WHITE)));
                lc.setBackgroundColor(Color.decode(level.colour()));
                table.addCell(lc);
                table.addCell(new Phrase(r.controlMeasures().stream()
                        .map(m -> "【" + t("risk.measure." + m.type()) + "】" + m.description()).collect(Collectors.joining("\n")), body));
                table.addCell(new Phrase(t("risk.responsibleLevel." + r.responsibleLevel()) + "\n" + r.responsiblePerson()
                        + (r.responsiblePhone() == null ? "" : "\n" + r.responsiblePhone()), body));
            }
            doc.add(table);

            // 2 岗位职责清单
            doc.add(section(t("risk.cards.dutyList"), heading, new Color(0x2e, 0x5e, 0x9e)));
            doc.add(numbered(post.duties(), body));
            // 3 岗位操作卡
            doc.add(section(t("risk.cards.operationCard"), heading, new Color(0x1f, 0x7a, 0x4d)));
            doc.add(new Paragraph(t("risk.post.operationSteps"), new Font(base, 10, Font.BOLD)));
            doc.add(numbered(post.operationSteps(), body));
            doc.add(new Paragraph(t("risk.post.prohibitions"), new Font(base, 10, Font.BOLD, new Color(0xc0, 0x00, 0x00))));
            doc.add(numbered(post.prohibitions(), body));
            // 4 应急处置卡
            doc.add(section(t("risk.cards.emergencyCard"), heading, new Color(0xd3, 0x54, 0x00)));
            doc.add(new Paragraph(t("risk.post.emergencyMeasures"), new Font(base, 10, Font.BOLD)));
            doc.add(numbered(post.emergencyMeasures(), body));
            doc.add(new Paragraph(t("risk.post.emergencyContacts"), new Font(base, 10, Font.BOLD)));
            doc.add(numbered(post.emergencyContacts(), body));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not print the cards of post " + post.id(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable section(String text, Font font, Color colour) {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setSpacingBefore(10);
        t.setSpacingAfter(4);
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setBackgroundColor(colour);
        c.setPadding(5);
        c.setBorder(0);
        t.addCell(c);
        return t;
    }

    private Paragraph numbered(List<String> items, Font font) {
        Paragraph p = new Paragraph();
        p.setLeading(font.getSize() * 1.5f);
        if (items.isEmpty()) {
            p.add(new Chunk(t("risk.cards.empty"), font));
            return p;
        }
        for (int i = 0; i < items.size(); i++) {
            p.add(new Chunk((i + 1) + ". " + items.get(i) + "\n", font));
        }
        return p;
    }

    private static Image qr(String url) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return Image.getInstance(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new UncheckedIOException(new IOException("could not draw the QR code", e));
        }
    }

    private String t(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
