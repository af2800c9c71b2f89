package org.anjian.inspection.web;

import java.util.List;
import java.util.UUID;
import org.anjian.expert.Field;
import org.anjian.inspection.internal.InspectionExperts;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The expert-selection form on the inspection page. */
@Controller
class InspectionExpertPageController {

    private final InspectionExperts experts;

    InspectionExpertPageController(InspectionExperts experts) {
        this.experts = experts;
    }

    @PostMapping("/inspections/{id}/experts")
    String select(@PathVariable UUID id, @RequestParam(required = false) List<Field> fields, @RequestParam(defaultValue = "1") int count,
                  RedirectAttributes redirect) {
        try {
            experts.select(CurrentUser.require(), id, new InspectionExperts.Request(fields, count, null));
            redirect.addFlashAttribute("message", "expert.inspection.selected");
        } catch (DomainException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            // the page's message has no arguments; the API's problem details name the field
            String reason = "expert.selection.shortage".equals(e.reason()) ? "expert.inspection.shortage" : e.reason();
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? reason : e.fieldErrors().get(0).code());
        }
        return "redirect:/inspections/" + id;
    }
}
