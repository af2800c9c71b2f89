package org.anjian.risk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.ControlMeasureType;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskPointKind;
import org.anjian.risk.domain.LecAssessment;
import org.anjian.risk.internal.PostRecord;
import org.anjian.risk.internal.RiskPointRecord;
import org.anjian.risk.internal.RiskService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Registering, reassessing and retiring risk points on a phone, and adding posts: the same service
 * and rules as the API, with the service's field errors shown beside their fields.
 */
@Controller
@RequestMapping("/risk")
class RiskPointPageController {

    static final String FORM = "risk/point-form";

    private final RiskService service;
    private final MessageSource messages;

    RiskPointPageController(RiskService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/enterprises/{enterpriseId}/points/new")
    String newPoint(@PathVariable UUID enterpriseId, Model model) {
        AnjianUser user = writer();
        EnterpriseSummary e = service.enterprise(user, enterpriseId);
        return form(user, e, null, RiskPointForm.empty(), Map.of(), model);
    }

    @PostMapping("/enterprises/{enterpriseId}/points")
    String create(@PathVariable UUID enterpriseId, @ModelAttribute RiskPointForm form, Model model) {
        AnjianUser user = writer();
        EnterpriseSummary e = service.enterprise(user, enterpriseId);
        try {
            service.create(user, form.toInput(enterpriseId));
        } catch (DomainException ex) {
            return errors(ex, user, e, null, form, model);
        }
        return "redirect:/risk/enterprises/" + enterpriseId;
    }

    @GetMapping("/points/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        RiskPointRecord r = service.get(user, id);
        writer();
        return form(user, service.enterprise(user, r.enterpriseId()), r, RiskPointForm.of(r), Map.of(), model);
    }

    @PostMapping("/points/{id}")
    String update(@PathVariable UUID id, @ModelAttribute RiskPointForm form, Model model) {
        AnjianUser user = CurrentUser.require();
        RiskPointRecord r = service.get(user, id);
        EnterpriseSummary e = service.enterprise(user, r.enterpriseId());
        try {
            service.update(user, id, form.toInput(r.enterpriseId()));
        } catch (DomainException ex) {
            return errors(ex, user, e, r, form, model);
        }
        return "redirect:/risk/enterprises/" + r.enterpriseId();
    }

    @PostMapping("/points/{id}/retire")
    String retire(@PathVariable UUID id) {
        RiskPointRecord r = service.retire(CurrentUser.require(), id);
        return "redirect:/risk/enterprises/" + r.enterpriseId();
    }

    /** A new post from the enterprise page: name and workshop first, its cards filled in on the post's own page. */
    @PostMapping("/enterprises/{enterpriseId}/posts")
    String createPost(@PathVariable UUID enterpriseId, @RequestParam(defaultValue = "") String name,
                      @RequestParam(required = false) String workshop) {
        PostRecord p = service.createPost(CurrentUser.require(),
                new RiskService.PostInput(enterpriseId, name, workshop, List.of(), List.of(), List.of(), List.of(), List.of()));
        return "redirect:/risk/posts/" + p.id();
    }

    private String errors(DomainException ex, AnjianUser user, EnterpriseSummary e, RiskPointRecord r, RiskPointForm form, Model model) {
        if (ex.fieldErrors().isEmpty()) {
            throw ex;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        // "controlMeasures[2].description" belongs to the measures block on the form
        ex.fieldErrors().forEach(f -> errors.putIfAbsent(f.field().replaceAll("\\[.*$", ""),
                messages.getMessage(f.code(), null, f.defaultMessage(), LocaleContextHolder.getLocale())));
        return form(user, e, r, form, errors, model);
    }

    private String form(AnjianUser user, EnterpriseSummary e, RiskPointRecord r, RiskPointForm form, Map<String, String> errors, Model model) {
        model.addAttribute("enterprise", e);
        model.addAttribute("point", r);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("posts", service.posts(user, e.id()));
        model.addAttribute("kinds", RiskPointKind.values());
        model.addAttribute("methods", AssessmentMethod.values());
        model.addAttribute("responsibleLevels", ResponsibleLevel.values());
        model.addAttribute("measureRows", List.of(
                new MeasureRow(ControlMeasureType.ENGINEERING, "engineering", form.engineering()),
                new MeasureRow(ControlMeasureType.MANAGEMENT, "management", form.management()),
                new MeasureRow(ControlMeasureType.TRAINING, "training", form.training()),
                new MeasureRow(ControlMeasureType.PPE, "ppe", form.ppe()),
                new MeasureRow(ControlMeasureType.EMERGENCY, "emergency", form.emergency())));
        model.addAttribute("lValues", LecAssessment.L_VALUES.stream().map(v -> v.toPlainString()).toList());
        model.addAttribute("eValues", LecAssessment.E_VALUES.stream().map(v -> v.toPlainString()).toList());
        model.addAttribute("cValues", LecAssessment.C_VALUES.stream().map(v -> v.toPlainString()).toList());
        model.addAttribute("lsValues", List.of("1", "2", "3", "4", "5"));
        model.addAttribute("action", r == null ? "/risk/enterprises/" + e.id() + "/points" : "/risk/points/" + r.id());
        return FORM;
    }

    /** One textarea of control measures: its kind, the form field and what it holds. */
    record MeasureRow(ControlMeasureType type, String param, String value) {
    }

    private static AnjianUser writer() {
        AnjianUser user = CurrentUser.require();
        if (!RiskService.canWrite(user)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "risk.readOnly", "this role reads risk data only");
        }
        return user;
    }
}
