package org.anjian.enterprise.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.anjian.enterprise.domain.ExpiryWarnings;
import org.anjian.enterprise.domain.LicenceDuties;
import org.anjian.enterprise.domain.OutletLayout;
import org.anjian.enterprise.internal.DutiesService;
import org.anjian.enterprise.internal.OutletService;
import org.anjian.enterprise.internal.ResponsiblePersonService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.shared.web.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The regulator's duty lists at district scale (issue 19 #2): licences due and gaps, the three responsible persons'
 * compliance, and the fireworks outlets — each filtered by the towns in the user's scope and by name, counted, paged by
 * number and exported with a Chinese file name. The API lists call the same service methods.
 */
@Controller
class DutyListsPageController {

    static final String DUE = "enterprise/due";
    static final String COMPLIANCE = "enterprise/compliance";
    static final String OUTLETS = "enterprise/outlets";
    static final int PAGE_SIZE = 20;
    static final int EXPORT_LIMIT = 5000;

    private final DutiesService duties;
    private final ResponsiblePersonService responsible;
    private final OutletService outlets;
    private final OrganizationDirectory organization;
    private final MessageSource messages;

    DutyListsPageController(DutiesService duties, ResponsiblePersonService responsible, OutletService outlets,
                            OrganizationDirectory organization, MessageSource messages) {
        this.duties = duties;
        this.responsible = responsible;
        this.outlets = outlets;
        this.organization = organization;
        this.messages = messages;
    }

    // ---- licences due and gaps ----

    @GetMapping("/enterprises/due")
    String due(@RequestParam(required = false) String tab, @RequestParam(required = false) UUID townId, @RequestParam(required = false) String q,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String level, @RequestParam(required = false) String gap,
               @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        boolean gaps = "gaps".equals(tab);
        DutiesService.DueFilter filter = dueFilter(user, townId, q, kind, level, gap);
        PageRequest paging = PageRequest.of(page, PAGE_SIZE);
        PageRequest one = new PageRequest(0, 1);
        // the tab not shown is only counted: its first row is enough to know its total
        PageResult<DutiesService.LicenceStatus> due = duties.dueSoon(user, filter, gaps ? one : paging);
        PageResult<DutiesService.EnterpriseGaps> gapList = duties.gaps(user, filter, gaps ? paging : one);
        model.addAttribute("gapsTab", gaps);
        model.addAttribute("result", gaps ? gapList : due);
        model.addAttribute("dueTotal", due.total());
        model.addAttribute("gapsTotal", gapList.total());
        model.addAttribute("towns", organization.towns(user.scope()));
        model.addAttribute("townId", filter.townId());
        model.addAttribute("q", filter.q());
        model.addAttribute("kind", filter.kind());
        model.addAttribute("level", filter.level() == null ? null : filter.level().name());
        model.addAttribute("gap", filter.gap() == null ? null : filter.gap().name());
        model.addAttribute("kinds", DutiesService.LICENCE_KINDS);
        model.addAttribute("levels", Arrays.stream(ExpiryWarnings.Level.values()).map(Enum::name).toList());
        model.addAttribute("gapKinds", Arrays.stream(LicenceDuties.Gap.values()).map(Enum::name).toList());
        String tabValue = gaps ? "gaps" : null;
        model.addAttribute("base", query("/enterprises/due", Map.of(), tabValue, filter));
        model.addAttribute("dueUrl", query("/enterprises/due", Map.of(), null, filter));
        model.addAttribute("gapsUrl", query("/enterprises/due", Map.of(), "gaps", filter));
        model.addAttribute("exportUrl", query("/enterprises/due/export.xlsx", Map.of(), tabValue, filter));
        return DUE;
    }

    @GetMapping("/enterprises/due/export.xlsx")
    void exportDue(@RequestParam(required = false) String tab, @RequestParam(required = false) UUID townId, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String level, @RequestParam(required = false) String gap,
                   HttpServletResponse response, Locale locale) throws IOException {
        AnjianUser user = CurrentUser.require();
        DutiesService.DueFilter filter = dueFilter(user, townId, q, kind, level, gap);
        PageRequest all = new PageRequest(0, EXPORT_LIMIT);
        Map<UUID, String> townNames = townNames();
        if ("gaps".equals(tab)) {
            List<List<?>> rows = new ArrayList<>();
            for (DutiesService.EnterpriseGaps g : duties.gaps(user, filter, all).items()) {
                rows.add(List.of(g.enterpriseName(), g.gaps().stream()
                        .map(f -> msg("enterprise.gap." + f.gap(), locale) + (f.detail() == null ? "" : "（" + f.detail() + "）"))
                        .collect(Collectors.joining("；"))));
            }
            Spreadsheets.write(response, fileName("enterprise.gaps.title", locale), msg("enterprise.gaps.title", locale),
                    List.of(msg("enterprise.name", locale), msg("enterprise.gaps.title", locale)), rows);
            return;
        }
        List<List<?>> rows = new ArrayList<>();
        for (DutiesService.LicenceStatus s : duties.dueSoon(user, filter, all).items()) {
            rows.add(List.of(s.enterpriseName(), msg("enterprise.licence.kind." + s.licence().kind(), locale), nz(s.licence().number()),
                    s.licence().validTo().toString(), s.level() == null ? "" : msg("enterprise.warning." + s.level(), locale), s.daysLeft()));
        }
        Spreadsheets.write(response, fileName("enterprise.due.title", locale), msg("enterprise.due.title", locale),
                List.of(msg("enterprise.name", locale), msg("enterprise.licence.kind", locale), msg("enterprise.licence.number", locale),
                        msg("enterprise.licence.validTo", locale), msg("enterprise.due.level", locale), msg("enterprise.due.daysLeft", locale)), rows);
    }

    private DutiesService.DueFilter dueFilter(AnjianUser user, UUID townId, String q, String kind, String level, String gap) {
        return new DutiesService.DueFilter(townInScope(user, townId), blankToNull(q),
                kind != null && DutiesService.LICENCE_KINDS.contains(kind) ? kind : null,
                Arrays.stream(ExpiryWarnings.Level.values()).filter(l -> l.name().equals(level)).findFirst().orElse(null),
                Arrays.stream(LicenceDuties.Gap.values()).filter(g -> g.name().equals(gap)).findFirst().orElse(null));
    }

    private static String query(String path, Map<String, String> extra, String tab, DutiesService.DueFilter f) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path).queryParamIfPresent("tab", Optional.ofNullable(tab));
        b.queryParamIfPresent("townId", Optional.ofNullable(f.townId()));
        b.queryParamIfPresent("q", Optional.ofNullable(f.q()));
        b.queryParamIfPresent("kind", Optional.ofNullable(f.kind()));
        b.queryParamIfPresent("level", Optional.ofNullable(f.level()));
        b.queryParamIfPresent("gap", Optional.ofNullable(f.gap()));
        extra.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }

    // ---- the three responsible persons ----

    static final List<String> COMPLIANCE_STATES = List.of("BEHIND", "OK");

    @GetMapping("/enterprises/compliance")
    String compliance(@RequestParam(required = false) UUID townId, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                      @RequestParam(defaultValue = "false") boolean behindOnly, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        LocalDate today = responsible.today();
        List<ResponsiblePersonService.PersonCompliance> people = responsible.compliance(user, today);
        String st = behindOnly ? "BEHIND" : state != null && COMPLIANCE_STATES.contains(state) ? state : null;
        UUID town = townInScope(user, townId);
        String k = kind != null && ResponsiblePersonService.KINDS.contains(kind) ? kind : null;
        String name = blankToNull(q);
        model.addAttribute("towns", responsible.byTown(people));
        model.addAttribute("result", page(people.stream().filter(compliance(town, name, k, st)).toList(), PageRequest.of(page, PAGE_SIZE)));
        model.addAttribute("townOptions", organization.towns(user.scope()));
        model.addAttribute("townId", town);
        model.addAttribute("q", name);
        model.addAttribute("kind", k);
        model.addAttribute("state", st);
        model.addAttribute("kinds", ResponsiblePersonService.KINDS);
        model.addAttribute("states", COMPLIANCE_STATES);
        model.addAttribute("today", today);
        model.addAttribute("regionNames", townNames());
        model.addAttribute("periods", responsible.periods(today.minusYears(1)));
        model.addAttribute("canDeclare", user.hasRole(Role.DISTRICT_ADMIN));
        Map<String, String> params = params("townId", town, "q", name, "kind", k, "state", st);
        model.addAttribute("base", url("/enterprises/compliance", params));
        model.addAttribute("exportUrl", url("/enterprises/compliance/export.xlsx", params));
        return COMPLIANCE;
    }

    @GetMapping("/enterprises/compliance/export.xlsx")
    void exportCompliance(@RequestParam(required = false) UUID townId, @RequestParam(required = false) String q,
                          @RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                          HttpServletResponse response, Locale locale) throws IOException {
        AnjianUser user = CurrentUser.require();
        Map<UUID, String> townNames = townNames();
        String k = kind != null && ResponsiblePersonService.KINDS.contains(kind) ? kind : null;
        List<List<?>> rows = new ArrayList<>();
        responsible.compliance(user, responsible.today()).stream()
                .filter(compliance(townInScope(user, townId), blankToNull(q), k, state != null && COMPLIANCE_STATES.contains(state) ? state : null))
                .limit(EXPORT_LIMIT)
                .forEach(p -> rows.add(List.of(p.person().name(), msg("enterprise.responsible.kind." + p.person().kind(), locale),
                        townNames.getOrDefault(p.person().townId(), ""), p.enterprises(), p.result().checksThisMonth(),
                        p.result().coveragePercent() + "%", String.join("、", p.result().missedPeriods()),
                        msg(p.result().compliant() ? "enterprise.compliance.ok" : "enterprise.compliance.behind", locale))));
        Spreadsheets.write(response, fileName("enterprise.compliance.title", locale), msg("enterprise.compliance.title", locale),
                List.of(msg("enterprise.person.name", locale), msg("enterprise.responsible.kind", locale), msg("enterprise.town", locale),
                        msg("enterprise.compliance.enterprises", locale), msg("enterprise.compliance.monthChecks", locale),
                        msg("enterprise.compliance.coverage", locale), msg("enterprise.compliance.missedPeriods", locale),
                        msg("enterprise.compliance.state", locale)), rows);
    }

    private static Predicate<ResponsiblePersonService.PersonCompliance> compliance(UUID town, String name, String kind, String state) {
        return p -> (town == null || town.equals(p.person().townId()))
                && (name == null || p.person().name().contains(name))
                && (kind == null || kind.equals(p.person().kind()))
                && (state == null || p.result().compliant() == "OK".equals(state));
    }

    // ---- fireworks outlets ----

    @GetMapping("/enterprises/outlets")
    String outlets(@RequestParam(required = false) UUID townId, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String flag, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        UUID town = townInScope(user, townId);
        String name = blankToNull(q);
        OutletLayout.Flag f = flag(flag);
        model.addAttribute("result", page(outlets.outlets(user).stream().filter(outlet(town, name, f)).toList(), PageRequest.of(page, PAGE_SIZE)));
        model.addAttribute("plans", outlets.plans());
        model.addAttribute("towns", organization.towns(user.scope()));
        model.addAttribute("regionNames", townNames());
        model.addAttribute("townId", town);
        model.addAttribute("q", name);
        model.addAttribute("flag", f == null ? null : f.name());
        model.addAttribute("flags", Arrays.stream(OutletLayout.Flag.values()).map(Enum::name).toList());
        model.addAttribute("canPlan", user.hasRole(Role.DISTRICT_ADMIN));
        model.addAttribute("canAdd", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL));
        Map<String, String> params = params("townId", town, "q", name, "flag", f);
        model.addAttribute("base", url("/enterprises/outlets", params));
        model.addAttribute("exportUrl", url("/enterprises/outlets/export.xlsx", params));
        return OUTLETS;
    }

    @GetMapping("/enterprises/outlets/export.xlsx")
    void exportOutlets(@RequestParam(required = false) UUID townId, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String flag, HttpServletResponse response, Locale locale) throws IOException {
        AnjianUser user = CurrentUser.require();
        Map<UUID, String> townNames = townNames();
        List<List<?>> rows = new ArrayList<>();
        outlets.outlets(user).stream().filter(outlet(townInScope(user, townId), blankToNull(q), flag(flag))).limit(EXPORT_LIMIT)
                .forEach(s -> rows.add(List.of(s.outlet().name(), townNames.getOrDefault(s.outlet().townId(), ""), nz(s.outlet().planPointCode()),
                        nz(s.outlet().licenceNo()), s.outlet().licenceValidTo() == null ? "" : s.outlet().licenceValidTo().toString(),
                        s.flags().stream().map(x -> msg("enterprise.outlet.flag." + x, locale)).collect(Collectors.joining("；")))));
        Spreadsheets.write(response, fileName("enterprise.outlets.title", locale), msg("enterprise.outlets.title", locale),
                List.of(msg("enterprise.outlet.name", locale), msg("enterprise.town", locale), msg("enterprise.outlet.planPoint", locale),
                        msg("enterprise.outlet.licenceNo", locale), msg("enterprise.outlet.validTo", locale), msg("enterprise.outlet.flags", locale)), rows);
    }

    private static Predicate<OutletService.OutletStatus> outlet(UUID town, String name, OutletLayout.Flag flag) {
        return s -> (town == null || town.equals(s.outlet().townId()))
                && (name == null || s.outlet().name().contains(name) || (s.outlet().licenceNo() != null && s.outlet().licenceNo().contains(name)))
                && (flag == null || s.flags().contains(flag));
    }

    private static OutletLayout.Flag flag(String flag) {
        return Arrays.stream(OutletLayout.Flag.values()).filter(x -> x.name().equals(flag)).findFirst().orElse(null);
    }

    // ---- shared ----

    /** A town filter only names a town the user may see; any other id is ignored rather than revealing it. */
    private UUID townInScope(AnjianUser user, UUID townId) {
        return townId == null ? null : organization.towns(user.scope()).stream().map(Region::id).filter(townId::equals).findFirst().orElse(null);
    }

    private Map<UUID, String> townNames() {
        return organization.regions().stream().collect(Collectors.toMap(Region::id, Region::name, (a, b) -> a));
    }

    static <T> PageResult<T> page(List<T> all, PageRequest page) {
        int from = Math.min(all.size(), page.offset());
        int to = (int) Math.min(all.size(), (long) from + page.size());
        return new PageResult<>(List.copyOf(all.subList(from, to)), all.size(), page.page(), page.size());
    }

    private static Map<String, String> params(Object... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1].toString());
            }
        }
        return m;
    }

    private static String url(String path, Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }

    private String fileName(String titleKey, Locale locale) {
        return msg(titleKey, locale) + "-" + responsible.today() + ".xlsx";
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
