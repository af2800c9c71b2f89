package org.anjian.inspection.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.anjian.enterprise.Sector;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.internal.Leads;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 打非治违 and 吹哨人: the leads, receiving one, assigning, closing and the reward. */
@Controller
@RequestMapping("/inspections/leads")
class LeadPageController {

    static final String VIEW = "inspection/leads";
    private final Leads leads;
    private final UserDirectory users;

    LeadPageController(Leads leads, UserDirectory users) {
        this.leads = leads;
        this.users = users;
    }

    @GetMapping
    String page(@RequestParam(required = false) String state, @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                Model model) {
        AnjianUser user = CurrentUser.require();
        model.addAttribute("result", leads.list(user, state, kind, PageRequest.of(page, 20)));
        model.addAttribute("state", state);
        model.addAttribute("kind", kind);
        model.addAttribute("states", List.of("NEW", "ASSIGNED", "CLOSED"));
        model.addAttribute("kinds", List.of("ILLEGAL_ACTIVITY", "WHISTLEBLOWER"));
        model.addAttribute("sources", List.of("HOTLINE", "ONLINE", "LETTER", "VISIT", "REFERRAL"));
        model.addAttribute("sectors", List.of(Sector.values()));
        model.addAttribute("district", user.hasRole(Role.DISTRICT_ADMIN));
        model.addAttribute("me", user.id());
        model.addAttribute("inspectors", users.usersWithRole(Role.INSPECTOR).stream()
                .filter(u -> u.enabled() && u.enforcementCertNo() != null).sorted(java.util.Comparator.comparing(UserSummary::displayName)).toList());
        model.addAttribute("base", "/inspections/leads?" + (state == null ? "" : "state=" + state + "&") + (kind == null ? "" : "kind=" + kind));
        return VIEW;
    }

    @PostMapping
    String receive(@ModelAttribute Leads.NewLead form, RedirectAttributes redirect) {
        return act(redirect, "inspection.lead.page.received", () -> leads.receive(CurrentUser.require(), form));
    }

    @PostMapping("/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam(required = false) List<UUID> inspectorIds, @RequestParam(required = false) LocalDate plannedOn,
                  RedirectAttributes redirect) {
        return act(redirect, "inspection.lead.page.assigned", () -> leads.assign(CurrentUser.require(), id, new Leads.Assignment(inspectorIds, plannedOn)));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable UUID id, @ModelAttribute Leads.Closing form, RedirectAttributes redirect) {
        return act(redirect, "inspection.lead.page.closed", () -> leads.close(CurrentUser.require(), id, form));
    }

    @PostMapping("/{id}/reward")
    String reward(@PathVariable UUID id, @ModelAttribute Leads.Reward form, RedirectAttributes redirect) {
        return act(redirect, "inspection.lead.page.rewarded", () -> leads.reward(CurrentUser.require(), id, form));
    }

    private String act(RedirectAttributes redirect, String done, Supplier<Object> step) {
        try {
            step.get();
            redirect.addFlashAttribute("message", done);
        } catch (DomainException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/inspections/leads";
    }
}
