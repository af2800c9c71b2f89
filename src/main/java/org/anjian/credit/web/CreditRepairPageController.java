package org.anjian.credit.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.anjian.credit.internal.CreditRecord;
import org.anjian.credit.internal.CreditRepairs;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Credit repair pages: the enterprise applies (phone first), the district reviews the list and decides. */
@Controller
class CreditRepairPageController {

    private final CreditRepairs repairs;
    private final Clock clock;
    private final ZoneId zone;

    CreditRepairPageController(CreditRepairs repairs, Clock clock, DistrictProperties district) {
        this.repairs = repairs;
        this.clock = clock;
        this.zone = district.zone();
    }

    @GetMapping("/credit-repairs")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String s = state == null || state.isBlank() ? null : state;
        model.addAttribute("result", repairs.search(user, s, null, PageRequest.of(page, 20)));
        model.addAttribute("states", new String[]{"PENDING", "APPROVED", "REJECTED"});
        model.addAttribute("state", s);
        model.addAttribute("applicable", repairs.applicable(user));
        model.addAttribute("repairs", repairs);
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), zone));
        model.addAttribute("base", "/credit-repairs" + UriComponentsBuilder.fromPath("").queryParamIfPresent("state", Optional.ofNullable(s))
                .encode().build().toUriString());
        return "credit/repairs";
    }

    @GetMapping("/credit-records/{id}/repair")
    String form(@PathVariable UUID id, Model model) {
        CreditRecord r = repairs.entryFor(CurrentUser.require(), id);
        model.addAttribute("entry", r);
        model.addAttribute("earliest", repairs.earliestApplication(r));
        return "credit/repair-form";
    }

    @PostMapping("/credit-records/{id}/repair")
    String apply(@PathVariable UUID id, @RequestParam(required = false) String rectification,
                 @RequestParam(required = false) MultipartFile proof, Model model) throws IOException {
        try {
            var v = repairs.apply(CurrentUser.require(), id, rectification, proof == null ? null : proof.getOriginalFilename(),
                    proof == null || proof.isEmpty() ? null : proof.getBytes());
            return "redirect:/credit-repairs/" + v.id() + "?applied";
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            form(id, model);
            model.addAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("rectification", rectification);
            return "credit/repair-form";
        }
    }

    @GetMapping("/credit-repairs/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("r", repairs.get(CurrentUser.require(), id));
        return "credit/repair";
    }

    @GetMapping("/credit-repairs/{id}/proof")
    ResponseEntity<byte[]> proof(@PathVariable UUID id) {
        CreditRepairs.Proof p = repairs.proof(CurrentUser.require(), id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, p.contentType()).header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(p.fileName())).body(p.data());
    }

    @PostMapping("/credit-repairs/{id}/{action:approve|reject}")
    String decide(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        try {
            repairs.decide(CurrentUser.require(), id, action, reason);
            redirect.addFlashAttribute("message", "credit.repair.decided");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/credit-repairs/" + id;
    }
}
