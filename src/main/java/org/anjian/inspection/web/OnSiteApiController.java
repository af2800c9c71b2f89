package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.EnforcementDocumentIssuer.IssuedDocument;
import org.anjian.inspection.InspectionPreparation;
import org.anjian.inspection.internal.Exams;
import org.anjian.inspection.internal.InspectionArchive;
import org.anjian.inspection.internal.InspectionService;
import org.anjian.inspection.internal.OnSiteDocuments;
import org.anjian.inspection.internal.OnSiteEvidence;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** On site (ENF-3, ENF-4, ENF-7): evidence, signatures, exams, the visit's documents and the full-process archive. */
@RestController
@Tag(name = "inspections on site", description = "现场检查：证据、签名、逢查必考、现场文书、执法全过程记录")
class OnSiteApiController {

    private final InspectionService inspections;
    private final OnSiteEvidence evidence;
    private final OnSiteDocuments documents;
    private final Exams exams;
    private final InspectionArchive archive;
    private final ObjectProvider<InspectionPreparation> preparation;

    OnSiteApiController(InspectionService inspections, OnSiteEvidence evidence, OnSiteDocuments documents, Exams exams, InspectionArchive archive,
                        ObjectProvider<InspectionPreparation> preparation) {
        this.inspections = inspections;
        this.evidence = evidence;
        this.documents = documents;
        this.exams = exams;
        this.archive = archive;
        this.preparation = preparation;
    }

    @PostMapping(path = "/api/v1/inspections/{id}/findings/{findingId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a photo to a finding: JPEG or PNG (by content), at most 5 MB, at most 9 per finding")
    OnSiteEvidence.PhotoInfo photo(@PathVariable UUID id, @PathVariable UUID findingId, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        return evidence.addPhoto(CurrentUser.require(), id, findingId, file == null ? null : file.getBytes());
    }

    @GetMapping("/api/v1/inspections/{id}/photos")
    List<OnSiteEvidence.PhotoInfo> photos(@PathVariable UUID id) {
        inspections.get(CurrentUser.require(), id);
        return evidence.photos(id);
    }

    @GetMapping("/api/v1/inspections/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photoContent(@PathVariable UUID id, @PathVariable UUID photoId) {
        return image(evidence, id, photoId);
    }

    static ResponseEntity<byte[]> image(OnSiteEvidence evidence, UUID id, UUID photoId) {
        OnSiteEvidence.Photo p = evidence.photo(CurrentUser.require(), id, photoId).orElseThrow(() -> DomainException.notFound("photo"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.info().contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").header("X-Content-SHA256", p.info().sha256()).body(p.content());
    }

    record NewSignature(String role, String name, String png) {
    }

    @PostMapping("/api/v1/inspections/{id}/signatures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A signature drawn on the phone (PNG data URL, at most 200 KB): an inspector for themselves, or the enterprise's representative")
    OnSiteEvidence.SignatureInfo sign(@PathVariable UUID id, @RequestBody NewSignature body) {
        return evidence.sign(CurrentUser.require(), id, body.role(), body.name(), body.png());
    }

    @PostMapping("/api/v1/inspections/{id}/documents/inspection-record")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the numbered 现场检查记录 now (it is issued anyway when the inspection is finished)")
    IssuedDocument inspectionRecord(@PathVariable UUID id) {
        return documents.inspectionRecord(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/inspections/{id}/on-site-measures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a 现场处理措施决定书 for major hazards that cannot be kept safe during rectification (安全生产法 第六十五条)")
    IssuedDocument measures(@PathVariable UUID id, @RequestBody OnSiteDocuments.NewMeasures body) {
        return documents.onSiteMeasures(CurrentUser.require(), id, body);
    }

    record Correction(String reason) {
    }

    @PostMapping("/api/v1/documents/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a correction: a new document of the same kind naming the corrected number and why; the original stays unchanged")
    IssuedDocument correct(@PathVariable UUID id, @RequestBody Correction body) {
        return documents.correct(CurrentUser.require(), id, body == null ? null : body.reason());
    }

    @GetMapping("/api/v1/inspections/{id}/documents")
    List<OnSiteDocuments.Doc> documents(@PathVariable UUID id) {
        return documents.documentsOf(CurrentUser.require(), id);
    }

    record CheckBody(String item, String outcome) {
    }

    @PostMapping("/api/v1/inspections/{id}/checks")
    @Operation(summary = "Check one item of the 一体化 check list: PASS or FAIL")
    InspectionService.CheckResult check(@PathVariable UUID id, @RequestBody CheckBody body) {
        return inspections.recordCheck(CurrentUser.require(), id, body.item(), body.outcome());
    }

    record Companions(String companions) {
    }

    @PostMapping("/api/v1/inspections/{id}/companions")
    @Operation(summary = "Who went along besides the inspectors (执法+专家), as free text")
    InspectionService.Inspection companions(@PathVariable UUID id, @RequestBody Companions body) {
        return inspections.companions(CurrentUser.require(), id, body.companions());
    }

    record Preparation(List<String> checklist, List<InspectionService.CheckResult> checked, List<InspectionPreparation.OpenHazard> openHazards,
                       List<InspectionService.Inspection> history) {
    }

    @GetMapping("/api/v1/inspections/{id}/preparation")
    @Operation(summary = "Before going on site: the sector's check list, the enterprise's open hazards and its past inspections")
    Preparation preparation(@PathVariable UUID id) {
        AnjianUser user = CurrentUser.require();
        InspectionService.Inspection i = inspections.get(user, id);
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EXPERT)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "forbidden");
        }
        InspectionPreparation p = preparation.getIfAvailable();
        return new Preparation(p == null ? List.of() : p.checklistItems(i.sector()), inspections.checkResults(id),
                p == null ? List.of() : p.openHazards(i.enterpriseId()),
                inspections.ofEnterprise(user, i.enterpriseId(), 20).stream().filter(x -> !x.id().equals(id)).toList());
    }

    @PostMapping(path = "/api/v1/exam-questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add questions to the 逢查必考 bank (district only); duplicates are skipped")
    Map<String, Integer> importQuestions(@RequestBody List<Exams.NewQuestion> body) {
        return exams.importQuestions(CurrentUser.require(), body);
    }

    @PostMapping(path = "/api/v1/exam-questions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import questions from Excel: 行业, 考核对象, 题目, A, B, C, D, 答案, 依据 (district only)")
    Map<String, Integer> importExcel(@RequestPart("file") MultipartFile file) throws IOException {
        AnjianUser user = CurrentUser.require();
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.exam.forbidden", "only the district maintains the question bank");
        }
        return exams.importExcel(user, file.getBytes());
    }

    @GetMapping("/api/v1/exam-questions")
    List<Exams.Question> questions(@RequestParam(required = false) Sector sector, @RequestParam(required = false) Exams.ExamineeRole role) {
        return exams.questions(CurrentUser.require(), sector, role);
    }

    @PostMapping("/api/v1/inspections/{id}/exams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw exam questions for a key person of the enterprise (逢查必考); the seed is recorded")
    Exams.Exam startExam(@PathVariable UUID id, @RequestBody Exams.NewExam body) {
        return exams.start(CurrentUser.require(), id, body);
    }

    @GetMapping("/api/v1/inspections/{id}/exams/{examId}")
    Exams.Exam exam(@PathVariable UUID id, @PathVariable UUID examId) {
        return exams.exam(CurrentUser.require(), id, examId);
    }

    @PostMapping("/api/v1/inspections/{id}/exams/{examId}/answers")
    @Operation(summary = "Score the answers (0–3 for A–D in the order asked); below the pass mark records a TRAINING finding")
    Exams.Exam answer(@PathVariable UUID id, @PathVariable UUID examId, @RequestBody Exams.Answers body) {
        return exams.answer(CurrentUser.require(), id, examId, body);
    }

    @GetMapping("/api/v1/inspections/{id}/archive.zip")
    @Operation(summary = "执法全过程记录: every document, photo and signature with a timeline and a SHA-256 manifest (regulators and auditors)")
    ResponseEntity<byte[]> archive(@PathVariable UUID id) {
        return zip(archive.archive(CurrentUser.require(), id));
    }

    static ResponseEntity<byte[]> zip(InspectionArchive.Archive a) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(a.zip());
    }

}
