package org.anjian.accident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.anjian.accident.internal.AccidentService;
import org.anjian.accident.internal.AccidentStatistics;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accident-statistics", description = "事故统计与目标 (ACC-4)")
class AccidentStatisticsApiController {

    private final AccidentService service;
    private final AccidentStatistics statistics;
    private final org.anjian.accident.internal.ViolationAnalysis violations;
    private final Clock clock;
    private final ZoneId zone;

    AccidentStatisticsApiController(AccidentService service, AccidentStatistics statistics, org.anjian.accident.internal.ViolationAnalysis violations,
                                    Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.service = service;
        this.statistics = statistics;
        this.violations = violations;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accident-statistics/violations")
    @Operation(summary = "The violation–penalty–accident relationship (ENF-9): per violation category, the enterprises found with it, "
            + "penalised for it, and with a later accident; default window the last three calendar years to today")
    org.anjian.accident.internal.ViolationAnalysis.Analysis violations(
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate to) {
        AnjianUser user = CurrentUser.require();
        service.requireReader(user);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate t = to != null ? to : today;
        LocalDate f = from != null ? from : LocalDate.of(t.getYear() - 2, 1, 1);
        if (f.isAfter(t)) {
            throw org.anjian.shared.error.DomainException.invalid("from", "accident.analysis.window.invalid", "起始日期不得晚于截止日期");
        }
        return violations.analyse(user.scope(), service.scopeCondition(user.scope(), "a"), f, t);
    }

    record Statistics(AccidentStatistics.Summary summary, List<AccidentStatistics.Count> byMonth, List<AccidentStatistics.Count> bySector,
                      List<AccidentStatistics.Count> byTown, List<AccidentStatistics.Count> byType) {
    }

    @GetMapping("/api/v1/accident-statistics")
    @Operation(summary = "Deaths against the targets (工贸 ≥10% below the previous three years' average, district year on year, "
            + "zero for mines and chemicals) and accidents by month, sector, town and type, in the caller's scope")
    Statistics get(@RequestParam(required = false) Integer year) {
        AnjianUser user = CurrentUser.require();
        service.requireReader(user);
        int y = year != null ? year : LocalDate.now(clock.withZone(zone)).getYear();
        var scope = service.scopeCondition(user.scope(), "a");
        return new Statistics(statistics.summary(scope, y), statistics.by(scope, y, "month"), statistics.by(scope, y, "sector"),
                statistics.by(scope, y, "town"), statistics.by(scope, y, "type"));
    }
}
