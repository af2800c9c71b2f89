package org.anjian.chemical.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.internal.HazardUnits;
import org.anjian.chemical.internal.HazardUnits.UnitView;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The major hazard sources in the reader's scope on the district map, coloured by grade 一 to 四级. */
@Controller
class SourceMapController {

    private final HazardUnits units;
    private final EnterpriseLookup enterprises;

    SourceMapController(HazardUnits units, EnterpriseLookup enterprises) {
        this.units = units;
        this.enterprises = enterprises;
    }

    /** One point: a source at its enterprise's surveyed position (sources of unsurveyed enterprises are counted, not drawn). */
    record Point(UUID id, UUID enterpriseId, String enterprise, String unit, int grade, String r, double lat, double lon) {
    }

    record Points(List<Point> points, int total, int unplaced) {
    }

    @GetMapping("/major-hazard-sources/map")
    String page(@RequestParam(required = false) Integer grade, @RequestParam(required = false) UUID enterpriseId, Model model) {
        units.sources(CurrentUser.require(), new HazardUnits.Filter(null, null), PageRequest.of(0, 1));
        Integer g = grade != null && grade >= 1 && grade <= 4 ? grade : null;
        model.addAttribute("grade", g);
        model.addAttribute("grades", List.of(1, 2, 3, 4));
        model.addAttribute("dataUrl", "/major-hazard-sources/map/data" + query(g, enterpriseId));
        model.addAttribute("enterpriseId", enterpriseId);
        return "chemical/source-map";
    }

    private static String query(Integer grade, UUID enterpriseId) {
        List<String> parts = new ArrayList<>();
        if (grade != null) {
            parts.add("grade=" + grade);
        }
        if (enterpriseId != null) {
            parts.add("enterpriseId=" + enterpriseId);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    @GetMapping({"/api/v1/major-hazard-sources/map", "/major-hazard-sources/map/data"})
    @ResponseBody
    Points points(@RequestParam(required = false) Integer grade, @RequestParam(required = false) UUID enterpriseId) {
        AnjianUser user = CurrentUser.require();
        List<Point> points = new ArrayList<>();
        int total = 0;
        for (int page = 0; ; page++) {
            PageResult<UnitView> result = units.sources(user, new HazardUnits.Filter(grade, enterpriseId), PageRequest.of(page, PageRequest.MAX_SIZE));
            for (UnitView u : result.items()) {
                total++;
                EnterpriseSummary e = enterprises.find(u.enterpriseId()).orElse(null);
                if (e != null && e.latitude() != null && e.longitude() != null) {
                    points.add(new Point(u.id(), u.enterpriseId(), u.enterpriseName(), u.name(), u.grade(), u.r().toPlainString(), e.latitude(),
                            e.longitude()));
                }
            }
            if (result.page() + 1 >= result.totalPages()) {
                break;
            }
        }
        return new Points(points, total, total - points.size());
    }
}
