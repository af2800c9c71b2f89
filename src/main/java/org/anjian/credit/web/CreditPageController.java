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

    CreditPageController(CreditService service, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.committee = district.committee();
        this.service = service;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    @GetMapping("/credit-records")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        String s = status == null || status.isBlank() ? null : status;
        model.addAttribute("result", service.search(CurrentUser.require(), s, null, null, PageRequest.of(page, 20)));
        model.addAttribute("statuses", new String[]{"PROPOSED", "IN_FORCE", "REJECTED", "REMOVED"});
        model.addAttribute("status", s);
        model.addAttribute("today", today());
        model.addAttribute("base", "/credit-records" + UriComponentsBuilder.fromPath("").queryParamIfPresent("status", Optional.ofNullable(s))
                .build().toUriString());
        return LIST;
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
