package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.inspection.DocumentKind;
import org.anjian.inspection.EnforcementDocumentIssuer.DocumentRequest;
import org.anjian.inspection.EnforcementDocumentIssuer.IssuedDocument;
import org.anjian.inspection.InspectionCompanions;
import org.anjian.inspection.domain.OnSiteMeasures;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.pdf.CjkFont;
import org.anjian.shared.pdf.OfficialDocument;
import org.anjian.shared.security.AnjianUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of the visit itself (ENF-4): the 现场检查记录 issued when the inspection is finished
 * (or earlier on demand), the 现场处理措施决定书 for major hazards that cannot be kept safe during
 * rectification (安全生产法 第六十五条), and corrections — a new document of the same kind that
 * names the one it corrects and why, the original staying as it was issued.
 */
@Service
@Transactional
public class OnSiteDocuments {

    public enum Measure {
        SUSPEND_OPERATION("责令暂时停产停业"),
        EVACUATE_PERSONNEL("责令从危险区域内撤出作业人员"),
        STOP_EQUIPMENT("责令停止使用相关设施、设备"),
        SEAL_EQUIPMENT("查封有关设施、设备、器材");

        private final String text;

        Measure(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public record NewMeasures(List<Measure> measures, List<UUID> findingIds, String basis, LocalDate until) {
    }

    public record Doc(UUID id, DocumentKind kind, String number, String issuedBy, Instant issuedAt, String sha256, UUID correctsId,
                      String correctsNumber, String correctionReason) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private final DocumentRepository repository;
    private final EnforcementDocuments documents;
    private final InspectionService inspections;
    private final OnSiteEvidence evidence;
    private final Exams exams;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final OrganizationDirectory organization;
    private final CjkFont font;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ObjectProvider<InspectionCompanions> companions;
    private final java.time.Clock clock;

    private final ZoneId zone;
    OnSiteDocuments(DocumentRepository repository, EnforcementDocuments documents, InspectionService inspections, OnSiteEvidence evidence, Exams exams,
                    EnterpriseLookup enterprises, UserDirectory users, OrganizationDirectory organization, CjkFont font, AuditTrail audit,
                    MessageSource messages, ObjectProvider<InspectionCompanions> companions, java.time.Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.clock = clock;
        this.repository = repository;
        this.documents = documents;
        this.inspections = inspections;
        this.evidence = evidence;
        this.exams = exams;
        this.enterprises = enterprises;
        this.users = users;
        this.organization = organization;
        this.font = font;
        this.audit = audit;
        this.messages = messages;
        this.companions = companions;
    }

    /** Finishes the inspection and issues its 现场检查记录 in the same transaction. */
    public InspectionService.Inspection finish(AnjianUser user, UUID inspectionId) {
        inspections.finish(user, inspectionId);
        inspectionRecord(user, inspectionId);
        return inspections.get(user, inspectionId);
    }

    public IssuedDocument inspectionRecord(AnjianUser user, UUID inspectionId) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        InspectionService.requireOnTeam(user, i);
        return documents.issue(user, new DocumentRequest(DocumentKind.INSPECTION_RECORD, i.enterpriseId(), inspectionId, null, null),
                (number, today) -> renderRecord(number, inspectionId, today, null));
    }

    public IssuedDocument onSiteMeasures(AnjianUser user, UUID inspectionId, NewMeasures n) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        InspectionService.requireOnTeam(user, i);
        Map<UUID, InspectionService.Finding> byId = new LinkedHashMap<>();
        i.findings().forEach(f -> byId.put(f.id(), f));
        Map<UUID, Boolean> majorByFinding = new LinkedHashMap<>();
        i.findings().forEach(f -> majorByFinding.put(f.id(), f.major()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<UUID> ids = Refusals.get(() -> OnSiteMeasures.decide(n.measures(), n.findingIds(), majorByFinding, n.basis(), n.until(), today));
        List<InspectionService.Finding> chosen = ids.stream().map(byId::get).toList();
        List<Measure> measures = n.measures().stream().distinct().toList();
        String basis = n.basis().trim();
        IssuedDocument d = documents.issue(user, new DocumentRequest(DocumentKind.ON_SITE_MEASURES, i.enterpriseId(), inspectionId, null, null),
                (number, issuedOn) -> renderMeasures(number, i, chosen, measures, basis, n.until(), issuedOn, null));
        repository.insertMeasures(d.id(), inspectionId, new DocumentRepository.Measures(measures.stream().map(Enum::name).toList(), ids, basis, n.until()));
        audit.record("ON_SITE_MEASURES_DECIDED", "inspection", inspectionId, null,
                Map.of("documentId", d.id(), "number", d.number(), "measures", measures, "findingIds", ids, "until", n.until()));
        return d;
    }

    /** Issues a correction of document {@code id}; the original is left exactly as it was issued. */
    public IssuedDocument correct(AnjianUser user, UUID id, String reason) {
        IssuedDocument original = documents.find(id).orElseThrow(() -> DomainException.notFound("document"));
        if (original.inspectionId() == null) {
            throw DomainException.conflict("inspection.document.correctionUnsupported", "该文书由其他模块出具，请在原业务中更正");
        }
        InspectionService.Inspection i = inspections.get(user, original.inspectionId());
        InspectionService.requireOnTeam(user, i);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw DomainException.invalid("reason", "inspection.document.correctionReason", "请填写更正原因");
        }
        String why = reason.trim();
        String note = "本文书更正本局" + OfficialDocument.DATE.format(original.issuedAt().atZone(zone).toLocalDate()) + "出具的第 "
                + original.number() + " 文书，原文书同时作废。更正原因：" + why;
        UUID root = original.id();
        IssuedDocument d = switch (original.kind()) {
            case INSPECTION_RECORD -> documents.issue(user, request(original), (number, today) -> renderRecord(number, i.id(), today, note));
            case RECTIFICATION_ORDER -> documents.issue(user, request(original), (number, today) -> documents.render(number, i, i.findings(), today, note));
            case REINSPECTION_OPINION -> {
                EnforcementDocuments.Order o = documents.reinspectedBy(repository.rootOf(root)).orElseThrow();
                yield documents.issue(user, request(original), (number, today) -> documents.renderOpinion(number, o.number(), i,
                        "CLOSED".equals(o.state()), o.opinion(), today, note));
            }
            case ON_SITE_MEASURES -> {
                DocumentRepository.Measures m = repository.measures(repository.rootOf(root));
                List<InspectionService.Finding> chosen = i.findings().stream().filter(f -> m.findingIds().contains(f.id())).toList();
                List<Measure> measures = m.measures().stream().map(Measure::valueOf).toList();
                yield documents.issue(user, request(original), (number, today) -> renderMeasures(number, i, chosen, measures, m.basis(),
                        m.until(), today, note));
            }
            default -> throw DomainException.conflict("inspection.document.correctionUnsupported", "该文书由其他模块出具，请在原业务中更正");
        };
        repository.noteCorrectionReason(d.id(), why);
        audit.record("DOCUMENT_CORRECTED", "enforcement-document", original.id(), null, Map.of("correctedBy", d.id(), "number", d.number(), "reason", why));
        return d;
    }

    private static DocumentRequest request(IssuedDocument original) {
        return new DocumentRequest(original.kind(), original.enterpriseId(), original.inspectionId(), original.caseId(), original.id());
    }

    /** The documents issued for the inspection, in the order they were issued. */
    @Transactional(readOnly = true)
    public List<Doc> documentsOf(AnjianUser user, UUID inspectionId) {
        inspections.get(user, inspectionId);
        return documentsOf(inspectionId);
    }

    @Transactional(readOnly = true)
    List<Doc> documentsOf(UUID inspectionId) {
        return repository.ofInspection(inspectionId);
    }

    /** The PDF bytes as stored, for the archive. */
    @Transactional(readOnly = true)
    byte[] pdfOf(UUID documentId) {
        return repository.pdfOf(documentId);
    }

    public String categoryLabel(org.anjian.inspection.ViolationCategory c) {
        return messages.getMessage("inspection.category." + c.name(), null, c.name(), Locale.SIMPLIFIED_CHINESE);
    }

    /** The names of those present besides the inspectors: the free text, then what other modules report. */
    public List<String> companionsOf(InspectionService.Inspection i) {
        List<String> names = new ArrayList<>();
        if (i.companions() != null && !i.companions().isBlank()) {
            names.add(i.companions());
        }
        companions.orderedStream().forEach(c -> names.addAll(c.companionsOf(i.id())));
        return names;
    }

    private byte[] renderRecord(String number, UUID inspectionId, LocalDate today, String correction) {
        InspectionService.Inspection i = inspections.get(inspectionId);
        EnterpriseSummary e = enterprises.find(i.enterpriseId()).orElse(null);
        String place = e == null ? i.enterpriseName() : i.enterpriseName() + "（" + (e.townId() == null ? "" : organization.region(e.townId()).map(r -> r.name()).orElse("")) + "）";
        List<String> inspectorNames = new ArrayList<>();
        for (UUID id : i.inspectorIds()) {
            users.user(id).ifPresent(u -> inspectorNames.add(u.displayName() + "（执法证号 " + u.enforcementCertNo() + "）"));
        }
        Instant from = i.startedAt() != null ? i.startedAt() : i.createdAt();
        Instant to = i.finishedAt();
        String time = TIME.format(LocalDateTime.ofInstant(from, zone)) + " 至 "
                + (to == null ? "（检查中）" : TIME.format(LocalDateTime.ofInstant(to, zone)));
        List<String> present = companionsOf(i);
        OfficialDocument doc = OfficialDocument.start(font.get(), documents.authority(), "现场检查记录", number);
        if (correction != null) {
            doc.boldParagraph(correction);
        }
        doc.fields(List.of(
                new String[] {"被检查单位", i.enterpriseName()},
                new String[] {"统一社会信用代码", e == null ? "" : e.creditCode()},
                new String[] {"检查场所", place},
                new String[] {"检查时间", time},
                new String[] {"执法人员", String.join("、", inspectorNames)},
                new String[] {"同行专家及人员", present.isEmpty() ? "无" : String.join("、", present)}));
        doc.paragraph("执法人员出示执法证件，表明身份，告知被检查单位依法享有陈述、申辩和申请回避的权利，对被检查单位进行了现场检查。检查情况如下：");
        List<InspectionService.CheckResult> results = inspections.checkResults(inspectionId);
        List<List<String>> checks = new ArrayList<>();
        for (InspectionService.CheckResult c : results) {
            checks.add(List.of(Integer.toString(checks.size() + 1), c.item(), "PASS".equals(c.outcome()) ? "符合" : "不符合"));
        }
        if (!checks.isEmpty()) {
            doc.boldParagraph("一、检查项目");
            doc.table(List.of("序号", "检查项目", "结果"), new float[] {0.5f, 6f, 1f}, checks);
        }
        doc.boldParagraph(checks.isEmpty() ? "一、发现的问题" : "二、发现的问题");
        if (i.findings().isEmpty()) {
            doc.paragraph("本次检查未发现问题。");
        } else {
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (InspectionService.Finding f : i.findings()) {
                String gps = f.latitude() == null ? "" : String.format(Locale.ROOT, "%.5f, %.5f", f.latitude(), f.longitude());
                rows.add(List.of(Integer.toString(n++), f.place(), categoryLabel(f.category()), (f.major() ? "【重大事故隐患】" : "") + f.description(),
                        TIME.format(LocalDateTime.ofInstant(f.recordedAt(), zone)) + (gps.isEmpty() ? "" : "\n" + gps)));
            }
            doc.table(List.of("序号", "部位", "类别", "问题", "时间及位置"), new float[] {0.5f, 1.6f, 1.6f, 3.6f, 2f}, rows);
        }
        List<Exams.Exam> taken = exams.examsOf(inspectionId).stream().filter(x -> x.answeredAt() != null).toList();
        if (!taken.isEmpty()) {
            doc.boldParagraph(checks.isEmpty() ? "二、逢查必考" : "三、逢查必考");
            doc.table(List.of("被考核人", "考核对象", "题数", "得分", "结论"), new float[] {1.5f, 2f, 0.8f, 0.8f, 1f},
                    taken.stream().map(x -> List.of(x.examineeName(), x.examineeRole().label(), Integer.toString(x.questions().size()),
                            Integer.toString(x.score()), Boolean.TRUE.equals(x.passed()) ? "合格" : "不合格")).toList());
        }
        doc.paragraph("以上记录经被检查单位核对无误。");
        return doc.signatures(documents.signers(i)).seal(today).finish();
    }

    private byte[] renderMeasures(String number, InspectionService.Inspection i, List<InspectionService.Finding> findings, List<Measure> measures,
                                  String basis, LocalDate until, LocalDate today, String correction) {
        String district = organization.district().name();
        OfficialDocument doc = OfficialDocument.start(font.get(), documents.authority(), "现场处理措施决定书", number);
        if (correction != null) {
            doc.boldParagraph(correction);
        }
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (InspectionService.Finding f : findings) {
            rows.add(List.of(Integer.toString(n++), f.place(), f.description()));
        }
        doc.addressee(i.enterpriseName() + "：")
                .paragraph("本局于" + OfficialDocument.DATE.format(today) + "在现场检查时发现你单位存在下列重大事故隐患，在排除前或者排除过程中无法保证安全：")
                .table(List.of("序号", "部位", "重大事故隐患"), new float[] {0.5f, 2f, 6f}, rows)
                .paragraph("无法保证安全的情形：" + basis)
                .paragraph("依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定，本局决定采取如下现场处理措施：");
        int k = 1;
        for (Measure m : measures) {
            doc.paragraph(k++ + ". " + m.text() + "；");
        }
        return doc.paragraph("上述措施期限至" + OfficialDocument.DATE.format(until) + "。重大事故隐患排除后，经本局审查同意，方可恢复生产经营和使用。")
                .paragraph("如果不服本决定，可以依法在六十日内向" + district + "人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，"
                        + "但本决定不停止执行，法律另有规定的除外。")
                .signatures(documents.signers(i))
                .seal(today)
                .finish();
    }
}
