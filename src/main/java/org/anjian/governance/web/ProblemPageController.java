package org.anjian.governance.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.anjian.governance.ProblemOwnerKind;
import org.anjian.governance.ProblemState;
import org.anjian.governance.internal.ProblemRecord;
import org.anjian.governance.internal.ProblemRepository;
import org.anjian.governance.internal.ProblemService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.CsvCells;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** 八张问题清单: the lists with filters and counts, a problem with its loop, evidence, history and 举一反三 family. */
@Controller
class ProblemPageController {

    static final String LIST = "governance/problems/list";
    static final String DETAIL = "governance/problems/detail";
    static final String FORM = "governance/problems/form";

    private final ProblemService service;
    private final OrganizationDirectory organization;
    private final MessageSource messages;

    ProblemPageController(ProblemService service, OrganizationDirectory organization, MessageSource messages) {
        this.service = service;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/problems")
    String list(@RequestParam(required = false) String listCode, @RequestParam(required = false) ProblemState state,
                @RequestParam(required = false) ProblemOwnerKind ownerKind, @RequestParam(required = false) UUID townId,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String list = ProblemService.blankOrNull(listCode);
        String text = ProblemService.blankOrNull(q);
        var filter = new ProblemRepository.Filter(list, state, ownerKind, townId, overdue, escalated, text, service.today());
        model.addAttribute("result", service.search(user, filter, PageRequest.of(page, 20)));
        model.addAttribute("counts", service.counts(user, filter));
        model.addAttribute("lists", service.lists());
        model.addAttribute("states", ProblemState.values());
        model.addAttribute("ownerKinds", ProblemOwnerKind.values());
        model.addAttribute("towns", organization.towns(user.scope()));
        model.addAttribute("listCode", list);
        model.addAttribute("state", state);
        model.addAttribute("ownerKind", ownerKind);
        model.addAttribute("townId", townId);
        model.addAttribute("overdue", overdue);
        model.addAttribute("escalated", escalated);
        model.addAttribute("q", text);
        model.addAttribute("today", service.today());
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("listCode", Optional.ofNullable(list))
                .queryParamIfPresent("state", Optional.ofNullable(state)).queryParamIfPresent("ownerKind", Optional.ofNullable(ownerKind))
                .queryParamIfPresent("townId", Optional.ofNullable(townId)).queryParamIfPresent("overdue", Optional.ofNullable(overdue))
                .queryParamIfPresent("escalated", Optional.ofNullable(escalated)).queryParamIfPresent("q", Optional.ofNullable(text))
                .encode().build().toUriString();
        model.addAttribute("base", "/problems" + qs);
        model.addAttribute("exportUrl", "/problems/export.csv" + qs);
        model.addAttribute("excelUrl", "/problems/export.xlsx" + qs);
        return LIST;
    }

    @GetMapping("/problems/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String listCode, @RequestParam(required = false) ProblemState state,
                                  @RequestParam(required = false) ProblemOwnerKind ownerKind, @RequestParam(required = false) UUID townId,
                                  @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
                                  @RequestParam(required = false) String q) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (List<String> row : rows(listCode, state, ownerKind, townId, overdue, escalated, q, locale)) {
            csv.append(String.join(",", row.stream().map(CsvCells::quoted).toList())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(text("governance.problem.export.fileName", locale) + "-" + service.today() + ".csv"))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/problems/export.xlsx")
    ResponseEntity<byte[]> exportExcel(@RequestParam(required = false) String listCode, @RequestParam(required = false) ProblemState state,
                                       @RequestParam(required = false) ProblemOwnerKind ownerKind, @RequestParam(required = false) UUID townId,
                                       @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
                                       @RequestParam(required = false) String q) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(200)) {
            var sheet = wb.createSheet(text("governance.problem.export.fileName", locale));
            int r = 0;
            for (List<String> row : rows(listCode, state, ownerKind, townId, overdue, escalated, q, locale)) {
                var x = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    x.createCell(c).setCellValue(row.get(c));
                }
            }
            wb.write(out);
            wb.dispose();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(text("governance.problem.export.fileName", locale) + "-" + service.today() + ".xlsx"))
                .body(out.toByteArray());
    }

    /** The header and one row a problem, as both exports write them, for the list's filter and the caller's scope. */
    private List<List<String>> rows(String listCode, ProblemState state, ProblemOwnerKind ownerKind, UUID townId, Boolean overdue, Boolean escalated,
                                    String q, Locale locale) {
        AnjianUser user = CurrentUser.require();
        LocalDate today = service.today();
        var filter = new ProblemRepository.Filter(ProblemService.blankOrNull(listCode), state, ownerKind, townId, overdue, escalated,
                ProblemService.blankOrNull(q), today);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("governance.problem.list", "governance.problem.title.column", "governance.problem.owner", "governance.problem.deadline",
                "governance.problem.state", "governance.problem.overdue", "governance.problem.escalation", "governance.problem.registeredAt")
                .stream().map(h -> text(h, locale)).toList());
        for (ProblemRecord r : service.search(user, filter, new PageRequest(0, 50_000)).items()) {
            var p = r.problem();
            rows.add(List.of(r.listName(), r.title(), r.ownerName(), p.deadline().toString(), text("governance.problem.state." + p.state(), locale),
                    text(p.isOverdue(today) ? "governance.problem.yes" : "governance.problem.no", locale),
                    text("governance.problem.escalation." + p.escalation(), locale), r.registeredAt().atZone(service.zone()).toLocalDate().toString()));
        }
        return rows;
    }

    @GetMapping("/problems/new")
    String newProblem(Model model) {
        AnjianUser user = CurrentUser.require();
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
        formModel(model, user);
        return FORM;
    }

    @PostMapping("/problems/new")
    String create(@RequestParam(required = false) String listCode, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String description, @RequestParam(required = false) ProblemOwnerKind ownerKind,
                  @RequestParam(required = false) UUID townId, @RequestParam(required = false) UUID departmentId,
                  @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) LocalDate deadline,
                  @RequestParam(required = false) UUID supervisionVisitId, Model model) {
        AnjianUser user = CurrentUser.require();
        var n = new ProblemService.NewProblem(listCode, title, description, ownerKind, townId, departmentId, enterpriseId, deadline, supervisionVisitId);
        try {
            return "redirect:/problems/" + service.register(user, n).id();
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", n);
            formModel(model, user);
            return FORM;
        }
    }

    private void formModel(Model model, AnjianUser user) {
        model.addAttribute("lists", service.lists());
        model.addAttribute("ownerKinds", ProblemOwnerKind.values());
        model.addAttribute("towns", organization.towns(user.scope()));
        model.addAttribute("departments", organization.departments());
        model.addAttribute("today", service.today());
    }

    @GetMapping("/problems/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        ProblemRecord r = service.get(user, id);
        model.addAttribute("p", r);
        model.addAttribute("problem", r.problem());
        model.addAttribute("steps", service.steps(r));
        model.addAttribute("evidence", service.evidence(r));
        model.addAttribute("family", service.family(user, r));
        model.addAttribute("today", service.today());
        model.addAttribute("zone", service.zone());
        model.addAttribute("canAct", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL,
                Role.ENTERPRISE_USER));
        model.addAttribute("district", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR));
        model.addAttribute("registrar", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL));
        model.addAttribute("towns", organization.towns());
        return DETAIL;
    }

    @PostMapping("/problems/{id}/{action:start|submit|verify|reject}")
    String step(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String measures,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.step(CurrentUser.require(), id, action, new ProblemService.StepInput(measures, note)));
    }

    @PostMapping("/problems/{id}/evidence")
    String evidence(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] data = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return act(id, redirect, () -> service.addEvidence(CurrentUser.require(), id, name, data));
    }

    @GetMapping("/problems/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        var e = service.evidence(CurrentUser.require(), id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(e.fileName() == null ? "佐证材料" : e.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(e.data());
    }

    @PostMapping("/problems/{id}/follow-ups")
    String followUps(@PathVariable UUID id, @RequestParam(required = false) ProblemService.FollowUpTarget target,
                     @RequestParam(required = false) List<UUID> townIds, @RequestParam(required = false) LocalDate deadline,
                     RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            int n = service.followUps(CurrentUser.require(), id, new ProblemService.FollowUpRequest(target, townIds, deadline)).size();
            redirect.addFlashAttribute("followUps", n);
        });
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", "governance.problem.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", errors(e));
        }
        return "redirect:/problems/" + id;
    }

    private List<String> errors(DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return e.fieldErrors().isEmpty() ? List.of(messages.getMessage(e.reason(), e.args(), e.getMessage(), locale))
                : e.fieldErrors().stream().map(f -> messages.getMessage(f.code(), null, f.defaultMessage(), locale)).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
