package org.anjian.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.governance.domain.AssessmentIndicator;
import org.anjian.governance.domain.AssessmentScheme;
import org.anjian.governance.domain.FiveColourScale;
import org.anjian.governance.internal.AssessmentService;
import org.anjian.governance.internal.ScoreComputation;
import org.anjian.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "assessment", description = "目标考核与五色图 (GOV-1, GOV-3): the scheme, targets and colour scale as data; stored scores with the facts behind every point")
class AssessmentScoreApiController {

    private final AssessmentService service;

    AssessmentScoreApiController(AssessmentService service) {
        this.service = service;
    }

    record ScoreView(String period, String unitKind, UUID unitId, String unitName, BigDecimal total, boolean vetoed, int rank, String colourCode,
                     String colourName, String colour, Instant computedAt) {
        static ScoreView of(AssessmentService.RankedScore r) {
            var s = r.score();
            return new ScoreView(s.period(), s.unitKind(), s.unitId(), s.unitName(), s.total(), s.vetoed(), s.rank(), r.band().code(),
                    r.band().name(), r.band().colour(), s.computedAt());
        }
    }

    record RankingView(String period, String unitKind, List<ScoreView> scores, List<FiveColourScale.Band> bands, List<String> periods) {
    }

    record LineView(String indicatorCode, String kind, BigDecimal points, String explanation, String sourceId) {
    }

    record DetailView(ScoreView score, List<LineView> lines) {
    }

    @GetMapping("/scores")
    @Operation(summary = "A month's stored scores (yyyy-MM, default the latest) of towns or departments in rank order; a town or department sees its own")
    RankingView scores(@RequestParam(required = false) String period, @RequestParam(required = false) String unitKind) {
        var r = service.ranking(CurrentUser.require(), period, unitKind);
        return new RankingView(r.period(), r.unitKind(), r.scores().stream().map(ScoreView::of).toList(), r.colours().bands(), r.periods());
    }

    @GetMapping("/scores/{unitKind:TOWN|DEPARTMENT}/{unitId}")
    @Operation(summary = "One unit's score with every line: base and rate scores, deductions naming the accident, 一票否决")
    DetailView score(@PathVariable String unitKind, @PathVariable UUID unitId, @RequestParam(required = false) String period) {
        var d = service.detail(CurrentUser.require(), period, unitKind, unitId);
        return new DetailView(ScoreView.of(new AssessmentService.RankedScore(d.score(), d.band())),
                d.lines().stream().map(l -> new LineView(l.indicatorCode(), l.kind(), l.points(), l.explanation(), l.sourceId())).toList());
    }

    @GetMapping("/scheme")
    @Operation(summary = "The assessment scheme: indicators with weights and scoring rules, 一票否决 conditions")
    AssessmentScheme scheme() {
        return service.scheme(CurrentUser.require());
    }

    @PutMapping("/scheme/indicators/{code}")
    @Operation(summary = "Change an indicator's weight, deductions, default target or criteria (district admin); the weights may not pass 100")
    AssessmentIndicator indicator(@PathVariable String code, @RequestBody AssessmentService.IndicatorChange body) {
        return service.updateIndicator(CurrentUser.require(), code, body);
    }

    @PutMapping("/scheme/veto")
    @Operation(summary = "Change the 一票否决 conditions: an accident grade (ORDINARY…EXTRAORDINARY) or deaths in one accident; null for none")
    AssessmentScheme veto(@RequestBody AssessmentService.VetoChange body) {
        return service.updateVeto(CurrentUser.require(), body);
    }

    @GetMapping("/five-colour-bands")
    @Operation(summary = "The 五色图 colour scale: each band's colour, least score and criteria, worst first")
    List<FiveColourScale.Band> bands() {
        return service.colours(CurrentUser.require()).bands();
    }

    @PutMapping("/five-colour-bands")
    @Operation(summary = "Change the colour scale (district admin): minimums rising from 0; scores recolour at the next computation")
    List<FiveColourScale.Band> updateBands(@RequestBody List<AssessmentService.BandChange> body) {
        return service.updateColours(CurrentUser.require(), body).bands();
    }

    @GetMapping("/targets")
    @Operation(summary = "The year's targets per town and department and indicator, defaults filled in")
    List<AssessmentService.TargetView> targets(@RequestParam(required = false) Integer year) {
        return service.targets(CurrentUser.require(), year == null ? service.today().getYear() : year);
    }

    @PutMapping("/targets")
    @Operation(summary = "Set one unit's target for one indicator and year (district admin)")
    AssessmentService.TargetView setTarget(@RequestBody AssessmentService.TargetChange body) {
        return service.setTarget(CurrentUser.require(), body);
    }

    @PostMapping("/recompute")
    @Operation(summary = "Recompute and store this month's scores now (district admin); the daily job does the same at night")
    ScoreComputation.Outcome recompute() {
        return service.recompute(CurrentUser.require());
    }

    @GetMapping("/periods")
    @Operation(summary = "The months with stored scores, the latest first")
    List<String> periods() {
        return service.ranking(CurrentUser.require(), null, null).periods();
    }
}
