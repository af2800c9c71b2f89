package org.anjian.penalty.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.CaseSource;
import org.anjian.penalty.internal.PenaltyCaseView;
import org.anjian.penalty.internal.PenaltyCaseService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 立案 on a page (ENF-5): from an inspection (the enterprise, the inspectors as handlers, the
 * findings' categories and a draft of the facts filled in from what was found), or from a report,
 * lead or other source with the enterprise named by its credit code. The officer edits and files.
 */
@Controller
class PenaltyFilingPageController {

    static final String FORM = "penalty/new";
    static final List<String> CIRCUMSTANCES = List.of("majorHazard", "selfReported", "rectifying", "hidden", "firstOffence", "minor",
            "correctedPromptly", "refusedToRectify");

    private final PenaltyCaseService service;
    private final EnterpriseLookup enterprises;

    PenaltyFilingPageController(PenaltyCaseService service, EnterpriseLookup enterprises) {
        this.service = service;
        this.enterprises = enterprises;
    }

    /** What the form shows: prefilled from the inspection, or what the officer typed when it comes back with errors. */
    record Draft(CaseSource source, UUID inspectionId, String enterpriseName, String creditCode, Set<ViolationCategory> categories, String facts,
                 String responsiblePerson, List<UUID> handlerIds, Set<String> circumstances) {
    }

    @GetMapping("/penalty-cases/new")
    String form(@RequestParam(required = false) UUID inspectionId, Model model) {
        AnjianUser user = requireFiler();
        Draft draft;
        if (inspectionId != null) {
            // the circumstances the findings make (a major hazard found, not reported), for the officer to confirm
            PenaltyCaseService.InspectionDraft d = service.draftFromInspection(user, inspectionId);
            draft = new Draft(CaseSource.INSPECTION, inspectionId, d.enterpriseName(), d.creditCode(), d.categories(), d.facts(), null, d.handlerIds(),
                    ticked(d.circumstances()));
        } else {
            draft = new Draft(CaseSource.REPORT, null, null, "", EnumSet.noneOf(ViolationCategory.class), "", null,
                    user.hasRole(Role.INSPECTOR) ? List.of(user.id()) : List.of(), Set.of());
        }
        return show(model, draft, List.of());
    }

    @PostMapping("/penalty-cases/new")
    String file(@RequestParam MultiValueMap<String, String> form, Model model) {
        AnjianUser user = requireFiler();
        CaseSource source = parse(CaseSource.class, form.getFirst("source"));
        UUID inspectionId = uuid(form.getFirst("inspectionId"));
        String creditCode = Optional.ofNullable(form.getFirst("creditCode")).orElse("").strip();
        Optional<EnterpriseSummary> enterprise = enterprises.findByCreditCode(creditCode);
        Set<ViolationCategory> categories = EnumSet.noneOf(ViolationCategory.class);
        Optional.ofNullable(form.get("categories")).orElse(List.of()).forEach(c -> {
            ViolationCategory v = parse(ViolationCategory.class, c);
            if (v != null) {
                categories.add(v);
            }
        });
        List<UUID> handlers = Optional.ofNullable(form.get("handlerIds")).orElse(List.of()).stream().map(PenaltyFilingPageController::uuid)
                .filter(java.util.Objects::nonNull).toList();
        Set<String> ticked = new LinkedHashSet<>(Optional.ofNullable(form.get("circumstances")).orElse(List.of()));
        CaseFacts circumstances = new CaseFacts(ticked.contains("majorHazard"), ticked.contains("selfReported"), ticked.contains("rectifying"),
                ticked.contains("hidden"), ticked.contains("firstOffence"), ticked.contains("minor"), ticked.contains("correctedPromptly"),
                ticked.contains("refusedToRectify"));
        Draft draft = new Draft(source, inspectionId, enterprise.map(EnterpriseSummary::name).orElse(null), creditCode, categories,
                form.getFirst("facts"), form.getFirst("responsiblePerson"), handlers, ticked);
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (enterprise.isEmpty()) {
            errors.add(new DomainException.FieldError("creditCode", "penalty.new.creditCodeUnknown", "没有该统一社会信用代码的企业"));
        }
        if (!errors.isEmpty()) {
            return show(model, draft, errors);
        }
        try {
            PenaltyCaseView c = service.file(user, new PenaltyCaseService.NewCase(source, inspectionId, null, enterprise.get().id(), categories,
                    form.getFirst("facts"), form.getFirst("responsiblePerson"), handlers, circumstances));
            return "redirect:/penalty-cases/" + c.id();
        } catch (DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            return show(model, draft, e.fieldErrors());
        }
    }

    /** The names of the circumstances present, as the form's check boxes carry them. */
    private static Set<String> ticked(CaseFacts f) {
        Set<String> out = new LinkedHashSet<>();
        boolean[] present = {f.majorHazard(), f.selfReported(), f.rectifying(), f.hidden(), f.firstOffence(), f.minor(), f.correctedPromptly(),
                f.refusedToRectify()};
        for (int i = 0; i < present.length; i++) {
            if (present[i]) {
                out.add(CIRCUMSTANCES.get(i));
            }
        }
        return out;
    }

    private String show(Model model, Draft draft, List<DomainException.FieldError> errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", List.of(CaseSource.INSPECTION, CaseSource.REPORT, CaseSource.LEAD, CaseSource.OTHER));
        model.addAttribute("categories", ViolationCategory.values());
        model.addAttribute("circumstances", CIRCUMSTANCES);
        model.addAttribute("inspectors", service.certifiedInspectors());
        return FORM;
    }

    private static AnjianUser requireFiler() {
        AnjianUser user = CurrentUser.require();
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "only the district and its inspectors file cases");
        }
        return user;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }
}
