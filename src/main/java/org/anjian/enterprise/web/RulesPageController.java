package org.anjian.enterprise.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.RuleSet;
import org.anjian.enterprise.internal.ClassificationService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rule set as a table anybody may read; the district administrator changes points, switches and thresholds. */
@Controller
@RequestMapping("/enterprises/rules")
class RulesPageController {

    static final String VIEW = "enterprise/rules";

    private final ClassificationService classification;
    private final RuleDescriptions descriptions;

    RulesPageController(ClassificationService classification, RuleDescriptions descriptions) {
        this.classification = classification;
        this.descriptions = descriptions;
    }

    @GetMapping
    String show(Model model) {
        RuleSet set = classification.currentRuleSet();
        model.addAttribute("ruleSet", set);
        model.addAttribute("described", set.rules().stream().map(descriptions::describe).toList());
        model.addAttribute("versions", classification.versions());
        model.addAttribute("classes", SupervisionClass.values());
        model.addAttribute("canEdit", CurrentUser.require().hasRole(org.anjian.shared.security.Role.DISTRICT_ADMIN));
        return VIEW;
    }

    /** Each rule row posts {@code points_<code>} and, when ticked, {@code enabled_<code>}. */
    @PostMapping
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    String save(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        RuleSet current = classification.currentRuleSet();
        List<RuleSet.Rule> rules = new ArrayList<>();
        for (RuleSet.Rule r : current.rules()) {
            int points = parse(params.getFirst("points_" + r.code()), r.points());
            rules.add(new RuleSet.Rule(r.code(), r.kind(), r.parameter(), points, r.forcesClass(), params.containsKey("enabled_" + r.code())));
        }
        Map<SupervisionClass, Integer> thresholds = new EnumMap<>(SupervisionClass.class);
        Map<SupervisionClass, Integer> frequency = new EnumMap<>(SupervisionClass.class);
        for (SupervisionClass c : SupervisionClass.values()) {
            if (c != SupervisionClass.D) {
                thresholds.put(c, parse(params.getFirst("threshold_" + c), current.thresholds().get(c)));
            }
            frequency.put(c, Math.max(0, parse(params.getFirst("frequency_" + c), current.inspectionsPerYear().getOrDefault(c, 0))));
        }
        try {
            RuleSet saved = classification.saveRuleSet(CurrentUser.require(), new RuleSet(0, rules, thresholds, frequency), note);
            redirect.addFlashAttribute("savedVersion", saved.version());
        } catch (DomainException e) {
            redirect.addFlashAttribute("ruleErrors", e.fieldErrors().stream().map(DomainException.FieldError::code).distinct().toList());
        }
        return "redirect:/enterprises/rules";
    }

    @PostMapping("/reclassify")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    String reclassify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("reclassified", classification.reclassifyAll("ON_DEMAND"));
        return "redirect:/enterprises/rules";
    }

    private static int parse(String s, int fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
