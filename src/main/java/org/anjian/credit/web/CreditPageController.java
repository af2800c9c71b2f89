package org.anjian.credit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.anjian.credit.internal.CreditService;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The credit register for regulators and the public page of published entries (信用重庆). */
@Controller
class CreditPageController {

    static final String LIST = "credit/list";
    static final String PUBLIC = "credit/public";

    private final CreditService service;
    private final Clock clock;
    private final ZoneId zone;
    private final String committee;
    private final org.springframework.context.MessageSource messages;
    private static final int EXPORT_LIMIT = 50_000;

    CreditPageController(CreditService service, Clock clock, DistrictProperties district, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.zone = district.zone();
        this.committee = district.committee();
        this.service = service;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    @GetMapping("/credit-records")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        String s = status == null || status.isBlank() ? null : status;
        String text = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("result", service.search(CurrentUser.require(), s, null, null, text, PageRequest.of(page, 20)));
        model.addAttribute("statuses", new String[]{"PROPOSED", "IN_FORCE", "REJECTED", "REMOVED"});
        model.addAttribute("status", s);
        model.addAttribute("q", text);
        model.addAttribute("today", today());
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("status", Optional.ofNullable(s))
                .queryParamIfPresent("q", Optional.ofNullable(text)).encode().build().toUriString();
        model.addAttribute("base", "/credit-records" + qs);
        model.addAttribute("exportUrl", "/credit-records/export.csv" + qs);
        return LIST;
    }

    /** The register as people read it: Chinese headers and names of kinds, causes and states (the feeds keep the codes). */
    @GetMapping("/credit-records/export.csv")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String status, @RequestParam(required = false) String q) {
        String s = status == null || status.isBlank() ? null : status;
        String text = q == null || q.isBlank() ? null : q.strip();
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        LocalDate today = today();
        StringBuilder csv = new StringBuilder("\uFEFF");
        String[] headers = {"credit.subject", "credit.creditCode", "credit.kindName", "credit.causeName", "credit.causeDetail", "credit.authority",
                "credit.decisionDate", "credit.expiresOn", "credit.statusName", "credit.published"};
        csv.append(String.join(",", java.util.Arrays.stream(headers).map(h -> CreditApiController.cell(text(h, locale))).toList())).append("\r\n");
        for (var r : service.search(CurrentUser.require(), s, null, null, text, new PageRequest(0, EXPORT_LIMIT)).items()) {
            csv.append(String.join(",", CreditApiController.cell(r.subjectName()), CreditApiController.cell(r.creditCode()),
                    CreditApiController.cell(text("credit.kind." + r.kind(), locale)), CreditApiController.cell(text("credit.cause." + r.cause(), locale)),
                    CreditApiController.cell(r.causeDetail()), CreditApiController.cell(r.authority()), CreditApiController.cell(r.decisionDate()),
                    CreditApiController.cell(r.expiresOn()), CreditApiController.cell(text("credit.status." + r.displayStatus(today), locale)),
                    CreditApiController.cell(r.publishedAt() == null ? "" : text("credit.published", locale)))).append("\r\n");
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.anjian.shared.web.Downloads.attachment(text("credit.export.fileName", locale) + "-" + today + ".csv"))
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String text(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @org.springframework.web.bind.annotation.PostMapping("/credit-records/{id}/{action:decide|publish}")
    String step(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id,
                @org.springframework.web.bind.annotation.PathVariable String action,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            // a proposal is decided by the district today with the default term
            service.step(CurrentUser.require(), id, action,
                    new CreditService.StepInput(null, committee, today(), null, null, null));
            redirect.addFlashAttribute("message", "credit.saved");
        } catch (org.anjian.shared.error.DomainException e) {
            if (e.status() == org.springframework.http.HttpStatus.FORBIDDEN || e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/credit-records";
    }

    @GetMapping("/public/credit-records")
    String published(Model model) {
        model.addAttribute("entries", service.published());
        model.addAttribute("today", today());
        return PUBLIC;
    }
}
