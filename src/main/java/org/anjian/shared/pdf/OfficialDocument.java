package org.anjian.shared.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Chunk;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The layout every enforcement document shares (ENF-4): issuing authority, title and number
 * centred at the top, the addressee, numbered body paragraphs, tables, the signatures (as images
 * when one was captured, else a blank line to sign on paper) and the seal line with the date. One
 * builder, so that a 责令限期整改指令书 and a 行政处罚决定书 look like the same district's papers.
 *
 * <pre>
 * byte[] pdf = OfficialDocument.start(font.get(), "江津区应急管理局", "行政处罚决定书", number)
 *         .addressee("重庆某某有限公司：").paragraph("经查，……").seal(today).finish();
 * </pre>
 */
public final class OfficialDocument {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** A signer: a label (执法人员, 被检查单位负责人 …), a name, and the signature image (PNG) if one was captured. */
    public record Signature(String label, String name, byte[] png) {
    }

    private final BaseFont base;
    private final String authority;
    private final Document doc;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Font text;
    private final Font small;
    private final Font bold;

    private OfficialDocument(BaseFont base, String authority, String title, String number) {
        this.base = base;
        this.authority = authority;
        this.text = new Font(base, 11);
        this.small = new Font(base, 9);
        this.bold = new Font(base, 11, Font.BOLD);
        this.doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(title + " " + number);
        doc.addCreator("AnJian");
        doc.open();
        Paragraph head = new Paragraph(authority, new Font(base, 14, Font.BOLD));
        head.setAlignment(Element.ALIGN_CENTER);
        add(head);
        Paragraph t = new Paragraph(title, new Font(base, 18, Font.BOLD));
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(4);
        add(t);
        Paragraph no = new Paragraph(number, text);
        no.setAlignment(Element.ALIGN_CENTER);
        no.setSpacingAfter(14);
        add(no);
    }

    /** Starts a document of {@code authority} (e.g. 江津区应急管理局) with its title and number. */
    public static OfficialDocument start(BaseFont font, String authority, String title, String number) {
        return new OfficialDocument(font, authority, title, number);
    }

    public OfficialDocument addressee(String addressee) {
        add(new Paragraph(addressee, text));
        return this;
    }

    /** A body paragraph, first line indented by two characters as official documents are. */
    public OfficialDocument paragraph(String body) {
        Paragraph p = new Paragraph(body, text);
        p.setFirstLineIndent(22);
        p.setSpacingBefore(4);
        add(p);
        return this;
    }

    public OfficialDocument boldParagraph(String body) {
        Paragraph p = new Paragraph(body, bold);
        p.setSpacingBefore(8);
        add(p);
        return this;
    }

    /** Label–value lines (被检查单位, 地址, 检查时间 …) as a two-column table without borders. */
    public OfficialDocument fields(List<String[]> labelValue) {
        PdfPTable table = new PdfPTable(new float[] {1.3f, 4f});
        table.setWidthPercentage(100);
        for (String[] lv : labelValue) {
            PdfPCell l = new PdfPCell(new Paragraph(lv[0], bold));
            l.setBorder(0);
            PdfPCell v = new PdfPCell(new Paragraph(lv.length > 1 && lv[1] != null ? lv[1] : "", text));
            v.setBorder(0);
            table.addCell(l);
            table.addCell(v);
        }
        table.setSpacingAfter(8);
        add(table);
        return this;
    }

    /** A ruled table with a shaded header row; {@code widths} are relative. */
    public OfficialDocument table(List<String> headers, float[] widths, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Paragraph(h, new Font(base, 10, Font.BOLD)));
            c.setBackgroundColor(new Color(235, 239, 244));
            table.addCell(c);
        }
        for (List<String> row : rows) {
            for (String cell : row) {
                table.addCell(new Paragraph(cell == null ? "" : cell, small));
            }
        }
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        add(table);
        return this;
    }

    /** The signers, each with the captured signature image or a line to sign on paper. */
    public OfficialDocument signatures(List<Signature> signers) {
        // every element gets the CJK font, so that no standard (unembedded) font is referenced anywhere in the file
        Paragraph block = new Paragraph("", text);
        block.setSpacingBefore(18);
        for (Signature s : signers) {
            Phrase line = new Phrase("", text);
            line.add(new Chunk(s.label() + "（签名）：", text));
            if (s.png() != null && s.png().length > 0) {
                try {
                    Image img = Image.getInstance(s.png());
                    img.scaleToFit(110, 36);
                    line.add(new Chunk(img, 0, -8, true));
                } catch (IOException | RuntimeException unreadable) {
                    // a stored signature that cannot be read prints as the name: the document must still be issued
                    line.add(new Chunk(s.name() == null ? "" : s.name(), text));
                }
                line.add(new Chunk("  " + (s.name() == null ? "" : s.name()), small));
            } else {
                line.add(new Chunk(s.name() == null || s.name().isBlank() ? "____________________" : s.name(), text));
            }
            Paragraph p = new Paragraph("", text);
            p.add(line);
            p.setSpacingBefore(10);
            block.add(p);
        }
        add(block);
        return this;
    }

    /** The authority's seal line and date, right-aligned, closing the document. */
    public OfficialDocument seal(LocalDate date) {
        Paragraph seal = new Paragraph(authority + "（印章）\n" + DATE.format(date), text);
        seal.setAlignment(Element.ALIGN_RIGHT);
        seal.setSpacingBefore(24);
        add(seal);
        return this;
    }

    public byte[] finish() {
        doc.close();
        return out.toByteArray();
    }

    private void add(Element e) {
        doc.add(e);
    }
}
