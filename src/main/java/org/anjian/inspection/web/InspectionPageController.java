package org.anjian.inspection.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.inspection.internal.EnforcementDocuments;
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
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final InspectionService inspections;
    private final EnforcementDocuments documents;
    private final Clock clock;

    InspectionPageController(InspectionService inspections, EnforcementDocuments documents, Clock clock) {
        this.inspections = inspections;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("inspections", inspections.mine(CurrentUser.require(), 100));
        return LIST;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("inspection", inspections.get(CurrentUser.require(), id));
        model.addAttribute("orders", documents.ordersOf(CurrentUser.require(), id));
        model.addAttribute("defaultDeadline", LocalDate.now(clock.withZone(SHANGHAI)).plusDays(15));
        return DETAIL;
    }

    @PostMapping("/{id}/findings")
    String finding(@PathVariable UUID id, @ModelAttribute InspectionService.NewFinding form, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.findingRecorded", () -> inspections.recordFinding(CurrentUser.require(), id, form));
    }

    @PostMapping("/{id}/finish")
    String finish(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "inspection.page.finished", () -> inspections.finish(CurrentUser.require(), id));
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
