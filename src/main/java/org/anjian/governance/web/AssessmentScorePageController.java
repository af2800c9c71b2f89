package org.anjian.governance.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.governance.domain.AssessmentIndicator;
import org.anjian.governance.internal.AssessmentService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 五色图 and ranking, a unit's score with the facts behind every point, and the scheme the district admin keeps. */
@Controller
class AssessmentScorePageController {

    static final String FIVE_COLOUR = "governance/assessment/five-colour";
    static final String SCORE = "governance/assessment/score";
    static final String SCHEME = "governance/assessment/scheme";

    private final AssessmentService service;
    private final OrganizationDirectory organization;
    private final MessageSource messages;

    AssessmentScorePageController(AssessmentService service, OrganizationDirectory organization, MessageSource messages) {
        this.service = service;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/assessment")
    String fiveColour(@RequestParam(required = false) String period, @RequestParam(required = false) String unitKind, Model model) {
        AnjianUser user = CurrentUser.require();
        var ranking = service.ranking(user, period, unitKind);
        model.addAttribute("ranking", ranking);
        model.addAttribute("period", ranking.period());
        model.addAttribute("unitKind", ranking.unitKind());
        model.addAttribute("periods", ranking.periods().contains(ranking.period()) ? ranking.periods()
                : concat(ranking.period(), ranking.periods()));
        model.addAttribute("scheme", service.scheme(user));
        model.addAttribute("isAdmin", user.hasRole(org.anjian.shared.security.Role.DISTRICT_ADMIN));
        return FIVE_COLOUR;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    record MapTown(UUID id, String code, String name, Double lat, Double lon, BigDecimal total, boolean vetoed, int rank, String colourCode, String colourName,
                   String colour) {
    }

    record MapBand(String code, String name, String colour, BigDecimal minScore, String criteria) {
    }

    record MapData(String period, List<MapTown> towns, List<MapBand> bands) {
    }

    /** The towns' colours for the page's map, read with the session. */
    @GetMapping("/assessment/map/data")
    @ResponseBody
    MapData mapData(@RequestParam(required = false) String period) {
        var ranking = service.ranking(CurrentUser.require(), period, AssessmentService.TOWN);
        List<MapTown> towns = new ArrayList<>();
        for (var r : ranking.scores()) {
            Region t = organization.region(r.score().unitId()).orElse(null);
            towns.add(new MapTown(r.score().unitId(), t == null ? null : t.code(), r.score().unitName(), t == null ? null : t.latitude(), t == null ? null : t.longitude(),
                    r.score().total(), r.score().vetoed(), r.score().rank(), r.band().code(), r.band().name(), r.band().colour()));
        }
        return new MapData(ranking.period(), towns, ranking.colours().bands().stream()
                .map(b -> new MapBand(b.code(), b.name(), b.colour(), b.minScore(), b.criteria())).toList());
    }

    @GetMapping("/assessment/scores/{unitKind}/{unitId}")
    String score(@PathVariable String unitKind, @PathVariable UUID unitId, @RequestParam(required = false) String period, Model model) {
        var d = service.detail(CurrentUser.require(), period, unitKind, unitId);
        model.addAttribute("d", d);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (AssessmentIndicator i : d.scheme().indicators()) {
            names.put(i.code(), i.name());
            weights.put(i.code(), i.weight());
        }
        model.addAttribute("indicatorNames", names);
        model.addAttribute("weights", weights);
        return SCORE;
    }

    @GetMapping("/assessment/scheme")
    String scheme(@RequestParam(required = false) Integer year, Model model) {
        AnjianUser user = CurrentUser.require();
        int y = year == null ? service.today().getYear() : year;
        var scheme = service.scheme(user);
        model.addAttribute("scheme", scheme);
        model.addAttribute("bands", service.colours(user).bands());
        model.addAttribute("year", y);
        var targets = service.targets(user, y);
        // one row per unit, its targets in the scheme's indicator order
        Map<UUID, List<AssessmentService.TargetView>> rows = new LinkedHashMap<>();
        for (var t : targets) {
            rows.computeIfAbsent(t.unitId(), k -> new ArrayList<>()).add(t);
        }
        model.addAttribute("targetRows", rows.values());
        model.addAttribute("units", service.units());
        model.addAttribute("grades", org.anjian.accident.AccidentGrade.values());
        model.addAttribute("isAdmin", user.hasRole(org.anjian.shared.security.Role.DISTRICT_ADMIN));
        return SCHEME;
    }

    @PostMapping("/assessment/scheme/indicators/{code}")
    String indicator(@PathVariable String code, @RequestParam(required = false) BigDecimal weight, @RequestParam(required = false) BigDecimal perDeath,
                     @RequestParam(required = false) BigDecimal perAccident, @RequestParam(required = false) BigDecimal overTarget,
                     @RequestParam(required = false) BigDecimal defaultTarget, @RequestParam(required = false) String criteria,
                     RedirectAttributes redirect) {
        return act(redirect, "/assessment/scheme", () -> service.updateIndicator(CurrentUser.require(), code,
                new AssessmentService.IndicatorChange(weight, perDeath, perAccident, overTarget, defaultTarget, criteria)));
    }

    @PostMapping("/assessment/scheme/veto")
    String veto(@RequestParam(required = false) String vetoGrade, @RequestParam(required = false) Integer vetoDeaths, RedirectAttributes redirect) {
        return act(redirect, "/assessment/scheme", () -> service.updateVeto(CurrentUser.require(), new AssessmentService.VetoChange(vetoGrade, vetoDeaths)));
    }

    @PostMapping("/assessment/five-colour")
    String colours(@RequestParam(required = false) List<String> code, @RequestParam(required = false) List<String> name,
                   @RequestParam(required = false) List<String> colour, @RequestParam(required = false) List<String> minScore,
                   @RequestParam(required = false) List<String> criteria, RedirectAttributes redirect) {
        List<AssessmentService.BandChange> changes = new ArrayList<>();
        int n = code == null ? 0 : code.size();
        for (int i = 0; i < n; i++) {
            changes.add(new AssessmentService.BandChange(code.get(i), at(name, i), at(colour, i), number(at(minScore, i)), at(criteria, i)));
        }
        return act(redirect, "/assessment/scheme", () -> service.updateColours(CurrentUser.require(), changes));
    }

    @PostMapping("/assessment/targets")
    String target(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String indicatorCode, @RequestParam(required = false) String value, RedirectAttributes redirect) {
        String kind = unit == null || !unit.contains(":") ? null : unit.substring(0, unit.indexOf(':'));
        UUID id = null;
        try {
            id = unit == null || !unit.contains(":") ? null : UUID.fromString(unit.substring(unit.indexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            id = null;
        }
        UUID unitId = id;
        return act(redirect, "/assessment/scheme" + (year == null ? "" : "?year=" + year), () -> service.setTarget(CurrentUser.require(),
                new AssessmentService.TargetChange(year, kind, unitId, indicatorCode, number(value))));
    }

    @PostMapping("/assessment/recompute")
    String recompute(RedirectAttributes redirect) {
        return act(redirect, "/assessment", () -> service.recompute(CurrentUser.require()));
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }

    /** A number typed in a form; anything else is no number, which the service reports on its field. */
    private static BigDecimal number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }

    private String act(RedirectAttributes redirect, String to, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", "governance.assessment.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", e.fieldErrors().isEmpty() ? List.of(message(e.reason(), e.getMessage(), e.args()))
                    : e.fieldErrors().stream().map(f -> (f.field().startsWith("bands.") ? f.field().substring(6) + " " : "")
                    + message(f.code(), f.defaultMessage())).toList());
        }
        return "redirect:" + to;
    }

    private String message(String code, String fallback, Object... args) {
        return messages.getMessage(code, args, fallback, LocaleContextHolder.getLocale());
    }
}
