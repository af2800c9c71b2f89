package org.anjian.penalty.web;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.CaseState;
import org.anjian.penalty.domain.Measure;
import org.anjian.penalty.internal.PenaltyCaseView;
import org.anjian.penalty.internal.PenaltyCaseService;
import org.anjian.penalty.internal.PublicDisclosure;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The case list (filters, paging, Excel), a case with its next actions as forms, and the public disclosure page. */
@Controller
class PenaltyPageController {

    static final String LIST = "penalty/list";
    static final String DETAIL = "penalty/detail";
    static final String PUBLIC = "penalty/public";
    static final int EXPORT_LIMIT = 5000;

    private final PenaltyCaseService service;
    private final PublicDisclosure disclosure;
    private final MessageSource messages;
    private final Clock clock;

    private final ZoneId zone;
    PenaltyPageController(PenaltyCaseService service, PublicDisclosure disclosure, MessageSource messages, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.service = service;
        this.disclosure = disclosure;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/penalty-cases")
    String list(@RequestParam(required = false) CaseState state, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Boolean mine, @RequestParam(required = false) UUID enterpriseId,
                @RequestParam(required = false) Integer decidedYear, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        model.addAttribute("result", service.search(user, filter(user, state, year, mine, enterpriseId, decidedYear), PageRequest.of(page, 20)));
        model.addAttribute("decidedYear", decidedYear);
        int y = LocalDate.ofInstant(clock.instant(), zone).getYear();
        model.addAttribute("years", List.of(y, y - 1, y - 2, y - 3));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("state", state);
        model.addAttribute("year", year);
        model.addAttribute("mine", Boolean.TRUE.equals(mine));
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("state", Optional.ofNullable(state))
                .queryParamIfPresent("year", Optional.ofNullable(year)).queryParamIfPresent("mine", Optional.ofNullable(mine))
                .queryParamIfPresent("enterpriseId", Optional.ofNullable(enterpriseId))
                .queryParamIfPresent("decidedYear", Optional.ofNullable(decidedYear)).build().toUriString();
        model.addAttribute("base", "/penalty-cases" + qs);
        model.addAttribute("exportUrl", "/penalty-cases/export.xlsx" + qs);
        return LIST;
    }

    @GetMapping("/penalty-cases/export.xlsx")
    void export(@RequestParam(required = false) CaseState state, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Boolean mine, @RequestParam(required = false) UUID enterpriseId,
                HttpServletResponse response) throws IOException {
        AnjianUser user = CurrentUser.require();
        PageResult<PenaltyCaseView> all = service.search(user, filter(user, state, year, mine, enterpriseId), new PageRequest(0, EXPORT_LIMIT));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"penalty-cases.xlsx\"");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
            Sheet sheet = wb.createSheet(text("penalty.title"));
            String[] headers = {"penalty.filedAt", "penalty.enterprise", "penalty.categories", "penalty.source", "penalty.state", "penalty.handlers",
                    "penalty.fineYuan", "penalty.decisionNumber", "penalty.decidedOn"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(text(headers[i]));
            }
            int r = 1;
            for (PenaltyCaseView c : all.items()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(LocalDate.ofInstant(c.filedAt(), zone).toString());
                row.createCell(1).setCellValue(c.enterpriseName());
                row.createCell(2).setCellValue(String.join("、", c.categories().stream().map(k -> text("penalty.category." + k)).toList()));
                row.createCell(3).setCellValue(text("penalty.source." + c.source()));
                row.createCell(4).setCellValue(text("penalty.state." + c.state()));
                row.createCell(5).setCellValue(service.handlerNames(c));
                if (c.fineYuan() != null) {
                    row.createCell(6).setCellValue(c.fineYuan());
                }
                row.createCell(7).setCellValue(c.decisionNumber() == null ? "" : c.decisionNumber());
                row.createCell(8).setCellValue(c.decidedOn() == null ? "" : c.decidedOn().toString());
            }
            wb.write(out);
            wb.dispose();
        }
    }

    @GetMapping("/penalty-cases/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        PenaltyCaseService.Detail d = service.detail(user, id);
        model.addAttribute("d", d);
        model.addAttribute("c", d.penaltyCase());
        model.addAttribute("next", d.nextActions());
        model.addAttribute("measures", Measure.values());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), zone));
        model.addAttribute("presiding", service.presidingOfficerCandidates(d.penaltyCase()));
        model.addAttribute("rules", service.rules());
        return DETAIL;
    }

    /** One form per action; the service decides whether this user may take it now. */
    @PostMapping("/penalty-cases/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        AnjianUser user = CurrentUser.require();
        try {
            switch (action) {
                case "investigation-records" -> service.investigate(user, id, new PenaltyCaseService.NewInvestigationRecord(form.getFirst("kind"),
                        form.getFirst("content"), dateTime(form.getFirst("takenAt"))));
                case "proposal" -> service.propose(user, id, new PenaltyCaseService.Proposal(number(form.getFirst("fineYuan")), measures(form),
                        form.getFirst("legalBasis"), form.getFirst("discretionReason"), facts(form)));
                case "legal-review" -> service.submitReview(user, id);
                case "legal-review-decision" -> service.decideReview(user, id, Boolean.valueOf(form.getFirst("approved")), form.getFirst("opinion"));
                case "notice" -> service.notice(user, id);
                case "hearing-request" -> service.requestHearing(user, id);
                case "hearing" -> service.recordHearing(user, id, new PenaltyCaseService.Hearing(date(form.getFirst("heldOn")),
                        uuid(form.getFirst("presidingOfficerId")), form.getFirst("summary")));
                case "decision" -> service.decide(user, id);
                case "payments" -> service.pay(user, id, new PenaltyCaseService.Payment(number(form.getFirst("amountYuan")), date(form.getFirst("paidOn")),
                        form.getFirst("receiptNo")));
                case "enforcement-application" -> service.applyEnforcement(user, id, new PenaltyCaseService.EnforcementApplication(form.getFirst("court"),
                        date(form.getFirst("appliedOn")), form.getFirst("note")));
                case "close" -> service.close(user, id, form.getFirst("measuresDone"));
                case "no-penalty" -> service.noPenalty(user, id, form.getFirst("reason"));
                case "transfer" -> service.transfer(user, id, new PenaltyCaseService.Transfer(form.getFirst("organ"), date(form.getFirst("transferredOn")),
                        form.getFirst("reason")));
                default -> throw DomainException.notFound("action");
            }
            redirect.addFlashAttribute("message", "penalty.page.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
            redirect.addFlashAttribute("errorArgs", e.fieldErrors().isEmpty() ? e.args() : new Object[0]);
        }
        return "redirect:/penalty-cases/" + id;
    }

    @GetMapping("/public/enforcement")
    String published(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", disclosure.page(PageRequest.of(page, size == null ? 20 : size)));
        model.addAttribute("base", "/public/enforcement");
        return PUBLIC;
    }

    private static PenaltyCaseService.Filter filter(AnjianUser user, CaseState state, Integer year, Boolean mine, UUID enterpriseId) {
        return filter(user, state, year, mine, enterpriseId, null);
    }

    private static PenaltyCaseService.Filter filter(AnjianUser user, CaseState state, Integer year, Boolean mine, UUID enterpriseId, Integer decidedYear) {
        return new PenaltyCaseService.Filter(state, enterpriseId, year, Boolean.TRUE.equals(mine) ? user.id() : null, decidedYear);
    }

    private static Set<Measure> measures(MultiValueMap<String, String> form) {
        Set<Measure> out = EnumSet.noneOf(Measure.class);
        for (String m : Optional.ofNullable(form.get("measures")).orElse(List.of())) {
            try {
                out.add(Measure.valueOf(m));
            } catch (IllegalArgumentException ignored) {
                // an unknown measure from a stale form is dropped; the service still checks there is one
            }
        }
        return out;
    }

    private static CaseFacts facts(MultiValueMap<String, String> form) {
        List<String> f = Optional.ofNullable(form.get("facts")).orElse(List.of());
        return new CaseFacts(f.contains("majorHazard"), f.contains("selfReported"), f.contains("rectifying"), f.contains("hidden"),
                f.contains("firstOffence"), f.contains("minor"), f.contains("correctedPromptly"), f.contains("refusedToRectify"));
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Instant dateTime(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
