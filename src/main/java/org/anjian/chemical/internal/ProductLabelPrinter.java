package org.anjian.chemical.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.anjian.chemical.domain.GhsPictogram;
import org.anjian.chemical.internal.EnterpriseProducts.PublicLabel;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.pdf.CjkFont;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The QR code of a product's public page (PNG) and a printable label (PDF, 100 × 150 mm, the size of
 * a drum label): the label facts of GB 15258-2009 §4 with the QR code, so a label on the package
 * and the scanned page always agree. Texts are Chinese: the label is posted at a Chinese workplace.
 */
@Component
class ProductLabelPrinter {

    private static final float MM = 72f / 25.4f;

    private final CjkFont cjk;

    ProductLabelPrinter(CjkFont cjk) {
        this.cjk = cjk;
    }

    byte[] qrPng(String url, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException | IOException e) {
            throw new UncheckedIOException(new IOException("could not draw the QR code", e));
        }
    }

    byte[] labelPdf(PublicLabel p, String url) {
        BaseFont base;
        try {
            base = cjk.get();
        } catch (IllegalStateException e) {
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "chemical.label.noFont", e.getMessage());
        }
        Font title = new Font(base, 14, Font.BOLD);
        Font signal = new Font(base, 16, Font.BOLD, new Color(0xC0, 0, 0));
        Font heading = new Font(base, 8.5f, Font.BOLD);
        Font body = new Font(base, 7.5f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(new Rectangle(100 * MM, 150 * MM), 5 * MM, 5 * MM, 5 * MM, 5 * MM);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("化学品安全标签 " + p.productName());
            doc.addCreator("AnJian");
            doc.open();
            Paragraph name = new Paragraph(p.productName() + (p.specification() == null ? "" : "（" + p.specification() + "）"), title);
            name.setAlignment(Element.ALIGN_CENTER);
            doc.add(name);
            Paragraph ids = new Paragraph(p.chemicalName() + "　CAS：" + dash(p.cas()) + "　UN：" + dash(p.unNumber()), body);
            ids.setAlignment(Element.ALIGN_CENTER);
            doc.add(ids);
            PdfPTable head = new PdfPTable(new float[] {3, 1.3f});
            head.setWidthPercentage(100);
            head.setSpacingBefore(4);
            PdfPCell left = new PdfPCell();
            left.setBorder(0);
            if (p.label().signalWord() != null) {
                left.addElement(new Paragraph(p.label().signalWord(), signal));
            }
            StringBuilder pictograms = new StringBuilder();
            for (String code : p.label().pictograms()) {
                pictograms.append(pictograms.isEmpty() ? "" : "、").append(code).append(' ').append(GhsPictogram.valueOf(code).symbol());
            }
            if (!pictograms.isEmpty()) {
                left.addElement(new Paragraph("象形图：" + pictograms, body));
            }
            if (!p.hazardClasses().isEmpty()) {
                left.addElement(new Paragraph("危险性类别：" + String.join("；", p.hazardClasses()), body));
            }
            head.addCell(left);
            PdfPCell qr = new PdfPCell(Image.getInstance(qrPng(url, 300)), true);
            qr.setBorder(0);
            head.addCell(qr);
            doc.add(head);
            section(doc, "危险性说明", p.label().hazardStatements(), heading, body);
            section(doc, "防范说明", p.label().precautions(), heading, body);
            section(doc, "急救措施", p.label().firstAid(), heading, body);
            section(doc, "消防措施", p.label().fireFighting(), heading, body);
            section(doc, "泄漏应急处置", p.label().leakHandling(), heading, body);
            Paragraph phone = new Paragraph("应急咨询电话：" + p.emergencyPhone() + "　供应商：" + p.enterpriseName(), heading);
            phone.setSpacingBefore(4);
            doc.add(phone);
            Paragraph code = new Paragraph("扫码查看安全标签　编码 " + p.code(), body);
            doc.add(code);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new UncheckedIOException(new IOException("could not print the label", e));
        }
        return out.toByteArray();
    }

    private static void section(Document doc, String heading, String text, Font headingFont, Font body) throws DocumentException {
        if (text == null || text.isBlank()) {
            return;
        }
        Paragraph h = new Paragraph(heading, headingFont);
        h.setSpacingBefore(3);
        doc.add(h);
        doc.add(new Paragraph(text, body));
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }
}
