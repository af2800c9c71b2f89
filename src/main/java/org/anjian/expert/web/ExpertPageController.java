package org.anjian.expert.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.anjian.expert.ExpertStatus;
import org.anjian.expert.Field;
import org.anjian.expert.ServiceKind;
import org.anjian.expert.internal.ExpertExcel;
import org.anjian.expert.internal.ExpertImport;
import org.anjian.expert.internal.ExpertRepository;
import org.anjian.expert.internal.ExpertService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The pool, an expert's profile with services and evaluation, and the year's evaluation table. */
@Controller
class ExpertPageController {

    static final String LIST = "expert/list";
    static final String PROFILE = "expert/profile";
    static final String EVALUATIONS = "expert/evaluations";

    private final ExpertService experts;
    private final ExpertImport imports;
    private final ExpertExcel excel;

    ExpertPageController(ExpertService experts, ExpertImport imports, ExpertExcel excel) {
        this.experts = experts;
        this.imports = imports;
        this.excel = excel;
    }

    @GetMapping("/experts")
    String list(@RequestParam(required = false) Field field, @RequestParam(required = false) ExpertStatus status,
                @RequestParam(required = false) Boolean qualified, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        if (!ExpertService.isReader(user) && user.hasRole(org.anjian.shared.security.Role.EXPERT)) {
            return "redirect:/experts/me";
        }
        String query = q == null || q.isBlank() ? null : q.trim();
        model.addAttribute("result", experts.list(user, new ExpertRepository.Filter(field, status, qualified, query), PageRequest.of(page, 20)));
        model.addAttribute("fields", Field.values());
        model.addAttribute("statuses", ExpertStatus.values());
        model.addAttribute("field", field);
        model.addAttribute("status", status);
        model.addAttribute("qualified", qualified);
        model.addAttribute("q", query);
        model.addAttribute("today", experts.today());
        String params = UriComponentsBuilder.fromPath("").queryParamIfPresent("field", Optional.ofNullable(field))
                .queryParamIfPresent("status", Optional.ofNullable(status)).queryParamIfPresent("qualified", Optional.ofNullable(qualified))
                .queryParamIfPresent("q", Optional.ofNullable(query)).build().encode().toUriString();
        model.addAttribute("base", "/experts" + params);
        model.addAttribute("exportUrl", "/experts/export" + params);
        return LIST;
    }

    @GetMapping("/experts/export")
    void export(@RequestParam(required = false) Field field, @RequestParam(required = false) ExpertStatus status,
                @RequestParam(required = false) Boolean qualified, @RequestParam(required = false) String q, HttpServletResponse response)
            throws IOException {
        ExpertApiController.write(experts, excel, new ExpertRepository.Filter(field, status, qualified, q), response);
    }

    @PostMapping("/experts/import")
    String importPool(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "expert.import.fileRequired");
            return "redirect:/experts";
        }
        try {
            ExpertImport.Result result = imports.importPool(CurrentUser.require(), file.getInputStream());
            redirect.addFlashAttribute("imported", result);
        } catch (DomainException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/experts";
    }

    @GetMapping("/experts/me")
    String me() {
        return "redirect:/experts/" + experts.me(CurrentUser.require()).id();
    }

    @GetMapping("/experts/evaluations")
    String evaluations(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? experts.today().getYear() : year;
        List<ExpertService.Evaluation> rows = experts.evaluations(CurrentUser.require(), y);
        model.addAttribute("rows", rows);
        model.addAttribute("year", y);
        model.addAttribute("years", years());
        model.addAttribute("counts", rows.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.result().name(),
                java.util.stream.Collectors.counting())));
        return EVALUATIONS;
    }

    @GetMapping("/experts/{id}")
    String profile(@PathVariable UUID id, @RequestParam(required = false) Integer year, Model model) {
        AnjianUser user = CurrentUser.require();
        int y = year == null ? experts.today().getYear() : year;
        ExpertService.ExpertView expert = experts.get(user, id);
        model.addAttribute("expert", expert);
        // the expert fills in their own hours and findings; the district may correct them
        model.addAttribute("canFill", user.hasRole(org.anjian.shared.security.Role.DISTRICT_ADMIN) || user.id().equals(expert.userId()));
        model.addAttribute("services", experts.services(user, id, null));
        model.addAttribute("evaluation", experts.evaluation(user, id, y));
        model.addAttribute("year", y);
        model.addAttribute("years", years());
        model.addAttribute("today", experts.today());
        model.addAttribute("kinds", ServiceKind.values());
        return PROFILE;
    }

    @PostMapping("/experts/services/{serviceId}/rating")
    String rate(@PathVariable UUID serviceId, @RequestParam UUID expertId, @ModelAttribute ExpertService.RatingForm form, RedirectAttributes redirect) {
        return act(redirect, "/experts/" + expertId, "expert.page.rated", () -> experts.rate(CurrentUser.require(), serviceId, form));
    }

    @PostMapping("/experts/services/{serviceId}")
    String fillService(@PathVariable UUID serviceId, @RequestParam UUID expertId, @ModelAttribute ExpertService.ServiceUpdate form,
                       RedirectAttributes redirect) {
        return act(redirect, "/experts/" + expertId, "expert.page.serviceSaved", () -> experts.updateService(CurrentUser.require(), serviceId, form));
    }

    @PostMapping("/experts/{id}/services")
    String recordService(@PathVariable UUID id, @ModelAttribute ExpertService.ServiceForm form, RedirectAttributes redirect) {
        return act(redirect, "/experts/" + id, "expert.page.serviceRecorded", () -> experts.recordService(CurrentUser.require(), id, form));
    }

    @PostMapping("/experts/{id}/suspend")
    String suspend(@PathVariable UUID id, @RequestParam Integer year, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, "/experts/evaluations?year=" + year, "expert.page.suspended",
                () -> experts.suspend(CurrentUser.require(), id, new ExpertService.SuspensionForm(year, reason)));
    }

    private List<Integer> years() {
        int now = experts.today().getYear();
        return IntStream.rangeClosed(now - 4, now).boxed().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    private String act(RedirectAttributes redirect, String back, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:" + back;
    }
}
