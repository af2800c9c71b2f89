package org.anjian.inspection.web;

import org.anjian.shared.config.DistrictProperties;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.internal.InspectionPlans;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan page: the year's plans, progress against capacity, the items and the 执法清零 list. */
@Controller
@RequestMapping("/inspections/plans")
class PlanPageController {

    static final String VIEW = "inspection/plans";
    static final List<String> STATES = List.of("OPEN", "OVERDUE", "DONE", "DONE_LATE", "REMOVED");

    private final InspectionPlans plans;
    private final OrganizationDirectory organization;
    private final Clock clock;

    private final ZoneId zone;
    PlanPageController(InspectionPlans plans, OrganizationDirectory organization, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.plans = plans;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID plan, @RequestParam(required = false) Integer month,
                @RequestParam(required = false) UUID town, @RequestParam(required = false) String sector, @RequestParam(required = false) String state,
                @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        int thisYear = LocalDate.now(clock.withZone(zone)).getYear();
        int y = year == null ? thisYear : year;
        List<InspectionPlans.Plan> ofYear = plans.list(user, y);
        InspectionPlans.Plan selected = ofYear.stream().filter(p -> p.id().equals(plan)).findFirst()
                .or(() -> ofYear.stream().filter(p -> p.state().equals("PUBLISHED")).findFirst())
                .or(() -> ofYear.stream().findFirst()).orElse(null);
        model.addAttribute("years", List.of(thisYear - 1, thisYear, thisYear + 1));
        model.addAttribute("year", y);
        model.addAttribute("plansOfYear", ofYear);
        model.addAttribute("plan", selected);
        model.addAttribute("district", user.hasRole(Role.DISTRICT_ADMIN));
        model.addAttribute("sectors", List.of(Sector.values()));
        model.addAttribute("states", STATES);
        model.addAttribute("towns", organization.townsForCurrentUser());
        Map<String, String> townNames = organization.regions().stream().collect(Collectors.toMap(r -> r.id().toString(), Region::name, (a, b) -> a));
        model.addAttribute("townNames", townNames);
        model.addAttribute("month", month);
        model.addAttribute("town", town);
        model.addAttribute("sector", sector);
        model.addAttribute("state", state);
        if (selected != null) {
            var progress = plans.progress(user, selected.id());
            model.addAttribute("progress", progress);
            model.addAttribute("clearance", plans.clearance(user, selected.id()));
            model.addAttribute("result", plans.items(user, selected.id(), new InspectionPlans.ItemFilter(month, town, sector, state, null),
                    PageRequest.of(page, 20)));
            String qs = "?year=" + y + "&plan=" + selected.id() + (month == null ? "" : "&month=" + month) + (town == null ? "" : "&town=" + town)
                    + (sector == null || sector.isBlank() ? "" : "&sector=" + sector) + (state == null || state.isBlank() ? "" : "&state=" + state);
            model.addAttribute("base", "/inspections/plans" + qs);
            model.addAttribute("exportUrl", "/inspections/plans/" + selected.id() + "/export.xlsx" + qs);
            List<Map<String, Object>> chart = new ArrayList<>();
            progress.months().forEach(m -> chart.add(Map.of("month", m.month(), "planned", m.planned(), "done", m.done() + m.doneLate(),
                    "unplanned", m.unplanned(), "capacity", m.capacity())));
            model.addAttribute("chart", chart);
        }
        return VIEW;
    }

    @PostMapping
    String generate(@RequestParam int year, @RequestParam(required = false) List<String> prioritySectors,
                    @RequestParam(required = false) String campaignName, @RequestParam(required = false) String campaignSector,
                    @RequestParam(required = false) Integer campaignExtra, @RequestParam(required = false) Integer capacity, RedirectAttributes redirect) {
        List<InspectionPlans.Campaign> campaigns = campaignName == null || campaignName.isBlank() ? List.of()
                : List.of(new InspectionPlans.Campaign(campaignName, campaignSector, campaignExtra == null ? 1 : campaignExtra));
        return act(redirect, "inspection.plan.page.generated", year, () -> plans.generate(CurrentUser.require(),
                new InspectionPlans.NewPlan(year, new InspectionPlans.Priorities(prioritySectors, campaigns), capacity)).id());
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam int year, RedirectAttributes redirect) {
        return act(redirect, "inspection.plan.page.approved", year, () -> plans.approve(CurrentUser.require(), id).id());
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam int year, RedirectAttributes redirect) {
        return act(redirect, "inspection.plan.page.published", year, () -> plans.publish(CurrentUser.require(), id).id());
    }

    @PostMapping("/{id}/items/{itemId}")
    String change(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam int year, @RequestParam(required = false) Integer month,
                  @RequestParam(defaultValue = "false") boolean remove, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, remove ? "inspection.plan.page.removed" : "inspection.plan.page.moved", year, () -> {
            plans.changeItem(CurrentUser.require(), id, itemId, new InspectionPlans.ItemChange(month, remove, reason));
            return id;
        });
    }

    @GetMapping("/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(required = false) Integer month, @RequestParam(required = false) UUID town,
                                  @RequestParam(required = false) String sector, @RequestParam(required = false) String state) {
        byte[] xlsx = plans.export(CurrentUser.require(), id, new InspectionPlans.ItemFilter(month, town, sector, state, null));
        return ResponseEntity.ok().contentType(PlanApiController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("执法计划.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    private String act(RedirectAttributes redirect, String done, int year, Supplier<UUID> step) {
        UUID id = null;
        try {
            id = step.get();
            redirect.addFlashAttribute("message", done);
        } catch (DomainException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/inspections/plans?year=" + year + (id == null ? "" : "&plan=" + id);
    }
}
