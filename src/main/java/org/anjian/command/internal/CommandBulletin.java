package org.anjian.command.internal;

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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.anjian.command.internal.CommandSituation.MonthReport;
import org.anjian.command.internal.CommandSituation.Ranked;
import org.anjian.shared.pdf.CjkFont;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Component;

/**
 * CMD-2 monthly bulletin (安全生产形势月报) as a PDF with the embedded CJK font: the month's figures (hazards found and
 * closed, inspections finished, accidents), the situation on the day it is printed, the towns ranked by open major
 * hazards and the warnings (overdue major hazards, licences running out, alarms not replied to), for the reader's scope.
 */
@Component
public class CommandBulletin {

    static final int RANKED = 10;

    private final CommandSituation situation;
    private final CjkFont font;

    CommandBulletin(CommandSituation situation, CjkFont font) {
        this.situation = situation;
        this.font = font;
    }

    /** The bulletin's file name, e.g. 安全生产形势月报-2026-11.pdf. */
    public static String fileName(YearMonth month) {
        return "安全生产形势月报-" + month + ".pdf";
    }

    public byte[] render(AnjianUser user, YearMonth month) {
        MonthReport r = situation.month(user, month);
        BaseFont base = font.get();
        Font text = new Font(base, 10);
        Font bold = new Font(base, 10, Font.BOLD);
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter.getInstance(doc, out);
        String title = r.district() + "安全生产形势月报";
        doc.addTitle(title + " " + month);
        doc.addCreator("AnJian");
        doc.open();
        Paragraph head = new Paragraph(title, new Font(base, 18, Font.BOLD));
        head.setAlignment(Element.ALIGN_CENTER);
        doc.add(head);
        Paragraph sub = new Paragraph(month.getYear() + "年" + month.getMonthValue() + "月    印发日期：" + LocalDate.ofInstant(situation.now(), situation.zone()), text);
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(10);
        doc.add(sub);

        doc.add(new Paragraph("一、本月概况", bold));
        doc.add(new Paragraph("本月排查隐患 " + r.figures().hazardsFound() + " 项，整改销号 " + r.figures().hazardsClosed() + " 项；完成执法检查 "
                + r.figures().inspections() + " 次；发生生产安全事故 " + r.figures().accidents() + " 起。", text));

        Map<String, Long> t = r.now().totals();
        Paragraph now = new Paragraph("二、当前态势", bold);
        now.setSpacingBefore(8);
        doc.add(now);
        doc.add(new Paragraph("在册企业 " + t.get("enterprises") + " 家；有风险点的企业 " + t.get("risk") + " 家（其中重大风险 " + t.get("majorRisk")
                + " 家）；未销号隐患 " + t.get("hazards") + " 项（其中重大隐患 " + t.get("majorHazards") + " 项，逾期 " + t.get("overdueHazards")
                + " 项）；未消除报警 " + t.get("alarms") + " 条（未按时回复 " + t.get("unrepliedAlarms") + " 条）；近一年事故 " + t.get("accidents")
                + " 起；作业中的特殊作业 " + t.get("permits") + " 张；今日执法检查 " + t.get("inspections") + " 次。", text));

        Paragraph rank = new Paragraph("三、各镇街隐患排名（前" + RANKED + "名）", bold);
        rank.setSpacingBefore(8);
        doc.add(rank);
        PdfPTable towns = new PdfPTable(new float[] {1, 4, 2, 2, 2, 2});
        towns.setWidthPercentage(100);
        towns.setSpacingBefore(4);
        towns.setHeaderRows(1);
        for (String h : List.of("名次", "镇街", "未销号隐患", "重大隐患", "逾期隐患", "未消除报警")) {
            towns.addCell(new PdfPCell(new Phrase(h, bold)));
        }
        int i = 0;
        for (Ranked town : r.towns().stream().limit(RANKED).toList()) {
            i++;
            for (String v : List.of(String.valueOf(i), town.name(), String.valueOf(town.hazards()), String.valueOf(town.majorHazards()),
                    String.valueOf(town.overdueHazards()), String.valueOf(town.alarms()))) {
                towns.addCell(new PdfPCell(new Phrase(v, text)));
            }
        }
        doc.add(towns);

        Paragraph warn = new Paragraph("四、预警提示", bold);
        warn.setSpacingBefore(8);
        doc.add(warn);
        doc.add(new Paragraph("逾期未整改的重大隐患 " + r.warnings().overdueMajorHazards().size() + " 项；30 日内到期的证照 "
                + r.warnings().expiringLicences().size() + " 个；未按时回复的报警 " + r.warnings().unrepliedAlarms().size() + " 条。", text));
        r.warnings().overdueMajorHazards().stream().limit(RANKED).forEach(h -> doc.add(new Paragraph(
                "· " + h.enterpriseName() + "：" + h.description() + "（整改期限 " + LocalDate.ofInstant(h.deadline(), situation.zone()) + "）", text)));
        r.warnings().expiringLicences().stream().limit(RANKED).forEach(l -> doc.add(new Paragraph(
                "· " + l.enterpriseName() + "：证照 " + (l.number() == null ? "" : l.number()) + " 于 " + l.validTo() + " 到期", text)));
        doc.close();
        return out.toByteArray();
    }
}
