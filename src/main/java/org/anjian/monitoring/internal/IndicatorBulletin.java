package org.anjian.monitoring.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.anjian.monitoring.internal.MonitoringIndicators.Indicators;
import org.anjian.monitoring.internal.MonitoringIndicators.Row;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.pdf.CjkFont;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Component;

/**
 * MON-4 bulletin (监测预警指标通报): the indicators of {@link MonitoringIndicators} for the reader's scope as a PDF with the
 * embedded CJK font: online rate, commitment rate, 包保 duty rate and alarm reply rate for the district and by town, and the
 * enterprises that do worst (lowest of their four rates). The numbers are the same as the indicators' JSON.
 */
@Component
public class IndicatorBulletin {

    /** How many of the worst enterprises the bulletin names. */
    static final int WORST = 10;

    private final MonitoringIndicators indicators;
    private final OrganizationDirectory organization;
    private final CjkFont font;

    IndicatorBulletin(MonitoringIndicators indicators, OrganizationDirectory organization, CjkFont font) {
        this.indicators = indicators;
        this.organization = organization;
        this.font = font;
    }

    /** The worst enterprises: the lowest of their known rates first, at most {@link #WORST}; enterprises without any rate last. */
    static List<Row> worst(List<Row> enterprises) {
        return enterprises.stream().sorted(Comparator.comparing(IndicatorBulletin::lowest, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::name)).limit(WORST).toList();
    }

    static Double lowest(Row r) {
        return Stream.of(r.onlineRate(), r.commitmentRate(), r.dutyRate(), r.replyRate()).filter(Objects::nonNull).min(Double::compare).orElse(null);
    }

    public byte[] render(AnjianUser user) {
        return render(user, null);
    }

    /** The bulletin of a month (null: the current one); see {@link MonitoringIndicators#of(AnjianUser, java.time.YearMonth)}. */
    public byte[] render(AnjianUser user, java.time.YearMonth month) {
        Indicators in = indicators.of(user, month);
        boolean past = in.past();
        BaseFont base = font.get();
        Font text = new Font(base, 9);
        Font bold = new Font(base, 9, Font.BOLD);
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter.getInstance(doc, out);
        doc.addTitle("监测预警指标通报 " + in.month());
        doc.addCreator("AnJian");
        doc.open();
        Paragraph title = new Paragraph("危险化学品安全生产风险监测预警指标通报", new Font(base, 16, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph sub = new Paragraph(in.district().name() + "    通报月份：" + in.month().getYear() + "年" + in.month().getMonthValue() + "月    统计日：" + in.day()
                + (past
                ? "    在线率为实时指标，历史月份不回溯（—）；承诺率为统计日10:00前承诺的企业占比；包保履职率为全部重大危险源的技术、操作负责人中统计日最近履职在规定周期内的占比（无履职记录计为未履职）；报警回复率为本月产生的报警中按时回复的占比"
                : "    在线率为当前在线传感器占比；承诺率为当日10:00前承诺的企业占比；包保履职率为全部重大危险源的技术、操作负责人中最近履职在规定周期内的占比（无履职记录计为未履职）；报警回复率为近30日按时回复的报警占比"), text);
        sub.setSpacingAfter(8);
        doc.add(sub);

        doc.add(new Paragraph("一、各镇街指标", bold));
        PdfPTable towns = table(bold, "镇街");
        row(towns, in.district().name() + "（合计）", in.district(), bold);
        for (Row t : in.towns()) {
            row(towns, t.id() == null ? "未分镇街" : organization.region(t.id()).map(Region::name).orElse(String.valueOf(t.id())), t, text);
        }
        doc.add(towns);

        Paragraph worstTitle = new Paragraph("二、指标较差的企业（前" + WORST + "名）", bold);
        worstTitle.setSpacingBefore(10);
        doc.add(worstTitle);
        PdfPTable worst = table(bold, "企业");
        List<Row> rows = worst(in.enterprises());
        for (Row e : rows) {
            row(worst, e.name(), e, text);
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("范围内暂无接入监测的企业", text));
            none.setColspan(5);
            worst.addCell(none);
        }
        doc.add(worst);
        doc.close();
        return out.toByteArray();
    }

    private static PdfPTable table(Font bold, String first) {
        PdfPTable t = new PdfPTable(new float[] {4, 2, 2, 2, 2});
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setHeaderRows(1);
        for (String h : List.of(first, "在线率", "承诺率", "包保履职率", "报警回复率")) {
            t.addCell(new PdfPCell(new Phrase(h, bold)));
        }
        return t;
    }

    private static void row(PdfPTable t, String name, Row r, Font f) {
        t.addCell(new PdfPCell(new Phrase(name, f)));
        t.addCell(new PdfPCell(new Phrase(rate(r.onlineRate(), r.online(), r.sensors()), f)));
        t.addCell(new PdfPCell(new Phrase(rate(r.commitmentRate(), r.committed(), r.enterprises()), f)));
        t.addCell(new PdfPCell(new Phrase(rate(r.dutyRate(), r.dutiesCurrent(), r.custodians()), f)));
        t.addCell(new PdfPCell(new Phrase(rate(r.replyRate(), r.repliedInTime(), r.alarms()), f)));
    }

    /** "50.0% (1/2)", or "—" where nothing is counted. */
    static String rate(Double rate, long part, long whole) {
        return rate == null ? "—" : rate + "% (" + part + "/" + whole + ")";
    }
}
