package org.anjian.inspection.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 执法全过程记录 (ENF-7): one inspection as a zip — every document as issued, every photo and
 * signature, a timeline of every step (who, when) and a manifest with the SHA-256 of each file, so
 * that an auditor can check the copy against the stored hashes. For regulators and auditors only.
 */
@Service
@Transactional(readOnly = true)
public class InspectionArchive {

    private final RectificationOrderRepository orders;
    private final InspectionService inspections;
    private final OnSiteEvidence evidence;
    private final OnSiteDocuments documents;
    private final Exams exams;
    private final AuditTrail audit;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    InspectionArchive(RectificationOrderRepository orders, InspectionService inspections, OnSiteEvidence evidence, OnSiteDocuments documents, Exams exams,
                      AuditTrail audit) {
        this.orders = orders;
        this.inspections = inspections;
        this.evidence = evidence;
        this.documents = documents;
        this.exams = exams;
        this.audit = audit;
    }

    public record Step(Instant at, String step, String by, String detail, UUID ref) {
    }

    public record Archive(String fileName, byte[] zip) {
    }

    /** The district, auditors, and the inspectors of this inspection; nobody else. */
    public static boolean mayRead(AnjianUser user, InspectionService.Inspection i) {
        return user.hasAnyRole(Role.DISTRICT_ADMIN, Role.AUDITOR) || (user.hasRole(Role.INSPECTOR) && i.inspectorIds().contains(user.id()));
    }

    @Transactional
    public Archive archive(AnjianUser user, UUID inspectionId) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        if (!mayRead(user, i)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.archive.forbidden", "only regulators and auditors read the full-process record");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<OnSiteDocuments.Doc> docs = documents.documentsOf(inspectionId);
        for (OnSiteDocuments.Doc d : docs) {
            files.put("documents/" + d.kind().name() + "-" + d.number() + ".pdf", documents.pdfOf(d.id()));
        }
        List<OnSiteEvidence.Photo> photos = evidence.photoContents(inspectionId);
        for (OnSiteEvidence.Photo p : photos) {
            files.put("photos/" + p.info().findingId() + "/" + p.info().id() + ("image/png".equals(p.info().contentType()) ? ".png" : ".jpg"), p.content());
        }
        List<OnSiteEvidence.Signature> signatures = evidence.signatures(inspectionId);
        for (OnSiteEvidence.Signature s : signatures) {
            files.put("signatures/" + s.info().role() + "-" + s.info().id() + ".png", s.png());
        }
        List<Step> timeline = timeline(i, docs, photos, signatures);
        try {
            files.put("timeline.json", json.writeValueAsBytes(Map.of("inspectionId", inspectionId, "enterprise", i.enterpriseName(), "steps", timeline,
                    "auditTrail", "every step above is also in the audit trail under object type 'inspection' (and 'enforcement-document', "
                            + "'rectification-order' for documents and orders)")));
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                entries.add(Map.of("path", f.getKey(), "size", f.getValue().length, "sha256", OnSiteEvidence.sha256(f.getValue())));
            }
            byte[] manifest = json.writeValueAsBytes(Map.of("inspectionId", inspectionId, "generatedBy", user.getUsername(), "files", entries));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, "manifest.json", manifest);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    put(zip, f.getKey(), f.getValue());
                }
            }
            audit.record("INSPECTION_ARCHIVE_EXPORTED", "inspection", inspectionId, null, Map.of("files", files.size(), "manifestSha256",
                    OnSiteEvidence.sha256(manifest)));
            return new Archive("执法全过程记录-" + inspectionId + ".zip", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    List<Step> timeline(InspectionService.Inspection i, List<OnSiteDocuments.Doc> docs, List<OnSiteEvidence.Photo> photos,
                        List<OnSiteEvidence.Signature> signatures) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(i.createdAt(), "PLANNED", i.createdBy(), "计划检查日期 " + i.plannedOn() + (i.drawId() == null ? "" : "（双随机抽查）"), i.id()));
        if (i.startedAt() != null) {
            steps.add(new Step(i.startedAt(), "ON_SITE", null, "进入现场", i.id()));
        }
        for (InspectionService.CheckResult c : inspections.checkResults(i.id())) {
            steps.add(new Step(c.recordedAt(), "ITEM_CHECKED", c.recordedBy(), c.item() + "：" + c.outcome(), null));
        }
        for (InspectionService.Finding f : i.findings()) {
            steps.add(new Step(f.recordedAt(), "FINDING", f.recordedBy(), f.category() + " " + f.place() + "：" + f.description()
                    + (f.latitude() == null ? "" : "（" + f.latitude() + ", " + f.longitude() + "）"), f.id()));
            if (f.resolvedAt() != null) {
                steps.add(new Step(f.resolvedAt(), "FINDING_RESOLVED", null, "隐患已销号", f.id()));
            }
        }
        for (OnSiteEvidence.Photo p : photos) {
            steps.add(new Step(p.info().uploadedAt(), "PHOTO", p.info().uploadedBy(), "问题 " + p.info().findingId() + " 照片，SHA-256 " + p.info().sha256(),
                    p.info().id()));
        }
        for (Exams.Exam e : exams.examsOf(i.id())) {
            steps.add(new Step(e.createdAt(), "EXAM_DRAWN", e.createdBy(), e.examineeName() + "（" + e.examineeRole().label() + "）抽题 "
                    + e.questions().size() + " 道，随机种子 " + e.seed(), e.id()));
            if (e.answeredAt() != null) {
                steps.add(new Step(e.answeredAt(), "EXAM_SCORED", e.answeredBy(), "得分 " + e.score() + "，" + (Boolean.TRUE.equals(e.passed()) ? "合格" : "不合格"),
                        e.id()));
            }
        }
        for (OnSiteEvidence.Signature s : signatures) {
            steps.add(new Step(s.info().signedAt(), "SIGNED", s.info().signedBy(), s.info().role() + " " + s.info().name(), s.info().id()));
        }
        for (OnSiteDocuments.Doc d : docs) {
            steps.add(new Step(d.issuedAt(), "DOCUMENT_ISSUED", d.issuedBy(), d.kind() + " " + d.number()
                    + (d.correctsNumber() == null ? "" : "（更正 " + d.correctsNumber() + "：" + d.correctionReason() + "）"), d.id()));
        }
        for (RectificationOrderRepository.Reinspection r : orders.reinspections(i.id())) {
            steps.add(new Step(r.decidedAt(), "REINSPECTED", r.decidedBy(), r.number() + " " + r.state() + "：" + r.opinion(), r.documentId()));
        }
        if (i.finishedAt() != null) {
            steps.add(new Step(i.finishedAt(), "FINISHED", null, "检查结束", i.id()));
        }
        steps.sort(Comparator.comparing(Step::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return steps;
    }
}
