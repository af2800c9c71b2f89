package org.anjian.training.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.training.SpecialOperationCategory;
import org.anjian.training.domain.CertificateKind;
import org.anjian.training.domain.TrainingKind;
import org.anjian.training.domain.WarningVideo;
import org.anjian.training.internal.TrainingRepository;
import org.anjian.training.internal.TrainingService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** 培训与持证: the certificate register with warnings, import and export; training records; forms usable on a phone. */
@Controller
class TrainingPageController {

    private final TrainingService service;
    private final MessageSource messages;

    TrainingPageController(TrainingService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/training/certificates")
    String certificates(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String k = TrainingApiController.blank(kind);
        String s = TrainingApiController.blank(status);
        String text = TrainingApiController.blank(q);
        model.addAttribute("result", service.certificates(user, new TrainingRepository.CertificateFilter(k, null, null, s, text, service.today()),
                PageRequest.of(page, 20)));
        model.addAttribute("figures", service.figures(user));
        model.addAttribute("kinds", CertificateKind.values());
        model.addAttribute("categories", SpecialOperationCategory.values());
        model.addAttribute("statuses", List.of("ACTION", "INVALID"));
        model.addAttribute("kind", k);
        model.addAttribute("status", s);
        model.addAttribute("q", text);
        model.addAttribute("today", service.today());
        model.addAttribute("ownEnterprise", user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().id() : null);
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("kind", Optional.ofNullable(k)).queryParamIfPresent("status", Optional.ofNullable(s))
                .queryParamIfPresent("q", Optional.ofNullable(text)).encode().build().toUriString();
        model.addAttribute("base", "/training/certificates" + qs);
        model.addAttribute("exportUrl", "/api/v1/training/certificates/export" + qs);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("chart", service.figures(user).stream().map(f -> Map.of("key", messages.getMessage("training.kind." + f.kind(), null, locale),
                "valid", f.total() - f.action() - f.invalid(), "action", f.action(), "invalid", f.invalid())).toList());
        model.addAttribute("chartLabels", Map.of("valid", messages.getMessage("training.status.VALID", null, locale),
                "action", messages.getMessage("training.filter.ACTION", null, locale), "invalid", messages.getMessage("training.filter.INVALID", null, locale)));
        return "training/certificates";
    }

    @PostMapping("/training/certificates")
    String addCertificate(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) String category, @RequestParam(required = false) String holderName,
                          @RequestParam(required = false) String idNumber, @RequestParam(required = false) String number,
                          @RequestParam(required = false) String issuer, @RequestParam(required = false) LocalDate issuedOn,
                          @RequestParam(required = false) LocalDate validUntil, RedirectAttributes redirect) {
        return act(redirect, "/training/certificates", () -> service.addCertificate(CurrentUser.require(),
                new TrainingService.NewCertificate(enterpriseId, kind, category, holderName, idNumber, number, issuer, issuedOn, validUntil, null)));
    }

    @PostMapping("/training/certificates/{id}/{action:review|revoke}")
    String step(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) LocalDate on,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, "/training/certificates", () -> {
            if (action.equals("review")) {
                service.review(CurrentUser.require(), id, new TrainingService.DateInput(on, reason));
            } else {
                service.revoke(CurrentUser.require(), id, new TrainingService.DateInput(on, reason));
            }
        });
    }

    @PostMapping("/training/certificates/import")
    String importSheet(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        AnjianUser user = CurrentUser.require();
        service.requireKeeper(user);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage("training.import.fileRequired", null, LocaleContextHolder.getLocale())));
            return "redirect:/training/certificates";
        }
        try {
            TrainingService.ImportResult r = service.importCertificates(user, file.getInputStream());
            if (r.errors().isEmpty()) {
                redirect.addFlashAttribute("imported", r.imported());
            } else {
                redirect.addFlashAttribute("errors", r.errors());
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code(), null,
                    e.getMessage(), LocaleContextHolder.getLocale())));
        }
        return "redirect:/training/certificates";
    }

    @GetMapping("/training/records")
    String records(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String k = TrainingApiController.blank(kind);
        String text = TrainingApiController.blank(q);
        int y = year == null ? service.today().getYear() : year;
        model.addAttribute("result", service.trainings(user, new TrainingRepository.TrainingFilter(k, null, y, text), PageRequest.of(page, 20)));
        model.addAttribute("byKind", service.trainingByKind(user, y));
        model.addAttribute("kinds", TrainingKind.values());
        model.addAttribute("videos", WarningVideo.values());
        model.addAttribute("kind", k);
        model.addAttribute("year", y);
        model.addAttribute("q", text);
        model.addAttribute("today", service.today());
        model.addAttribute("ownEnterprise", user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().id() : null);
        String qs = UriComponentsBuilder.fromPath("").queryParam("year", y).queryParamIfPresent("kind", Optional.ofNullable(k))
                .queryParamIfPresent("q", Optional.ofNullable(text)).encode().build().toUriString();
        model.addAttribute("base", "/training/records" + qs);
        return "training/records";
    }

    @PostMapping("/training/records")
    String addRecord(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) String video, @RequestParam(required = false) String topic,
                     @RequestParam(required = false) LocalDate heldOn, @RequestParam(required = false) BigDecimal hours,
                     @RequestParam(required = false) Integer trainees, @RequestParam(required = false) String trainer, RedirectAttributes redirect) {
        return act(redirect, "/training/records", () -> service.addTraining(CurrentUser.require(),
                new TrainingService.NewTraining(enterpriseId, kind, video, topic, heldOn, hours, trainees, trainer)));
    }

    private String act(RedirectAttributes redirect, String back, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", "training.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            Locale locale = LocaleContextHolder.getLocale();
            redirect.addFlashAttribute("errors", e.fieldErrors().isEmpty() ? List.of(messages.getMessage(e.reason(), e.args(), e.getMessage(), locale))
                    : e.fieldErrors().stream().map(f -> messages.getMessage(f.code(), null, f.defaultMessage(), locale)).toList());
        }
        return "redirect:" + back;
    }
}
