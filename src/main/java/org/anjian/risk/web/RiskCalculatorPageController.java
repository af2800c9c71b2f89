package org.anjian.risk.web;

import java.math.BigDecimal;
import java.util.List;
import org.anjian.risk.RiskProperties;
import org.anjian.risk.domain.Assessment;
import org.anjian.risk.domain.ControlLevels;
import org.anjian.risk.domain.LecAssessment;
import org.anjian.risk.domain.RiskMatrix;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The LEC and LS calculators on one page. The forms post with htmx to small endpoints that answer
 * only the result fragment, so a phone on a weak network sends and receives a few hundred bytes.
 * The same policies as the risk points, so the calculator and the register never disagree.
 */
@Controller
@RequestMapping("/risk/calculator")
class RiskCalculatorPageController {

    static final String PAGE = "risk/calculator";

    private final RiskMatrix matrix;

    RiskCalculatorPageController(RiskProperties properties) {
        this.matrix = new RiskMatrix(properties.lsLowMax(), properties.lsGeneralMax(), properties.lsHighMax());
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("lValues", LecAssessment.L_VALUES);
        model.addAttribute("eValues", LecAssessment.E_VALUES);
        model.addAttribute("cValues", LecAssessment.C_VALUES);
        model.addAttribute("lsValues", List.of(1, 2, 3, 4, 5));
        return PAGE;
    }

    @PostMapping("/lec")
    String lec(@RequestParam(required = false) BigDecimal l, @RequestParam(required = false) BigDecimal e,
               @RequestParam(required = false) BigDecimal c, Model model) {
        List<String> invalid = LecAssessment.invalidFactors(l, e, c);
        if (!invalid.isEmpty()) {
            model.addAttribute("invalid", invalid.stream().map(f -> "risk.lec.invalid." + f).toList());
            return "risk/parts :: calcResult";
        }
        return result(Assessment.lec(l, e, c), "risk.calc.lecResult", model);
    }

    @PostMapping("/ls")
    String ls(@RequestParam(required = false) Integer likelihood, @RequestParam(required = false) Integer severity, Model model) {
        if (likelihood == null || severity == null || !RiskMatrix.inRange(likelihood) || !RiskMatrix.inRange(severity)) {
            model.addAttribute("invalid", List.of("risk.ls.range"));
            return "risk/parts :: calcResult";
        }
        return result(Assessment.ls(likelihood, severity, matrix), "risk.calc.lsResult", model);
    }

    private static String result(Assessment a, String formula, Model model) {
        model.addAttribute("assessment", a);
        model.addAttribute("formula", formula);
        model.addAttribute("requiredLevel", ControlLevels.lowestAllowed(a.level()));
        return "risk/parts :: calcResult";
    }
}
