package org.anjian.standardization.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.anjian.standardization.domain.ApplicationState;
import org.anjian.standardization.domain.GradeLevel;
import org.anjian.standardization.internal.ApplicationRecord;
import org.anjian.standardization.internal.StandardizationRates;
import org.anjian.standardization.internal.StandardizationRepository;
import org.anjian.standardization.internal.StandardizationService;
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
import org.springframework.web.util.UriComponentsBuilder;

/** 标准化定级: the register with its filters and export, an application's page with its steps, the form, and the rates with charts. */
@Controller
class StandardizationPageController {

    private static final int EXPORT_LIMIT = 50_000;

    private final StandardizationService service;
    private final StandardizationRates rates;
    private final EnterpriseLookup enterprises;
    private final MessageSource messages;

    StandardizationPageController(StandardizationService service, StandardizationRates rates, EnterpriseLookup enterprises, MessageSource messages) {
        this.service = service;
        this.rates = rates;
        this.enterprises = enterprises;
        this.messages = messages;
    }

    @GetMapping("/standardization")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String level,
                @RequestParam(required = false) String q, @RequestParam(required = false) UUID enterpriseId,
                @RequestParam(required = false) Boolean expiring, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String s = StandardizationApiController.blank(state);
        String l = StandardizationApiController.blank(level);
        String text = StandardizationApiController.blank(q);
        boolean exp = Boolean.TRUE.equals(expiring);
        var filter = new StandardizationRepository.Filter(s, l, enterpriseId, text, exp ? service.properties().warningDays() : null, service.today());
        model.addAttribute("result", service.search(user, filter, PageRequest.of(page, 20)));
        model.addAttribute("states", List.of("SUBMITTED", "ONSITE_REVIEWED", "GRADED", "REJECTED", "WITHDRAWN", "SUPERSEDED", "EXPIRED", "REVOKED"));
        model.addAttribute("levels", List.of("LEVEL_1", "LEVEL_2", "LEVEL_3"));
        model.addAttribute("state", s);
        model.addAttribute("level", l);
        model.addAttribute("q", text);
        model.addAttribute("expiring", exp);
        model.addAttribute("today", service.today());
        model.addAttribute("warningDays", service.properties().warningDays());
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("state", Optional.ofNullable(s)).queryParamIfPresent("level", Optional.ofNullable(l))
                .queryParamIfPresent("q", Optional.ofNullable(text)).queryParamIfPresent("enterpriseId", Optional.ofNullable(enterpriseId))
                .queryParamIfPresent("expiring", exp ? Optional.of(true) : Optional.empty()).encode().build().toUriString();
        model.addAttribute("base", "/standardization" + qs);
        model.addAttribute("exportUrl", "/standardization/export.csv" + qs);
        return "standardization/list";
    }

    @GetMapping("/standardization/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String state, @RequestParam(required = false) String level,
                                  @RequestParam(required = false) String q, @RequestParam(required = false) UUID enterpriseId,
                                  @RequestParam(required = false) Boolean expiring) {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = service.today();
        var filter = new StandardizationRepository.Filter(StandardizationApiController.blank(state), StandardizationApiController.blank(level),
                enterpriseId, StandardizationApiController.blank(q), Boolean.TRUE.equals(expiring) ? service.properties().warningDays() : null, today);
        StringBuilder csv = new StringBuilder("\uFEFF");
        String[] headers = {"standardization.enterprise", "standardization.level", "standardization.reviewingLevel", "standardization.selfScore",
                "standardization.submittedOn", "standardization.onsiteScore", "standardization.decidedOn", "standardization.authority",
                "standardization.documentNo", "standardization.validUntil", "standardization.state"};
        csv.append(String.join(",", java.util.Arrays.stream(headers).map(h -> cell(text(h, locale))).toList())).append("\r\n");
        for (ApplicationRecord r : service.search(CurrentUser.require(), filter, new PageRequest(0, EXPORT_LIMIT)).items()) {
            var a = r.application();
            csv.append(String.join(",", cell(r.enterpriseName()), cell(text("standardization.level." + a.level(), locale)),
                    cell(text("standardization.reviewer." + a.reviewingLevel(), locale)), cell(a.selfScore()), cell(a.submittedOn()),
                    cell(a.onsiteScore()), cell(a.decidedOn()), cell(a.authority()), cell(a.documentNo()), cell(a.validUntil()),
                    cell(text("standardization.state." + a.displayState(today), locale)))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(text("standardization.export.fileName", locale) + "-" + today + ".csv"))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/standardization/{id:[0-9a-f-]{36}}")
    String detail(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        ApplicationRecord r = service.get(user, id);
        model.addAttribute("r", r);
        model.addAttribute("a", r.application());
        model.addAttribute("today", service.today());
        model.addAttribute("displayState", r.application().displayState(service.today()));
        model.addAttribute("districtDecides", r.application().reviewingLevel() == org.anjian.standardization.domain.ReviewingLevel.DISTRICT);
        model.addAttribute("minScore", service.properties().minScore(r.application().level()));
        model.addAttribute("open", r.application().state().isOpen());
        model.addAttribute("graded", r.application().state() == ApplicationState.GRADED);
        model.addAttribute("history", service.history(user, r.application().enterpriseId()));
        return "standardization/detail";
    }

    @PostMapping("/standardization/{id}/{action:onsite-review|decision|withdraw|revocation-proposal|revoke|dismiss-revocation}")
    String step(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) UUID inspectionId,
                @RequestParam(required = false) BigDecimal score, @RequestParam(required = false) LocalDate on,
                @RequestParam(required = false) Boolean granted, @RequestParam(required = false) String authority,
                @RequestParam(required = false) String documentNo, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        AnjianUser user = CurrentUser.require();
        try {
            switch (action) {
                case "onsite-review" -> service.onsite(user, id, new StandardizationService.OnsiteInput(inspectionId, score, on, note));
                case "decision" -> service.decide(user, id, new StandardizationService.DecisionInput(granted, on, authority, documentNo, note));
                case "withdraw" -> service.withdraw(user, id);
                case "revocation-proposal" -> service.proposeRevocation(user, id, new StandardizationService.StepInput(note, on));
                case "revoke" -> service.revoke(user, id, new StandardizationService.StepInput(note, on));
                default -> service.dismissRevocation(user, id, new StandardizationService.StepInput(note, on));
            }
            redirect.addFlashAttribute("message", "standardization.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", e.fieldErrors().isEmpty() ? List.of(message(e.reason(), e.getMessage(), e.args()))
                    : e.fieldErrors().stream().map(f -> message(f.code(), f.defaultMessage())).toList());
        }
        return "redirect:/standardization/" + id;
    }

    @GetMapping("/standardization/new")
    String form(@RequestParam(required = false) UUID enterpriseId, Model model) {
        AnjianUser user = CurrentUser.require();
        service.requireApplicant(user);
        UUID own = user.scope().kind() == org.anjian.shared.security.ScopeKind.ENTERPRISE ? user.scope().id() : enterpriseId;
        model.addAttribute("form", Map.of("enterpriseId", own == null ? "" : own.toString(), "level", "", "selfScore", "", "note", ""));
        model.addAttribute("enterpriseName", own == null ? null : enterprises.find(own).map(e -> e.name()).orElse(null));
        model.addAttribute("levels", GradeLevel.values());
        model.addAttribute("errors", Map.of());
        return "standardization/form";
    }

    @PostMapping("/standardization/new")
    String submit(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String level,
                  @RequestParam(required = false) BigDecimal selfScore, @RequestParam(required = false) String note, Model model) {
        AnjianUser user = CurrentUser.require();
        try {
            ApplicationRecord r = service.submit(user, new StandardizationService.NewApplication(enterpriseId, level, selfScore, null, note));
            return "redirect:/standardization/" + r.application().id();
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            if (e.fieldErrors().isEmpty()) {
                errors.put("global", message(e.reason(), e.getMessage(), e.args()));
            }
            e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), message(f.code(), f.defaultMessage())));
            Map<String, String> form = new HashMap<>();
            form.put("enterpriseId", enterpriseId == null ? "" : enterpriseId.toString());
            form.put("level", level == null ? "" : level);
            form.put("selfScore", selfScore == null ? "" : selfScore.toPlainString());
            form.put("note", note == null ? "" : note);
            model.addAttribute("form", form);
            model.addAttribute("enterpriseName", enterpriseId == null ? null : enterprises.find(enterpriseId).map(x -> x.name()).orElse(null));
            model.addAttribute("levels", GradeLevel.values());
            model.addAttribute("errors", errors);
            return "standardization/form";
        }
    }

    @GetMapping("/standardization/rates")
    String rates(Model model) {
        StandardizationRates.Overview o = rates.overview(CurrentUser.require());
        model.addAttribute("o", o);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("byTrade", o.byTrade().stream().map(r -> Map.of("key", text("enterprise.subSector." + r.key(), locale),
                "percent", r.percent(), "total", r.total(), "graded", r.graded())).toList());
        return "standardization/rates";
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
