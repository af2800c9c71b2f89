package org.anjian.hazard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.domain.CheckCadence;
import org.anjian.hazard.domain.CheckLevel;
import org.anjian.hazard.internal.CheckService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 日周月排查 on the phone for enterprises, and the on-time figures for regulators. */
@Controller
@RequestMapping("/checks")
class CheckPageController {

    static final String INDEX = "hazard/checks";
    static final String TASK = "hazard/check-task";
    static final String LIST_FORM = "hazard/check-list-form";

    private final CheckService checks;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final Clock clock;
    private final ZoneId zone;

    private final org.springframework.context.MessageSource messages;

    CheckPageController(CheckService checks, EnterpriseLookup enterprises, OrganizationDirectory organization, Clock clock, DistrictProperties district,
                        org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.zone = district.zone();
        this.checks = checks;
        this.enterprises = enterprises;
        this.organization = organization;
        this.clock = clock;
    }

    static final List<String> STATES = List.of("PENDING", "DONE", "MISSED");
    static final int EXPORT_LIMIT = 5000;

    /**
     * The tasks in the user's scope, filtered by town (only the user's towns), enterprise name, state and cadence, counted
     * and paged by number; regulators see the on-time figures above.
     */
    @GetMapping
    String index(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID townId,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String state,
                 @RequestParam(required = false) String cadence, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        UUID enterprise = enterpriseId != null ? enterpriseId : user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().id() : null;
        Filter f = filter(user, enterprise, townId, q, state, cadence);
        var result = checks.tasks(user, f.tasks(), PageRequest.of(page, 30));
        model.addAttribute("result", result);
        model.addAttribute("enterpriseNames", names(result.items()));
        model.addAttribute("enterpriseId", enterprise);
        model.addAttribute("today", today);
        model.addAttribute("regulator", user.scope().kind() != ScopeKind.ENTERPRISE);
        model.addAttribute("towns", organization.towns(user.scope()));
        model.addAttribute("townId", f.tasks().townId());
        model.addAttribute("q", f.q());
        model.addAttribute("state", f.tasks().state());
        model.addAttribute("cadence", f.tasks().cadence() == null ? null : f.tasks().cadence().name());
        model.addAttribute("states", STATES);
        model.addAttribute("cadences", java.util.Arrays.stream(CheckCadence.values()).map(Enum::name).toList());
        model.addAttribute("base", query("/checks", enterpriseId, f));
        model.addAttribute("exportUrl", query("/checks/export.xlsx", enterpriseId, f));
        if (user.scope().kind() != ScopeKind.ENTERPRISE) {
            Map<String, String> names = organization.regions().stream().collect(Collectors.toMap(r -> r.id().toString(), Region::name, (a, b) -> a));
            List<CheckService.OnTime> byTown = new ArrayList<>();
            for (CheckService.OnTime o : checks.onTime(user, today.minusDays(30), today, false)) {
                byTown.add(new CheckService.OnTime(o.key(), names.getOrDefault(o.key(), "—"), o.due(), o.onTime(), o.missed()));
            }
            model.addAttribute("byTown", byTown);
            List<CheckService.OnTime> byEnterprise = new ArrayList<>();
            for (CheckService.OnTime o : checks.onTime(user, today.minusDays(30), today, true).stream().limit(20).toList()) {
                String name = enterprises.find(UUID.fromString(o.key())).map(EnterpriseSummary::name).orElse("—");
                byEnterprise.add(new CheckService.OnTime(o.key(), name, o.due(), o.onTime(), o.missed()));
            }
            model.addAttribute("byEnterprise", byEnterprise);
        }
        return INDEX;
    }

    /** The same list as a spreadsheet (at most {@value #EXPORT_LIMIT} rows), headed and named in the page's language. */
    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID townId,
                @RequestParam(required = false) String q, @RequestParam(required = false) String state,
                @RequestParam(required = false) String cadence, jakarta.servlet.http.HttpServletResponse response, java.util.Locale locale)
            throws java.io.IOException {
        AnjianUser user = CurrentUser.require();
        UUID enterprise = enterpriseId != null ? enterpriseId : user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().id() : null;
        var all = checks.tasks(user, filter(user, enterprise, townId, q, state, cadence).tasks(), new PageRequest(0, EXPORT_LIMIT)).items();
        Map<UUID, String> names = names(all);
        List<List<?>> rows = new ArrayList<>();
        for (CheckService.Task t : all) {
            rows.add(List.of(names.getOrDefault(t.enterpriseId(), ""), t.listName(), t.post() == null ? "" : t.post(),
                    msg("hazard.check.level." + t.level(), locale), msg("hazard.check.cadence." + t.cadence(), locale), t.dueDate().toString(),
                    msg("hazard.check.state." + t.state(), locale), t.hazardsFound()));
        }
        org.anjian.shared.web.Spreadsheets.write(response, msg("hazard.check.title", locale) + "-" + LocalDate.now(clock.withZone(zone)) + ".xlsx",
                msg("hazard.check.title", locale),
                List.of(msg("hazard.enterprise", locale), msg("hazard.check.export.list", locale), msg("hazard.check.export.post", locale),
                        msg("hazard.check.export.level", locale), msg("hazard.check.export.cadence", locale), msg("hazard.check.export.dueOn", locale),
                        msg("hazard.check.export.state", locale), msg("hazard.check.export.hazards", locale)), rows);
    }

    record Filter(CheckService.TaskFilter tasks, String q) {
    }

    private Filter filter(AnjianUser user, UUID enterprise, UUID townId, String q, String state, String cadence) {
        String name = q == null || q.isBlank() ? null : q.trim();
        UUID town = townId == null ? null : organization.towns(user.scope()).stream().map(Region::id).filter(townId::equals).findFirst().orElse(null);
        List<UUID> ids = name == null ? null : enterprises.findByName(name, 1000).stream().map(EnterpriseSummary::id).toList();
        CheckCadence c = java.util.Arrays.stream(CheckCadence.values()).filter(x -> x.name().equals(cadence)).findFirst().orElse(null);
        return new Filter(new CheckService.TaskFilter(enterprise, ids, town, state != null && STATES.contains(state) ? state : null, c), name);
    }

    private static String query(String path, UUID enterpriseId, Filter f) {
        return org.springframework.web.util.UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("enterpriseId", java.util.Optional.ofNullable(enterpriseId))
                .queryParamIfPresent("townId", java.util.Optional.ofNullable(f.tasks().townId()))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(f.q()))
                .queryParamIfPresent("state", java.util.Optional.ofNullable(f.tasks().state()))
                .queryParamIfPresent("cadence", java.util.Optional.ofNullable(f.tasks().cadence()))
                .encode().build().toUriString();
    }

    /** The enterprises' names for one page of tasks: each enterprise looked up once, however many of its tasks the page holds. */
    private Map<UUID, String> names(List<CheckService.Task> tasks) {
        Map<UUID, String> names = new java.util.HashMap<>();
        for (CheckService.Task t : tasks) {
            names.computeIfAbsent(t.enterpriseId(), id -> enterprises.find(id).map(EnterpriseSummary::name).orElse("—"));
        }
        return names;
    }

    private String msg(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable UUID id, Model model) {
        CheckService.Task t = checks.task(CurrentUser.require(), id);
        model.addAttribute("task", t);
        model.addAttribute("items", checks.items(t.checkListId()));
        model.addAttribute("enterprise", enterprises.find(t.enterpriseId()).map(EnterpriseSummary::name).orElse(""));
        return TASK;
    }

    @PostMapping("/tasks/{id}")
    String complete(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        AnjianUser user = CurrentUser.require();
        CheckService.Task t = checks.task(user, id);
        List<CheckService.ItemResult> results = new ArrayList<>();
        for (CheckService.Item i : checks.items(t.checkListId())) {
            results.add(new CheckService.ItemResult(i.id(), form.getFirst("outcome-" + i.id()), form.getFirst("note-" + i.id())));
        }
        try {
            CheckService.Task done = checks.complete(user, id, results);
            redirect.addFlashAttribute("message", done.hazardsFound() > 0 ? "hazard.check.doneWithHazards" : "hazard.check.done");
            redirect.addFlashAttribute("hazardsFound", done.hazardsFound());
            return "redirect:/checks";
        } catch (DomainException e) {
            model.addAttribute("task", t);
            model.addAttribute("items", checks.items(t.checkListId()));
            model.addAttribute("enterprise", enterprises.find(t.enterpriseId()).map(EnterpriseSummary::name).orElse(""));
            model.addAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
            model.addAttribute("form", form.toSingleValueMap());
            return TASK;
        }
    }

    @GetMapping("/lists/new")
    String newList(@RequestParam(required = false) UUID enterpriseId, Model model) {
        AnjianUser user = CurrentUser.require();
        UUID target = enterpriseId != null ? enterpriseId : user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().id() : null;
        if (target != null) {
            enterprises.find(target).filter(e -> enterprises.inScope(user.scope(), e.id())).ifPresent(e -> model.addAttribute("enterprise", e));
        }
        model.addAttribute("levels", CheckLevel.values());
        model.addAttribute("cadences", CheckCadence.values());
        return LIST_FORM;
    }

    @PostMapping("/lists/new")
    String createList(@RequestParam UUID enterpriseId, @RequestParam String name, @RequestParam String post,
                      @RequestParam(required = false) CheckLevel level, @RequestParam(required = false) CheckCadence cadence,
                      @RequestParam(required = false) String items, @RequestParam(required = false) Boolean includeCriteria,
                      @RequestParam(required = false) Boolean includeRiskControls,
                      Model model, RedirectAttributes redirect) {
        List<String> lines = items == null ? List.of() : List.of(items.split("\\R"));
        try {
            checks.createList(CurrentUser.require(), new CheckService.NewCheckList(enterpriseId, name, post, level, cadence, lines, includeCriteria,
                    includeRiskControls));
            redirect.addFlashAttribute("message", "hazard.check.listCreated");
            return "redirect:/checks";
        } catch (DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            model.addAttribute("errors", e.fieldErrors().stream()
                    .collect(Collectors.toMap(DomainException.FieldError::field, DomainException.FieldError::code, (a, b) -> a)));
            model.addAttribute("name", name);
            model.addAttribute("post", post);
            model.addAttribute("itemsText", items);
            return newList(enterpriseId, model);
        }
    }
}
