package org.anjian.publicreport.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.publicreport.domain.PublicReport.AssigneeKind;
import org.anjian.publicreport.domain.ReportAction;
import org.anjian.publicreport.domain.ReportCategory;
import org.anjian.publicreport.domain.ReportState;
import org.anjian.publicreport.domain.ReportingReward;
import org.anjian.publicreport.internal.PublicReportService;
import org.anjian.publicreport.internal.PublicReportService.ActionInput;
import org.anjian.publicreport.internal.PublicReportService.Submission;
import org.anjian.publicreport.internal.PublicReportService.UploadedPhoto;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public intake and query pages (no sign-in), and the handlers' list and detail pages. */
@Controller
class PublicReportPageController {

    private final PublicReportService service;
    private final OrganizationDirectory organization;

    PublicReportPageController(PublicReportService service, OrganizationDirectory organization) {
        this.service = service;
        this.organization = organization;
    }

    @GetMapping("/public/report")
    String form(Model model) {
        model.addAttribute("categories", ReportCategory.values());
        model.addAttribute("rewards", service.paidRewards());
        return "publicreport/public-form";
    }

    @PostMapping("/public/report")
    String submit(@RequestParam(required = false) ReportCategory category, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String location, @RequestParam(required = false) String enterpriseName,
                  @RequestParam(required = false) String enterpriseId, @RequestParam(defaultValue = "false") boolean named, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String idNumber,
                  @RequestParam(required = false) String website, @RequestParam(required = false) List<MultipartFile> photos,
                  HttpServletRequest request, Model model) throws IOException {
        List<UploadedPhoto> uploaded = new ArrayList<>();
        if (photos != null) {
            for (MultipartFile f : photos) {
                if (!f.isEmpty()) {
                    uploaded.add(new UploadedPhoto(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            String code = service.submit(new Submission(category, description, location, uuidOrNull(enterpriseId), enterpriseName, !named, name, phone, idNumber,
                    website), uploaded, request.getRemoteAddr());
            return "redirect:/public/report/" + code + "?received";
        } catch (DomainException e) {
            if (e.status().value() == 429) {
                throw e;
            }
            model.addAttribute("error", e.reason());
            model.addAttribute("categories", ReportCategory.values());
            model.addAttribute("rewards", service.paidRewards());
            model.addAttribute("category", category);
            model.addAttribute("description", description);
            model.addAttribute("location", location);
            model.addAttribute("enterpriseName", enterpriseName);
            model.addAttribute("enterpriseId", uuidOrNull(enterpriseId));
            return "publicreport/public-form";
        }
    }

    private static UUID uuidOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping("/public/report/query")
    String query(@RequestParam(required = false) String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return c.matches("[A-Z0-9]{4,16}") ? "redirect:/public/report/" + c : "redirect:/public/report";
    }

    @GetMapping("/public/report/{code}")
    String progress(@PathVariable String code, Model model) {
        model.addAttribute("progress", service.progress(code));
        return "publicreport/public-progress";
    }

    @GetMapping("/public-reports")
    String list(@RequestParam(required = false) ReportState state, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", service.search(CurrentUser.require(), state, PageRequest.of(page, size)));
        model.addAttribute("states", ReportState.values());
        model.addAttribute("state", state);
        return "publicreport/list";
    }

    @GetMapping("/public-reports/{id}")
    String detail(@PathVariable UUID id, Model model) {
        var view = service.get(CurrentUser.require(), id);
        model.addAttribute("r", view);
        model.addAttribute("towns", organization.townsForCurrentUser());
        model.addAttribute("departments", organization.departments());
        model.addAttribute("levels", ReportingReward.AccidentLevel.values());
        model.addAttribute("actions", ReportAction.values());
        return "publicreport/detail";
    }

    @GetMapping("/public-reports/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        var p = service.photo(CurrentUser.require(), id, photoId);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, p.contentType())
                .header("X-Content-Type-Options", "nosniff").body(p.data());
    }

    @PostMapping("/public-reports/{id}/reveal")
    String reveal(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        var identity = service.reveal(CurrentUser.require(), id, reason);
        detail(id, model);
        model.addAttribute("identity", identity);
        return "publicreport/detail";
    }

    @PostMapping("/public-reports/{id}/{action:accept|reject|assign|verify|extend|result|feedback|close|plan-lead|decide-reward|approve-reward|pay-reward}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String assignee, @RequestParam(required = false) Integer days,
               @RequestParam(required = false) Boolean substantiated, @RequestParam(required = false) String text,
               @RequestParam(required = false) Long fineYuan, @RequestParam(required = false) ReportingReward.AccidentLevel accidentLevel,
               @RequestParam(required = false) Integer deaths, @RequestParam(required = false) String paymentRef, RedirectAttributes redirect) {
        AssigneeKind kind = null;
        UUID unit = null;
        if (assignee != null && assignee.contains(":")) {
            String[] parts = assignee.split(":", 2);
            try {
                kind = AssigneeKind.valueOf(parts[0]);
                unit = UUID.fromString(parts[1]);
            } catch (IllegalArgumentException e) {
                kind = null;
            }
        }
        try {
            service.act(CurrentUser.require(), id, action, new ActionInput(reason, kind, unit, days, substantiated, text, fineYuan, null,
                    accidentLevel, deaths, paymentRef));
            redirect.addFlashAttribute("message", "publicreport.done");
        } catch (DomainException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.reason());
        }
        return "redirect:/public-reports/" + id;
    }
}
