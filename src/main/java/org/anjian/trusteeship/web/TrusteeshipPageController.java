package org.anjian.trusteeship.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.anjian.trusteeship.internal.TrusteeshipRecords;
import org.anjian.trusteeship.internal.TrusteeshipRepository;
import org.anjian.trusteeship.internal.TrusteeshipService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** 安全托管服务: contracts (an agency's own on its phone), a contract with its visits and reports, the register of agencies. */
@Controller
class TrusteeshipPageController {

    private final TrusteeshipService service;
    private final MessageSource messages;

    TrusteeshipPageController(TrusteeshipService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/trusteeship")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean governmentPurchased,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String s = TrusteeshipApiController.blank(status);
        String text = TrusteeshipApiController.blank(q);
        var filter = new TrusteeshipRepository.ContractFilter(null, null, s, governmentPurchased, text, service.today());
        model.addAttribute("result", service.contracts(user, filter, PageRequest.of(page, 20)));
        model.addAttribute("statuses", List.of("ACTIVE", "PENDING", "ENDED", "TERMINATED"));
        model.addAttribute("status", s);
        model.addAttribute("q", text);
        model.addAttribute("gp", governmentPurchased);
        model.addAttribute("today", service.today());
        model.addAttribute("visitsThisMonth", service.visitsThisMonth(user));
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("status", Optional.ofNullable(s))
                .queryParamIfPresent("governmentPurchased", Optional.ofNullable(governmentPurchased))
                .queryParamIfPresent("q", Optional.ofNullable(text)).encode().build().toUriString();
        model.addAttribute("base", "/trusteeship" + qs);
        model.addAttribute("exportUrl", "/trusteeship/export.csv" + qs);
        return "trusteeship/list";
    }

    @GetMapping("/trusteeship/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean governmentPurchased,
                                  @RequestParam(required = false) String q) {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = service.today();
        var filter = new TrusteeshipRepository.ContractFilter(null, null, TrusteeshipApiController.blank(status), governmentPurchased,
                TrusteeshipApiController.blank(q), today);
        StringBuilder csv = new StringBuilder("\uFEFF");
        String[] headers = {"trusteeship.contractNo", "trusteeship.enterprise", "trusteeship.agency", "trusteeship.startOn", "trusteeship.endOn",
                "trusteeship.price", "trusteeship.governmentPurchased", "trusteeship.serviceScope", "trusteeship.status"};
        List<String> head = new ArrayList<>();
        for (String h : headers) {
            head.add(cell(text(h, locale)));
        }
        csv.append(String.join(",", head)).append("\r\n");
        for (var c : service.contracts(CurrentUser.require(), filter, new PageRequest(0, 50_000)).items()) {
            csv.append(String.join(",", cell(c.contractNo()), cell(c.enterpriseName()), cell(c.agencyName()), cell(c.startOn()), cell(c.endOn()),
                    cell(c.priceYuan()), cell(text(c.governmentPurchased() ? "trusteeship.yes" : "trusteeship.no", locale)), cell(c.serviceScope()),
                    cell(text("trusteeship.status." + c.status(today), locale)))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(text("trusteeship.export.fileName", locale) + "-" + today + ".csv"))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/trusteeship/contracts/{id}")
    String contract(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        var c = service.contract(user, id);
        model.addAttribute("c", c);
        model.addAttribute("status", c.status(service.today()));
        model.addAttribute("visits", service.visits(user, id));
        model.addAttribute("reports", service.reports(user, id));
        model.addAttribute("today", service.today());
        model.addAttribute("lastMonth", java.time.YearMonth.from(service.today()).minusMonths(1).toString());
        model.addAttribute("ownAgency", user.hasRole(Role.AGENCY_USER) && c.agencyId().equals(user.scope().id()));
        return "trusteeship/contract";
    }

    @PostMapping("/trusteeship/contracts/{id}/visits")
    String visit(@PathVariable UUID id, @RequestParam(required = false) LocalDate visitedOn, @RequestParam(required = false) String visitorName,
                 @RequestParam(required = false) String content, @RequestParam(required = false) List<String> place,
                 @RequestParam(required = false) List<String> description, @RequestParam(required = false) List<String> grade,
                 @RequestParam(required = false) List<LocalDate> deadline, RedirectAttributes redirect) {
        List<TrusteeshipService.NewFinding> findings = new ArrayList<>();
        int n = place == null ? 0 : place.size();
        for (int i = 0; i < n; i++) {
            String d = description != null && i < description.size() ? description.get(i) : null;
            if ((place.get(i) == null || place.get(i).isBlank()) && (d == null || d.isBlank())) {
                continue;
            }
            findings.add(new TrusteeshipService.NewFinding(place.get(i), d, grade != null && i < grade.size() ? grade.get(i) : "GENERAL",
                    deadline != null && i < deadline.size() ? deadline.get(i) : null));
        }
        return act(id, redirect, () -> service.visit(CurrentUser.require(), id, new TrusteeshipService.NewVisit(visitedOn, visitorName, content, findings)));
    }

    @PostMapping("/trusteeship/contracts/{id}/reports")
    String report(@PathVariable UUID id, @RequestParam(required = false) String month, @RequestParam(required = false) String summary,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> service.report(CurrentUser.require(), id, new TrusteeshipService.NewReport(month, summary)));
    }

    @PostMapping("/trusteeship/contracts/{id}/terminate")
    String terminate(@PathVariable UUID id, @RequestParam(required = false) LocalDate on, @RequestParam(required = false) String reason,
                     RedirectAttributes redirect) {
        return act(id, redirect, () -> service.terminate(CurrentUser.require(), id, new TrusteeshipService.Termination(on, reason)));
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", "trusteeship.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", e.fieldErrors().isEmpty() ? List.of(message(e.reason(), e.getMessage(), e.args()))
                    : e.fieldErrors().stream().map(f -> message(f.code(), f.defaultMessage())).toList());
        }
        return "redirect:/trusteeship/contracts/" + id;
    }

    @GetMapping("/trusteeship/contracts/new")
    String newContract(Model model) {
        AnjianUser user = CurrentUser.require();
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)) {
            throw new AccessDeniedException("contracts are recorded by the district or the town");
        }
        model.addAttribute("agencies", service.agencies(user));
        model.addAttribute("today", service.today());
        return "trusteeship/contract-form";
    }

    @PostMapping("/trusteeship/contracts/new")
    String createContract(@RequestParam(required = false) UUID agencyId, @RequestParam(required = false) UUID enterpriseId,
                          @RequestParam(required = false) String contractNo, @RequestParam(required = false) LocalDate startOn,
                          @RequestParam(required = false) LocalDate endOn, @RequestParam(required = false) String serviceScope,
                          @RequestParam(required = false) BigDecimal priceYuan, @RequestParam(required = false) Boolean governmentPurchased,
                          @RequestParam(required = false) Integer visitsPerMonth, Model model) {
        AnjianUser user = CurrentUser.require();
        try {
            var c = service.createContract(user, new TrusteeshipService.NewContract(agencyId, enterpriseId, contractNo, startOn, endOn, serviceScope,
                    priceYuan, governmentPurchased, visitsPerMonth));
            return "redirect:/trusteeship/contracts/" + c.id();
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("errors", e.fieldErrors().isEmpty() ? List.of(message(e.reason(), e.getMessage(), e.args()))
                    : e.fieldErrors().stream().map(f -> message(f.code(), f.defaultMessage())).toList());
            model.addAttribute("agencies", service.agencies(user));
            model.addAttribute("today", service.today());
            model.addAttribute("form", new TrusteeshipService.NewContract(agencyId, enterpriseId, contractNo, startOn, endOn, serviceScope, priceYuan,
                    governmentPurchased, visitsPerMonth));
            return "trusteeship/contract-form";
        }
    }

    @GetMapping("/trusteeship/agencies")
    String agencies(Model model) {
        AnjianUser user = CurrentUser.require();
        int year = service.today().getYear();
        List<AgencyRow> rows = new ArrayList<>();
        for (var a : service.agencies(user)) {
            var evaluations = service.evaluations(user, a.id());
            rows.add(new AgencyRow(a, service.figures(user, a.id(), year), evaluations.isEmpty() ? null : evaluations.get(0)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("year", year);
        model.addAttribute("today", service.today());
        return "trusteeship/agencies";
    }

    @PostMapping("/trusteeship/agencies/{id}/evaluations")
    String evaluate(@PathVariable UUID id, @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer score,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            service.evaluate(CurrentUser.require(), id, new TrusteeshipService.NewEvaluation(year, score, note));
            redirect.addFlashAttribute("message", "trusteeship.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", e.fieldErrors().isEmpty() ? List.of(message(e.reason(), e.getMessage(), e.args()))
                    : e.fieldErrors().stream().map(f -> message(f.code(), f.defaultMessage())).toList());
        }
        return "redirect:/trusteeship/agencies";
    }

    record AgencyRow(TrusteeshipRecords.Agency agency, TrusteeshipRepository.AgencyFigures figures, TrusteeshipRecords.Evaluation latest) {
    }

    private String message(String code, String fallback, Object... args) {
        return messages.getMessage(code, args, fallback, LocaleContextHolder.getLocale());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static String cell(Object v) {
        return org.anjian.shared.web.CsvCells.quoted(v);
    }
}
