package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anjian.inspection.internal.EnforcementIndicators;
import org.anjian.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "enforcement-indicators", description = "互联网+执法指标与三个强度 (enforcement indicators)")
class IndicatorApiController {

    private final EnforcementIndicators indicators;

    IndicatorApiController(EnforcementIndicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/enforcement-indicators")
    @Operation(summary = "Entry rates, online enforcement, sector coverage, plan completion and the 三个强度 of a year or month, "
            + "by month, sector and inspector; a rate without a denominator is null")
    EnforcementIndicators.Indicators get(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month) {
        return indicators.indicators(CurrentUser.require(), year, month);
    }
}
