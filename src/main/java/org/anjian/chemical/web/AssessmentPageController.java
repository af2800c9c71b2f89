package org.anjian.chemical.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.anjian.chemical.domain.MajorHazardIdentification.UnitAssessment;
import org.anjian.chemical.internal.MajorHazardAssessment;
import org.anjian.chemical.internal.MajorHazardAssessment.SubstanceInput;
import org.anjian.chemical.internal.MajorHazardAssessment.UnitInput;
import org.anjian.shared.error.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The GB 18218-2018 calculator for one unit: the page and the API call the same assessment. */
@Controller
@RequestMapping("/major-hazard-sources/assessment")
class AssessmentPageController {

    static final String PAGE = "chemical/assessment";
    static final int ROWS = 5;

    private final MajorHazardAssessment assessment;

    AssessmentPageController(MajorHazardAssessment assessment) {
        this.assessment = assessment;
    }

    /** A row of the form as typed, kept so the page shows it again with the result. */
    record Row(String name, String hazardClass, String tonnes) {
    }

    @GetMapping
    String page(Model model) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Row("", "", ""));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("people", "");
        return PAGE;
    }

    @PostMapping
    String assess(@RequestParam(name = "name", required = false) List<String> names,
                  @RequestParam(name = "hazardClass", required = false) List<String> classes,
                  @RequestParam(name = "tonnes", required = false) List<String> tonnes,
                  @RequestParam(required = false) String people, Model model) {
        List<Row> rows = new ArrayList<>();
        List<SubstanceInput> substances = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Row row = new Row(at(names, i), at(classes, i), at(tonnes, i));
            rows.add(row);
            if (row.name().isBlank() && row.tonnes().isBlank()) {
                continue;
            }
            BigDecimal q = null;
            try {
                q = new BigDecimal(row.tonnes().strip());
            } catch (NumberFormatException e) {
                problems.add("chemical.assessment.tonnes");
            }
            substances.add(new SubstanceInput(row.name(), null, row.hazardClass().isBlank() ? null : row.hazardClass(), q == null ? BigDecimal.ONE.negate() : q));
        }
        Integer headcount = null;
        try {
            headcount = Integer.valueOf(people == null ? "" : people.strip());
        } catch (NumberFormatException e) {
            headcount = -1;
        }
        model.addAttribute("rows", rows);
        model.addAttribute("people", people);
        try {
            UnitAssessment result = assessment.assess(List.of(new UnitInput(substances, headcount))).get(0);
            model.addAttribute("result", result);
        } catch (DomainException e) {
            e.fieldErrors().forEach(f -> problems.add(f.code()));
            if (e.fieldErrors().isEmpty()) {
                problems.add(e.reason());
            }
            model.addAttribute("problems", problems.stream().distinct().toList());
        }
        return PAGE;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }
}
