package org.anjian.inspection.web;

import org.anjian.shared.config.DistrictProperties;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anjian.inspection.InspectionPreparation;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.internal.EnforcementDocuments;
import org.anjian.inspection.internal.Exams;
import org.anjian.inspection.internal.InspectionArchive;
import org.anjian.inspection.internal.OnSiteDocuments;
import org.anjian.inspection.internal.OnSiteEvidence;
import org.anjian.shared.security.AnjianUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.multipart.MultipartFile;
import org.anjian.inspection.internal.InspectionService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inspector's phone pages: my inspections, findings on site, the order, the re-inspection. */
@Controller
@RequestMapping("/inspections")
class InspectionPageController {

    static final String LIST = "inspection/list";
    static final String DETAIL = "inspection/detail";

    private final InspectionService inspections;
    private final EnforcementDocuments documents;
    private final Clock clock;
    private final OnSiteEvidence evidence;
    private final OnSiteDocuments onSite;
    private final Exams exams;
    private final InspectionArchive archive;
    private final ObjectProvider<InspectionPreparation> preparation;
    private final org.springframework.context.MessageSource messages;

    private final ZoneId zone;
    InspectionPageController(InspectionService inspections, EnforcementDocuments documents, Clock clock, OnSiteEvidence evidence,
                             OnSiteDocuments onSite, Exams exams, InspectionArchive archive, ObjectProvider<InspectionPreparation> preparation, DistrictProperties district,
                             org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.zone = district.zone();
        this.inspections = inspections;
        this.documents = documents;
        this.clock = clock;
        this.evidence = evidence;
        this.onSite = onSite;
        this.exams = exams;
        this.archive = archive;
        this.preparation = preparation;
    }

    /** The inspections a user may list (the API's rule), filtered, counted and paged; experts see those they were selected for. */
    @GetMapping
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String st = state == null || state.isBlank() ? null : state;
        model.addAttribute("result", inspections.search(user, st, null, year, org.anjian.shared.web.PageRequest.of(page, 20)));
        model.addAttribute("state", st);
        model.addAttribute("year", year);
        model.addAttribute("states", STATES);
        int thisYear = LocalDate.now(clock.withZone(zone)).getYear();
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(thisYear - 4, thisYear + 1).map(y -> 2 * thisYear + 1 - y).boxed().toList());
        model.addAttribute("base", listQuery("/inspections", st, year));
        model.addAttribute("exportUrl", listQuery("/inspections/export.xlsx", st, year));
        model.addAttribute("mayPlan", user.hasAnyRole(org.anjian.shared.security.Role.DISTRICT_ADMIN, org.anjian.shared.security.Role.INSPECTOR));
        return LIST;
    }

    static final List<String> STATES = List.of("PLANNED", "ON_SITE", "DONE");
    static final int EXPORT_LIMIT = 5000;

    static String listQuery(String path, String state, Integer year) {
        return org.springframework.web.util.UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("state", java.util.Optional.ofNullable(state))
                .queryParamIfPresent("year", java.util.Optional.ofNullable(year)).build().encode().toUriString();
    }

    /** The same list as a spreadsheet (at most {@value #EXPORT_LIMIT} rows), headed and named in the page's language. */
    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) String state, @RequestParam(required = false) Integer year,
                jakarta.servlet.http.HttpServletResponse response, java.util.Locale locale) throws IOException {
        AnjianUser user = CurrentUser.require();
        String st = state == null || state.isBlank() ? null : state;
        var all = inspections.search(user, st, null, year, new org.anjian.shared.web.PageRequest(0, EXPORT_LIMIT));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", org.anjian.shared.web.Downloads.attachment(
                messages.getMessage("inspection.export.fileName", null, locale) + "-" + LocalDate.now(clock.withZone(zone)) + ".xlsx"));
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(200); var out = response.getOutputStream()) {
            var sheet = wb.createSheet(messages.getMessage("inspection.page.title", null, locale));
            String[] headers = {"inspection.export.enterprise", "inspection.export.plannedOn", "inspection.export.state", "inspection.export.findings",
                    "inspection.export.major", "inspection.export.started", "inspection.export.finished"};
            var head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
            }
            int r = 1;
            for (InspectionService.Inspection i : all.items()) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(i.enterpriseName() == null ? "" : i.enterpriseName());
                row.createCell(1).setCellValue(i.plannedOn() == null ? "" : i.plannedOn().toString());
                row.createCell(2).setCellValue(messages.getMessage("inspection.state." + i.state(), null, locale));
                row.createCell(3).setCellValue(i.findings().size());
                row.createCell(4).setCellValue(i.findings().stream().filter(InspectionService.Finding::major).count());
                row.createCell(5).setCellValue(i.startedAt() == null ? "" : i.startedAt().atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' '));
                row.createCell(6).setCellValue(i.finishedAt() == null ? "" : i.finishedAt().atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' '));
            }
            wb.write(out);
            wb.dispose();
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) String item, @RequestParam(required = false) UUID exam, Model model) {
        AnjianUser user = CurrentUser.require();
        InspectionService.Inspection i = inspections.get(user, id);
        model.addAttribute("inspection", i);
        model.addAttribute("orders", documents.ordersOf(user, id));
        model.addAttribute("defaultDeadline", LocalDate.now(clock.withZone(zone)).plusDays(15));
        model.addAttribute("categories", ViolationCategory.values());
        model.addAttribute("prefill", item);
        Map<UUID, List<OnSiteEvidence.PhotoInfo>> photos = new LinkedHashMap<>();
        evidence.photos(id).forEach(p -> photos.computeIfAbsent(p.findingId(), k -> new ArrayList<>()).add(p));
        model.addAttribute("photos", photos);
        model.addAttribute("maxPhotoMb", evidence.maxPhotoBytes() / 1024 / 1024);
        model.addAttribute("signatures", evidence.signatures(id).stream().map(OnSiteEvidence.Signature::info).toList());
        model.addAttribute("documents", onSite.documentsOf(user, id));
        List<Exams.Exam> taken = exams.examsOf(id);
        model.addAttribute("exams", taken);
        model.addAttribute("examRoles", Exams.ExamineeRole.values());
        model.addAttribute("certificateCategories", org.anjian.training.SpecialOperationCategory.values());
        model.addAttribute("passMark", exams.passMark());
        model.addAttribute("currentExam", exam == null ? null : taken.stream().filter(x -> x.id().equals(exam) && x.answeredAt() == null).findFirst()
                .orElse(null));
        model.addAttribute("measureKinds", OnSiteDocuments.Measure.values());
        model.addAttribute("onTeam", i.inspectorIds().contains(user.id()));
        model.addAttribute("mayArchive", InspectionArchive.mayRead(user, i));
        model.addAttribute("companionNames", onSite.companionsOf(i));
        InspectionPreparation p = preparation.getIfAvailable();
        model.addAttribute("checklist", p == null ? List.of() : p.checklistItems(i.sector()));
        Map<String, String> checked = new LinkedHashMap<>();
        inspections.checkResults(id).forEach(c -> checked.put(c.item(), c.outcome()));
        model.addAttribute("checked", checked);
        model.addAttribute("openHazards", p == null ? List.of() : p.openHazards(i.enterpriseId()));
        List<InspectionService.Inspection> history = inspections.ofEnterprise(user, i.enterpriseId(), 10).stream().filter(x -> !x.id().equals(id)).toList();
        model.addAttribute("history", history);
        Map<UUID, List<OnSiteDocuments.Doc>> historyDocs = new LinkedHashMap<>();
        history.forEach(h -> historyDocs.put(h.id(), onSite.documentsOf(user, h.id())));
        model.addAttribute("historyDocs", historyDocs);
        return DETAIL;
    }

    @PostMapping("/{id}/findings/{findingId}/photos")
    String photo(@PathVariable UUID id, @PathVariable UUID findingId, @RequestParam(name = "file", required = false) MultipartFile file,
                 RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.photoAdded", () -> {
            try {
                evidence.addPhoto(CurrentUser.require(), id, findingId, file == null ? null : file.getBytes());
            } catch (IOException e) {
                throw DomainException.invalid("file", "inspection.photo.empty", "请选择照片");
            }
        });
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photoContent(@PathVariable UUID id, @PathVariable UUID photoId) {
        return OnSiteApiController.image(evidence, id, photoId);
    }

    @PostMapping("/{id}/signatures")
    String sign(@PathVariable UUID id, @RequestParam(required = false) String role, @RequestParam(required = false) String name,
                @RequestParam(required = false) String png, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.signed", () -> evidence.sign(CurrentUser.require(), id, role, name, png));
    }

    @PostMapping("/{id}/record")
    String record(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.recordIssued", () -> onSite.inspectionRecord(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/measures")
    String measures(@PathVariable UUID id, @RequestParam(required = false) List<OnSiteDocuments.Measure> measures,
                    @RequestParam(required = false) List<UUID> findingIds, @RequestParam(required = false) String basis,
                    @RequestParam(required = false) LocalDate until, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.measuresIssued",
                () -> onSite.onSiteMeasures(CurrentUser.require(), id, new OnSiteDocuments.NewMeasures(measures, findingIds, basis, until)));
    }

    @PostMapping("/{id}/documents/{documentId}/correction")
    String correct(@PathVariable UUID id, @PathVariable UUID documentId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.corrected", () -> onSite.correct(CurrentUser.require(), documentId, reason));
    }

    @PostMapping("/{id}/checks")
    String check(@PathVariable UUID id, @RequestParam(required = false) String item, @RequestParam(required = false) String outcome,
                 RedirectAttributes redirect) {
        String back = act(id, redirect, "inspection.page.checked", () -> inspections.recordCheck(CurrentUser.require(), id, item, outcome));
        if ("FAIL".equals(outcome) && item != null && !redirect.getFlashAttributes().containsKey("error")) {
            redirect.addAttribute("item", item);
            return back + "#finding-form";
        }
        return back + "#checklist";
    }

    @PostMapping("/{id}/companions")
    String companions(@PathVariable UUID id, @RequestParam(required = false) String companions, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.saved", () -> inspections.companions(CurrentUser.require(), id, companions));
    }

    @PostMapping("/{id}/exams")
    String startExam(@PathVariable UUID id, @RequestParam(required = false) String examineeName,
                     @RequestParam(required = false) Exams.ExamineeRole examineeRole, @RequestParam(required = false) Integer count,
                     @RequestParam(required = false) String certificateNumber,
                     @RequestParam(required = false) org.anjian.training.SpecialOperationCategory certificateCategory, RedirectAttributes redirect) {
        UUID[] started = new UUID[1];
        String back = act(id, redirect, "inspection.page.examStarted",
                () -> started[0] = exams.start(CurrentUser.require(), id, new Exams.NewExam(examineeName, examineeRole, count, certificateNumber, certificateCategory)).id());
        if (started[0] != null) {
            redirect.addAttribute("exam", started[0]);
        }
        return back + "#exam";
    }

    @PostMapping("/{id}/exams/{examId}/answers")
    String answer(@PathVariable UUID id, @PathVariable UUID examId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Exams.Exam e = exams.exam(CurrentUser.require(), id, examId);
        List<Integer> answers = new ArrayList<>();
        for (int k = 0; k < e.questions().size(); k++) {
            String a = form.get("q" + k);
            answers.add(a == null || a.isBlank() ? null : Integer.valueOf(a));
        }
        Exams.Exam[] scored = new Exams.Exam[1];
        String back = act(id, redirect, "inspection.page.examScored",
                () -> scored[0] = exams.answer(CurrentUser.require(), id, examId, new Exams.Answers(answers)));
        if (scored[0] != null) {
            redirect.addFlashAttribute("examScore", scored[0].score());
        }
        return back + "#exams";
    }

    @GetMapping("/{id}/archive.zip")
    ResponseEntity<byte[]> archive(@PathVariable UUID id) {
        return OnSiteApiController.zip(archive.archive(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/findings")
    String finding(@PathVariable UUID id, @ModelAttribute InspectionService.NewFinding form, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.findingRecorded", () -> inspections.recordFinding(CurrentUser.require(), id, form));
    }

    @PostMapping("/{id}/finish")
    String finish(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.finished", () -> onSite.finish(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/order")
    String order(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.orderIssued", () -> documents.rectificationOrder(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/orders/{orderId}/reinspection")
    String reinspect(@PathVariable UUID id, @PathVariable UUID orderId, @RequestParam(defaultValue = "false") boolean rectified,
                     @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        return act(id, redirect, rectified ? "inspection.page.orderClosed" : "inspection.page.orderEscalated",
                () -> documents.reinspect(CurrentUser.require(), orderId, rectified, opinion));
    }

    @GetMapping("/documents/{documentId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID documentId) {
        EnforcementDocuments.Pdf pdf = documents.pdf(CurrentUser.require(), documentId).orElseThrow(() -> DomainException.notFound("document"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.content());
    }

    /** Runs a step and comes back to the inspection with what happened, or why not. */
    private String act(UUID id, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/inspections/" + id;
    }
}
