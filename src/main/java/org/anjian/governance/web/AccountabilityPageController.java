package org.anjian.governance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.anjian.governance.AccountabilityDocumentKind;
import org.anjian.governance.internal.AccountabilityService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 责任追究: responsibility lists, 明查暗访 records and the numbered documents, on one page with a tab each. */
@Controller
class AccountabilityPageController {

    static final String INDEX = "governance/accountability/index";

    private final AccountabilityService service;
    private final MessageSource messages;

    AccountabilityPageController(AccountabilityService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/accountability")
    String index(@RequestParam(required = false) String tab, @RequestParam(required = false) AccountabilityDocumentKind kind,
                 @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String t = tab == null || !List.of("duties", "visits", "documents").contains(tab) ? "duties" : tab;
        model.addAttribute("tab", t);
        model.addAttribute("duties", service.duties(user));
        model.addAttribute("principles", service.principles());
        model.addAttribute("visits", service.visits(user, PageRequest.of("visits".equals(t) ? page : null, 20)));
        model.addAttribute("documents", service.documents(user, kind, year, PageRequest.of("documents".equals(t) ? page : null, 20)));
        model.addAttribute("kinds", AccountabilityDocumentKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("year", year);
        model.addAttribute("today", service.today());
        model.addAttribute("keeper", user.hasRole(Role.DISTRICT_ADMIN));
        model.addAttribute("writer", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR));
        model.addAttribute("visitsBase", "/accountability?tab=visits");
        model.addAttribute("documentsBase", "/accountability?tab=documents" + (kind == null ? "" : "&kind=" + kind) + (year == null ? "" : "&year=" + year));
        return INDEX;
    }

    @PostMapping("/accountability/duties")
    String addDuty(@RequestParam(required = false) String holderKind, @RequestParam(required = false) String holder,
                   @RequestParam(required = false) String principle, @RequestParam(required = false) String duty, RedirectAttributes redirect) {
        act(redirect, () -> service.addDuty(CurrentUser.require(), new AccountabilityService.DutyInput(holderKind, holder, principle, duty)));
        return "redirect:/accountability?tab=duties";
    }

    @PostMapping("/accountability/duties/{id}")
    String updateDuty(@PathVariable UUID id, @RequestParam(required = false) String holderKind, @RequestParam(required = false) String holder,
                      @RequestParam(required = false) String principle, @RequestParam(required = false) String duty, RedirectAttributes redirect) {
        act(redirect, () -> service.updateDuty(CurrentUser.require(), id, new AccountabilityService.DutyInput(holderKind, holder, principle, duty)));
        return "redirect:/accountability?tab=duties";
    }

    @PostMapping("/accountability/duties/{id}/delete")
    String deleteDuty(@PathVariable UUID id, RedirectAttributes redirect) {
        act(redirect, () -> service.deleteDuty(CurrentUser.require(), id));
        return "redirect:/accountability?tab=duties";
    }

    @PostMapping("/accountability/supervision-visits")
    String recordVisit(@RequestParam(required = false) LocalDate visitedOn, @RequestParam(required = false) String mode,
                       @RequestParam(required = false) String place, @RequestParam(required = false) String team,
                       @RequestParam(required = false) String findings, RedirectAttributes redirect) {
        act(redirect, () -> service.recordVisit(CurrentUser.require(), new AccountabilityService.NewVisit(visitedOn, mode, place, team, findings)));
        return "redirect:/accountability?tab=visits";
    }

    @PostMapping("/accountability/documents")
    String issue(@RequestParam(required = false) AccountabilityDocumentKind kind, @RequestParam(required = false) String addressee,
                 @RequestParam(required = false) String subject, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        act(redirect, () -> service.issue(CurrentUser.require(), new AccountabilityService.NewDocument(kind, addressee, subject, body)));
        return "redirect:/accountability?tab=documents";
    }

    @GetMapping("/accountability/documents/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        AnjianUser user = CurrentUser.require();
        var d = service.document(user, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(d.kind().title() + "-" + d.number() + ".pdf"))
                .body(service.pdf(user, id));
    }

    private void act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", "governance.accountability.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            Locale locale = LocaleContextHolder.getLocale();
            redirect.addFlashAttribute("errors", e.fieldErrors().isEmpty() ? List.of(messages.getMessage(e.reason(), e.args(), e.getMessage(), locale))
                    : e.fieldErrors().stream().map(f -> messages.getMessage(f.code(), null, f.defaultMessage(), locale)).toList());
        }
    }
}
