package org.anjian.chemical.web;

import org.anjian.chemical.internal.HazardUnits;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The major hazard sources in the reader's scope, by grade, paged: the same query as the API. */
@Controller
class MajorHazardSourcePageController {

    static final String LIST = "chemical/sources";

    private final HazardUnits units;

    MajorHazardSourcePageController(HazardUnits units) {
        this.units = units;
    }

    @GetMapping("/major-hazard-sources")
    String list(@RequestParam(required = false) Integer grade, @RequestParam(required = false) Integer page, Model model) {
        Integer g = grade != null && grade >= 1 && grade <= 4 ? grade : null;
        model.addAttribute("result", units.sources(CurrentUser.require(), new HazardUnits.Filter(g, null), PageRequest.of(page, null)));
        model.addAttribute("grade", g);
        model.addAttribute("grades", java.util.List.of(1, 2, 3, 4));
        model.addAttribute("base", "/major-hazard-sources" + (g == null ? "" : "?grade=" + g));
        return LIST;
    }
}
