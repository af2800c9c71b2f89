package org.anjian.penalty.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.penalty.domain.Labels;
import org.anjian.penalty.domain.Measure;
import org.anjian.penalty.domain.PenaltyRules;
import org.anjian.shared.pdf.CjkFont;
import org.anjian.shared.pdf.OfficialDocument;
import org.springframework.stereotype.Component;

/** The text of the 行政处罚告知书 and 行政处罚决定书, on the district's shared layout. */
@Component
class PenaltyDocuments {

    private final CjkFont font;
    private final UserDirectory users;
    private final OrganizationDirectory organization;

    PenaltyDocuments(CjkFont font, UserDirectory users, OrganizationDirectory organization) {
        this.font = font;
        this.users = users;
        this.organization = organization;
    }

    byte[] notice(String authority, String number, LocalDate today, PenaltyCaseView c, EnterpriseSummary e, PenaltyRules rules) {
        boolean hearing = Boolean.TRUE.equals(c.hearingRight());
        OfficialDocument doc = OfficialDocument.start(font.get(), authority, "行政处罚告知书", number)
                .addressee(e.name() + "（统一社会信用代码：" + e.creditCode() + "）：")
                .paragraph("经查，你单位存在下列违法行为：" + c.facts())
                .paragraph("违法行为类别：" + Labels.categories(c.categories()) + "。")
                .paragraph("以上事实违反了" + c.legalBasis() + "的规定。依据上述规定，本局拟对你单位作出如下行政处罚：" + Labels.penalty(c.measures(), c.fine())
                        + "。")
                .paragraph("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩。");
        if (hearing) {
            doc.paragraph("根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。如要求听证，应当在收到本告知书之日起"
                    + rules.hearingRequestDays() + "日内（即" + OfficialDocument.DATE.format(rules.periodEnds(today, true)) + "前）向本局提出；"
                    + "逾期未提出的，视为放弃听证权利。");
        } else {
            doc.paragraph("你单位如需陈述、申辩，应当在收到本告知书之日起" + rules.statementDays() + "日内（即"
                    + OfficialDocument.DATE.format(rules.periodEnds(today, false)) + "前）向本局提出；逾期未提出的，视为放弃上述权利。");
        }
        return doc.fields(List.<String[]>of(new String[] {"联系地址", authority}, new String[] {"承办人", handlers(c)}))
                .signatures(List.of(new OfficialDocument.Signature("当事人", null, null)))
                .seal(today)
                .finish();
    }

    byte[] decision(String authority, String number, LocalDate today, PenaltyCaseView c, EnterpriseSummary e, String noticeNumber, String hearingSummary) {
        String district = organization.district().name();
        OfficialDocument doc = OfficialDocument.start(font.get(), authority, "行政处罚决定书", number)
                .fields(List.<String[]>of(new String[] {"当事人", e.name()}, new String[] {"统一社会信用代码", e.creditCode()},
                        new String[] {"法定代表人（负责人）", c.responsiblePerson() == null ? "" : c.responsiblePerson()}))
                .paragraph("违法事实：" + c.facts())
                .paragraph("违法行为类别：" + Labels.categories(c.categories()) + "。")
                .paragraph("本局于" + OfficialDocument.DATE.format(c.notifiedOn()) + "以《行政处罚告知书》（" + noticeNumber
                        + "）告知你单位拟作出的行政处罚内容及事实、理由、依据，并告知你单位依法享有的权利。"
                        + (hearingSummary == null ? "你单位在规定期限内未提出听证申请或陈述申辩意见被依法复核。" : "本局依法举行了听证：" + hearingSummary));
        doc.paragraph("以上事实违反了" + c.legalBasis() + "的规定。依据上述规定，本局决定对你单位给予以下行政处罚：");
        doc.boldParagraph(Labels.penalty(c.measures(), c.fine()) + "。");
        if (c.fine() > 0) {
            doc.paragraph("罚款自收到本决定书之日起十五日内缴至指定银行或者通过电子支付系统缴纳，缴款时请注明本决定书文号（" + number
                    + "）。到期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额，并依法申请人民法院强制执行"
                    + "（《中华人民共和国行政处罚法》第六十七条、第七十二条）。");
        }
        if (c.measures().stream().anyMatch(Measure.SEVERE::contains)) {
            doc.paragraph("你单位应当自收到本决定书之日起执行上述停产停业、吊销或者关闭措施，并接受本局监督检查。");
        }
        return doc.paragraph("你单位如不服本决定，可以在收到本决定书之日起六十日内向" + district + "人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
                        + "行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。")
                .fields(List.<String[]>of(new String[] {"承办人", handlers(c)}))
                .seal(today)
                .finish();
    }

    private String handlers(PenaltyCaseView c) {
        List<String> names = new ArrayList<>();
        for (var id : c.handlerIds()) {
            users.user(id).ifPresent(u -> names.add(u.displayName() + (u.enforcementCertNo() == null ? "" : "（执法证号 " + u.enforcementCertNo() + "）")));
        }
        return String.join("、", names);
    }
}
