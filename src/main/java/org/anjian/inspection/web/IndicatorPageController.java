package org.anjian.inspection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.anjian.shared.config.DistrictProperties;
import java.util.List;
import org.anjian.inspection.internal.EnforcementIndicators;
import org.anjian.shared.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 互联网+执法 indicators and the 三个强度, by month, sector and inspector. */
@Controller
class IndicatorPageController {

    static final String VIEW = "inspection/indicators";
    private final EnforcementIndicators indicators;
    private final Clock clock;
    private final ZoneId zone;

    IndicatorPageController(EnforcementIndicators indicators, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.indicators = indicators;
        this.clock = clock;
    }

    @GetMapping("/inspections/indicators")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month, Model model) {
        int thisYear = LocalDate.now(clock.withZone(zone)).getYear();
        var result = indicators.indicators(CurrentUser.require(), year == null ? thisYear : year, month);
        model.addAttribute("ind", result);
        model.addAttribute("years", List.of(thisYear - 1, thisYear, thisYear + 1));
        model.addAttribute("year", result.year());
        model.addAttribute("month", month);
        model.addAttribute("rates", List.of(
                new Named("keyEnterpriseEntry", result.keyEnterpriseEntry()), new Named("inspectorEntry", result.inspectorEntry()),
                new Named("onlineEnforcement", result.onlineEnforcement()), new Named("sectorCoverage", result.sectorCoverage()),
                new Named("planCompletion", result.planCompletion())));
        return VIEW;
    }

    record Named(String key, EnforcementIndicators.Rate rate) {
    }
}
