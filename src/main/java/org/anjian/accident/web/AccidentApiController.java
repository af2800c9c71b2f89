package org.anjian.accident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSector;
import org.anjian.accident.AccidentState;
import org.anjian.accident.AccidentType;
import org.anjian.accident.domain.Investigation;
import org.anjian.accident.domain.ReportingDeadlines;
import org.anjian.accident.domain.SupplementWindow;
import org.anjian.accident.internal.AccidentRecord;
import org.anjian.accident.internal.AccidentRepository;
import org.anjian.accident.internal.AccidentService;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accidents")
@Tag(name = "accidents", description = "生产安全事故 (accidents)")
class AccidentApiController {

    private final AccidentService service;
    private final Clock clock;

    AccidentApiController(AccidentService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    record InvestigationView(Investigation.Level level, String leader, String members, Instant startedAt, Instant reportDue,
                             Integer extensionDays, Instant reportSubmittedAt, boolean reportLate, String reportSummary,
                             Instant approvedAt, String approvedBy, Investigation.NoLetsGo noLetsGo, List<String> noLetsGoMissing,
                             String enterpriseDuties, String regulatorDuties, Instant closedAt) {
        static InvestigationView of(Investigation i) {
            return new InvestigationView(i.level(), i.leader(), i.members(), i.startedAt(), i.started() ? i.reportDue() : null,
                    i.extensionDays(), i.reportSubmittedAt(), i.reportLate(), i.reportSummary(), i.approvedAt(), i.approvedBy(), i.noLetsGo(),
                    i.noLetsGo().missing(), i.enterpriseDuties(), i.regulatorDuties(), i.closedAt());
        }
    }

    record AccidentView(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, AccidentSector sector, AccidentType type,
                        String place, Instant occurredAt, Integer peopleInvolved, int deaths, int missing, int seriousInjuries,
                        int minorInjuries, BigDecimal directLossYuan, String summary, String causeBehaviour, String causeCondition,
                        String causeManagement, boolean lacksSafeConditions, AccidentGrade grade, AccidentState state,
                        Instant supplementUntil, Instant recordedAt, String recordedBy, InvestigationView investigation) {
        static AccidentView of(AccidentRecord r) {
            return new AccidentView(r.id(), r.enterpriseId(), r.enterpriseName(), r.townId(), r.sector(), r.type(), r.place(), r.occurredAt(),
                    r.peopleInvolved(), r.deaths(), r.missing(), r.seriousInjuries(), r.minorInjuries(), r.directLoss(), r.summary(),
                    r.causeBehaviour(), r.causeCondition(), r.causeManagement(), r.lacksSafeConditions(), r.grade(), r.state(),
                    SupplementWindow.closesAt(r.sector(), r.occurredAt()), r.recordedAt(), r.recordedBy(),
                    InvestigationView.of(r.investigation()));
        }
    }

    record AccidentDetail(AccidentView accident, List<ReportingDeadlines.Due> deadlines, List<AccidentRepository.Report> reports,
                          List<AccidentRepository.Consequence> consequences) {
    }

    record ReportInput(String level, Instant reportedAt, String note) {
    }

    record ConsequenceDecision(String status, String note) {
    }

    @GetMapping
    @Operation(summary = "Accidents in the caller's scope, filtered and paged")
    PageResult<AccidentView> list(@RequestParam(required = false) AccidentState state, @RequestParam(required = false) AccidentGrade grade,
                                  @RequestParam(required = false) AccidentSector sector, @RequestParam(required = false) AccidentType type,
                                  @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.search(CurrentUser.require(), new AccidentRepository.Filter(state, grade, sector, type, enterpriseId, year),
                PageRequest.of(page, size)).map(AccidentView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An accident with its reporting deadlines, reports and consequences")
    AccidentDetail get(@PathVariable UUID id) {
        return detail(service.get(CurrentUser.require(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an accident: graded per Decree 493, consequence rules run, AccidentRecorded published")
    AccidentDetail create(@RequestBody AccidentService.NewAccident body) {
        return detail(service.record(CurrentUser.require(), body));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "补报 casualties and loss (30 days; 7 for road traffic and fire) and findings; re-graded")
    AccidentDetail revise(@PathVariable UUID id, @RequestBody AccidentService.Revision body) {
        return detail(service.revise(CurrentUser.require(), id, body));
    }

    @PostMapping("/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A report up the line: ENTERPRISE (1 h), DISTRICT (2 h after), FOLLOW_UP (daily)")
    AccidentDetail report(@PathVariable UUID id, @RequestBody ReportInput body) {
        return detail(service.report(CurrentUser.require(), id, body.level(), body.reportedAt(), body.note()));
    }

    @PostMapping("/{id}/investigation/{action:start|extend|submit-report|approve|record|close}")
    @Operation(summary = "Investigation: start, extend (once, ≤60 days), submit-report, approve, record (四不放过, 一案双查), close")
    AccidentDetail investigate(@PathVariable UUID id, @PathVariable String action,
                               @RequestBody(required = false) AccidentService.InvestigationInput body) {
        return detail(service.investigate(CurrentUser.require(), id, action, body));
    }

    @PostMapping("/{id}/consequences/{consequenceId}")
    @Operation(summary = "Decide a consequence: DECIDED, EXECUTED or WITHDRAWN (district)")
    AccidentRepository.Consequence decide(@PathVariable UUID id, @PathVariable UUID consequenceId, @RequestBody ConsequenceDecision body) {
        return service.decideConsequence(CurrentUser.require(), id, consequenceId, body.status(), body.note());
    }

    private AccidentDetail detail(AccidentRecord r) {
        return new AccidentDetail(AccidentView.of(r), service.deadlines(r, clock.instant()), service.reports(r),
                service.consequences(r));
    }
}
