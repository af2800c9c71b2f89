package org.anjian.accident.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSector;
import org.anjian.accident.AccidentState;
import org.anjian.accident.internal.AccidentRecord;
import org.anjian.accident.internal.AccidentRepository;
import org.anjian.accident.internal.AccidentService;
import org.anjian.accident.internal.AccidentStatistics;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Accident pages: the list, an accident with its deadlines, investigation and consequences, and the statistics against the targets. */
@Controller
@RequestMapping("/accidents")
class AccidentPageController {

    static final String LIST = "accident/list";
    static final String DETAIL = "accident/detail";
    static final String STATISTICS = "accident/statistics";
    static final String FORM = "accident/form";

    private final AccidentService service;
    private final AccidentStatistics statistics;
    private final OrganizationDirectory organization;
    private final MessageSource messages;
    private final Clock clock;
    private final org.anjian.accident.internal.ViolationAnalysis violationAnalysis;
    private final ZoneId zone;

    AccidentPageController(AccidentService service, AccidentStatistics statistics,
                           OrganizationDirectory organization, MessageSource messages, Clock clock,
                           org.anjian.accident.internal.ViolationAnalysis violationAnalysis, DistrictProperties district) {
        this.zone = district.zone();
        this.violationAnalysis = violationAnalysis;
        this.service = service;
        this.statistics = statistics;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    int thisYear() {
        return LocalDate.ofInstant(clock.instant(), zone).getYear();
    }

    @GetMapping
    String list(@RequestParam(required = false) AccidentState state, @RequestParam(required = false) AccidentGrade grade,
                @RequestParam(required = false) AccidentSector sector, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        model.addAttribute("result", service.search(user, new AccidentRepository.Filter(state, grade, sector, null, null, year),
                PageRequest.of(page, 20)));
        model.addAttribute("states", AccidentState.values());
        model.addAttribute("grades", AccidentGrade.values());
        model.addAttribute("sectors", AccidentSector.values());
        int y = thisYear();
        model.addAttribute("years", List.of(y, y - 1, y - 2, y - 3));
        model.addAttribute("state", state);
        model.addAttribute("grade", grade);
        model.addAttribute("sector", sector);
        model.addAttribute("year", year);
        model.addAttribute("townNames", townNames());
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("state", Optional.ofNullable(state))
                .queryParamIfPresent("grade", Optional.ofNullable(grade)).queryParamIfPresent("sector", Optional.ofNullable(sector))
                .queryParamIfPresent("year", Optional.ofNullable(year)).build().toUriString();
        model.addAttribute("base", "/accidents" + qs);
        model.addAttribute("exportUrl", "/accidents/export.xlsx" + qs);
        return LIST;
    }

    /** The filtered list as a spreadsheet, in the caller's scope (at most 50,000 rows, far above a district's three years). */
    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) AccidentState state, @RequestParam(required = false) AccidentGrade grade,
                @RequestParam(required = false) AccidentSector sector, @RequestParam(required = false) Integer year,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        AnjianUser user = CurrentUser.require();
        var all = service.search(user, new AccidentRepository.Filter(state, grade, sector, null, null, year),
                new org.anjian.shared.web.PageRequest(0, 50_000));
        Map<String, String> towns = townNames();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", org.anjian.shared.web.Downloads.attachment(text("accident.export.fileName") + ".xlsx"));
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(200);
             java.io.OutputStream out = response.getOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet(text("accident.title"));
            String[] headers = {"accident.occurredAt", "accident.enterprise", "accident.town", "accident.sector", "accident.type", "accident.place",
                    "accident.deathsOnly", "accident.missing", "accident.seriousInjuries", "accident.minorInjuries", "accident.directLoss",
                    "accident.grade", "accident.state", "accident.summary"};
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(text(headers[i]));
            }
            int n = 1;
            for (AccidentRecord a : all.items()) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(java.time.LocalDateTime.ofInstant(a.occurredAt(), zone).toString().replace('T', ' '));
                row.createCell(1).setCellValue(a.enterpriseName() == null ? "" : a.enterpriseName());
                row.createCell(2).setCellValue(towns.getOrDefault(String.valueOf(a.townId()), ""));
                row.createCell(3).setCellValue(text("accident.sector." + a.sector()));
                row.createCell(4).setCellValue(text("accident.type." + a.type()));
                row.createCell(5).setCellValue(a.place());
                row.createCell(6).setCellValue(a.deaths());
                row.createCell(7).setCellValue(a.missing());
                row.createCell(8).setCellValue(a.seriousInjuries());
                row.createCell(9).setCellValue(a.minorInjuries());
                row.createCell(10).setCellValue(a.directLoss().doubleValue());
                row.createCell(11).setCellValue(text("accident.grade." + a.grade()));
                row.createCell(12).setCellValue(text("accident.state." + a.state()));
                row.createCell(13).setCellValue(a.summary() == null ? "" : a.summary());
            }
            wb.write(out);
            wb.dispose();
        }
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        AnjianUser user = CurrentUser.require();
        service.requireReader(user);
        int y = year != null ? year : thisYear();
        var scope = service.scopeCondition(user.scope(), "a");
        Map<String, String> towns = townNames();
        model.addAttribute("year", y);
        model.addAttribute("years", List.of(thisYear(), thisYear() - 1, thisYear() - 2, thisYear() - 3));
        model.addAttribute("summary", statistics.summary(scope, y));
        model.addAttribute("byMonth", statistics.by(scope, y, "month"));
        model.addAttribute("bySector", statistics.by(scope, y, "sector").stream()
                .map(c -> new AccidentStatistics.Count(text("accident.sector." + c.key()), c.accidents(), c.deaths())).toList());
        model.addAttribute("byTown", statistics.by(scope, y, "town").stream()
                .map(c -> new AccidentStatistics.Count(towns.getOrDefault(c.key(), "—"), c.accidents(), c.deaths())).toList());
        model.addAttribute("byType", statistics.by(scope, y, "type").stream()
                .map(c -> new AccidentStatistics.Count(text("accident.type." + c.key()), c.accidents(), c.deaths())).toList());
        return STATISTICS;
    }

    /** ENF-9: the violation–penalty–accident relationship as a Sankey graph and a table, for a window of years. */
    @GetMapping("/violations")
    String violations(@RequestParam(required = false) Integer since, Model model) {
        AnjianUser user = CurrentUser.require();
        service.requireReader(user);
        int y = thisYear();
        int from = since == null || since > y || since < y - 10 ? y - 2 : since;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var analysis = violationAnalysis.analyse(user.scope(), service.scopeCondition(user.scope(), "a"), LocalDate.of(from, 1, 1), today);
        model.addAttribute("analysis", analysis);
        Map<String, String> categoryNames = new java.util.LinkedHashMap<>();
        for (org.anjian.inspection.ViolationCategory c : org.anjian.inspection.ViolationCategory.values()) {
            categoryNames.put(c.name(), text("inspection.category." + c.name()));
        }
        model.addAttribute("categoryNames", categoryNames);
        model.addAttribute("since", from);
        model.addAttribute("years", List.of(y, y - 1, y - 2, y - 3, y - 4));
        return "accident/violations";
    }

    /** The recording form: {@code occurredAt} as the browser's local date-time, read in the district's zone. */
    record AccidentForm(UUID enterpriseId, UUID townId, AccidentSector sector, org.anjian.accident.AccidentType type, String place,
                        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
                        java.time.LocalDateTime occurredAt, Integer peopleInvolved, Integer deaths, Integer missing, Integer seriousInjuries,
                        Integer minorInjuries, java.math.BigDecimal directLossYuan, String summary, String causeBehaviour, String causeCondition,
                        String causeManagement, Boolean lacksSafeConditions) {
        AccidentService.NewAccident toNew(java.time.ZoneId zone) {
            return new AccidentService.NewAccident(enterpriseId, townId, sector, type, place,
                    occurredAt == null ? null : occurredAt.atZone(zone).toInstant(), peopleInvolved, deaths, missing, seriousInjuries,
                    minorInjuries, directLossYuan, summary, causeBehaviour, causeCondition, causeManagement, lacksSafeConditions);
        }
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) UUID enterpriseId, Model model) {
        service.requireManager(CurrentUser.require());
        model.addAttribute("enterpriseId", enterpriseId);
        model.addAttribute("towns", organization.townsForCurrentUser());
        model.addAttribute("sectors", AccidentSector.values());
        model.addAttribute("types", org.anjian.accident.AccidentType.values());
        return FORM;
    }

    @org.springframework.web.bind.annotation.PostMapping("/new")
    String record(@org.springframework.web.bind.annotation.ModelAttribute AccidentForm form, Model model) {
        try {
            AccidentRecord r = service.record(CurrentUser.require(), form.toNew(zone));
            return "redirect:/accidents/" + r.id();
        } catch (org.anjian.shared.error.DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("form", form);
            return newForm(form.enterpriseId(), model);
        }
    }

    @org.springframework.web.bind.annotation.PostMapping("/{id}/consequences/{consequenceId}")
    String decide(@PathVariable UUID id, @PathVariable UUID consequenceId, @RequestParam String status,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            service.decideConsequence(CurrentUser.require(), id, consequenceId, status, null);
            redirect.addFlashAttribute("message", "accident.consequence.saved");
        } catch (org.anjian.shared.error.DomainException e) {
            if (e.status() == org.springframework.http.HttpStatus.FORBIDDEN || e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/accidents/" + id;
    }

    /** A report up the line, taken now (ACC-1 reporting deadlines). */
    @org.springframework.web.bind.annotation.PostMapping("/{id}/reports")
    String report(@PathVariable UUID id, @RequestParam(required = false) String level, @RequestParam(required = false) String note,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        return act(id, redirect, "accident.report.saved", () -> service.report(CurrentUser.require(), id, level == null ? "" : level, null, note));
    }

    /** 补报: casualties and loss found after the first report; the accident is re-graded. */
    @org.springframework.web.bind.annotation.PostMapping("/{id}/revision")
    String revise(@PathVariable UUID id, @org.springframework.web.bind.annotation.ModelAttribute AccidentService.Revision revision,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        return act(id, redirect, "accident.revision.saved", () -> service.revise(CurrentUser.require(), id, revision));
    }

    @org.springframework.web.bind.annotation.PostMapping("/{id}/investigation/{action:start|extend|submit-report|approve|record|close}")
    String investigate(@PathVariable UUID id, @PathVariable String action,
                       @org.springframework.web.bind.annotation.ModelAttribute AccidentService.InvestigationInput input,
                       org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        return act(id, redirect, "accident.investigation.saved", () -> service.investigate(CurrentUser.require(), id, action, input));
    }

    /** Runs a step and comes back to the accident with a message or the reason it was refused; 403/404 stay errors. */
    private String act(UUID id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String saved, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", saved);
        } catch (org.anjian.shared.error.DomainException e) {
            if (e.status() == org.springframework.http.HttpStatus.FORBIDDEN || e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/accidents/" + id;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        AccidentRecord r = service.get(user, id);
        model.addAttribute("a", r);
        model.addAttribute("inv", r.investigation());
        model.addAttribute("deadlines", service.deadlines(r, clock.instant()));
        model.addAttribute("reports", service.reports(r));
        model.addAttribute("consequences", service.consequences(r));
        model.addAttribute("townNames", townNames());
        model.addAttribute("supplementOpen", clock.instant().isBefore(org.anjian.accident.domain.SupplementWindow.closesAt(r.sector(), r.occurredAt())));
        return DETAIL;
    }

    private Map<String, String> townNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Region r : organization.regions()) {
            m.put(r.id().toString(), r.name());
        }
        return m;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
