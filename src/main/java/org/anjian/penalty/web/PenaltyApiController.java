package org.anjian.penalty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.anjian.penalty.domain.CaseState;
import org.anjian.penalty.domain.DiscretionRule;
import org.anjian.penalty.internal.DiscretionRules;
import org.anjian.penalty.internal.PenaltyCaseView;
import org.anjian.penalty.internal.PenaltyCaseService;
import org.anjian.penalty.internal.PenaltyCaseService.Detail;
import org.anjian.penalty.internal.PublicDisclosure;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "penalty-cases", description = "行政处罚案件 (penalty cases) and 行政执法公示")
class PenaltyApiController {

    private static final String BASE = "/api/v1/penalty-cases";
    private final PenaltyCaseService service;
    private final DiscretionRules rules;
    private final PublicDisclosure disclosure;

    PenaltyApiController(PenaltyCaseService service, DiscretionRules rules, PublicDisclosure disclosure) {
        this.service = service;
        this.rules = rules;
        this.disclosure = disclosure;
    }

    record ReviewDecision(Boolean approved, String opinion) {
    }

    record Closing(String measuresDone) {
    }

    record Reason(String reason) {
    }

    @GetMapping(BASE)
    @Operation(summary = "Penalty cases the caller may read, filtered (state, enterprise, year filed, handler) and paged")
    PageResult<PenaltyCaseView> list(@RequestParam(required = false) CaseState state, @RequestParam(required = false) UUID enterpriseId,
                                 @RequestParam(required = false) Integer year, @RequestParam(required = false) UUID handlerId,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                 @io.swagger.v3.oas.annotations.Parameter(description = "keyset cursor: the previous page's next (deep pages without an offset)")
                                 @RequestParam(required = false) String after) {
        return service.search(CurrentUser.require(), new PenaltyCaseService.Filter(state, enterpriseId, year, handlerId), PageRequest.of(page, size, after));
    }

    @GetMapping(BASE + "/{id}")
    @Operation(summary = "A case with its timeline, records, documents, discretion recommendation and the actions possible next")
    Detail get(@PathVariable UUID id) {
        return service.detail(CurrentUser.require(), id);
    }

    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "立案: file a case with at least two certified handlers")
    Detail file(@RequestBody PenaltyCaseService.NewCase body) {
        AnjianUser user = CurrentUser.require();
        return service.detail(user, service.file(user, body).id());
    }

    @PostMapping(BASE + "/{id}/investigation-records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "调查取证: an inquiry, inspection or evidence record; the first one starts the investigation")
    Detail investigate(@PathVariable UUID id, @RequestBody PenaltyCaseService.NewInvestigationRecord body) {
        AnjianUser user = CurrentUser.require();
        service.investigate(user, id, body);
        return service.detail(user, id);
    }

    @PostMapping(BASE + "/{id}/proposal")
    @Operation(summary = "拟处罚意见: fine, measures, legal basis; a fine outside the discretion band needs a reason")
    Detail propose(@PathVariable UUID id, @RequestBody PenaltyCaseService.Proposal body) {
        return act(id, user -> service.propose(user, id, body));
    }

    @PostMapping(BASE + "/{id}/legal-review")
    @Operation(summary = "Submit the proposal to 法制审核")
    Detail submitReview(@PathVariable UUID id) {
        return act(id, user -> service.submitReview(user, id));
    }

    @PostMapping(BASE + "/{id}/legal-review/decision")
    @Operation(summary = "法制审核 outcome: approved, or returned to the investigation, with the opinion (a district administrator not handling the case)")
    Detail decideReview(@PathVariable UUID id, @RequestBody ReviewDecision body) {
        return act(id, user -> service.decideReview(user, id, body.approved(), body.opinion()));
    }

    @PostMapping(BASE + "/{id}/notice")
    @Operation(summary = "Issue the numbered 行政处罚告知书; the statement or hearing-request period starts")
    Detail notice(@PathVariable UUID id) {
        return act(id, user -> service.notice(user, id));
    }

    @PostMapping(BASE + "/{id}/hearing-request")
    @Operation(summary = "The party asks for a hearing (within the request period, when the penalty qualifies)")
    Detail requestHearing(@PathVariable UUID id) {
        return act(id, user -> service.requestHearing(user, id));
    }

    @PostMapping(BASE + "/{id}/hearing")
    @Operation(summary = "Record the hearing held: date, presiding officer (not a handler), summary")
    Detail hearing(@PathVariable UUID id, @RequestBody PenaltyCaseService.Hearing body) {
        return act(id, user -> service.recordHearing(user, id, body));
    }

    @PostMapping(BASE + "/{id}/decision")
    @Operation(summary = "Issue the numbered 行政处罚决定书 (not before the period has ended, not while a hearing is pending)")
    Detail decide(@PathVariable UUID id) {
        return act(id, user -> service.decide(user, id));
    }

    @PostMapping(BASE + "/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment of the fine: amount, date, receipt number")
    Detail pay(@PathVariable UUID id, @RequestBody PenaltyCaseService.Payment body) {
        return act(id, user -> {
            service.pay(user, id, body);
            return null;
        });
    }

    @PostMapping(BASE + "/{id}/enforcement-application")
    @Operation(summary = "Record the application to the court for compulsory enforcement")
    Detail enforce(@PathVariable UUID id, @RequestBody PenaltyCaseService.EnforcementApplication body) {
        return act(id, user -> service.applyEnforcement(user, id, body));
    }

    @PostMapping(BASE + "/{id}/close")
    @Operation(summary = "结案: fine paid in full, or court enforcement applied for, or (no fine) the measures recorded as carried out")
    Detail close(@PathVariable UUID id, @RequestBody(required = false) Closing body) {
        return act(id, user -> service.close(user, id, body == null ? null : body.measuresDone()));
    }

    @PostMapping(BASE + "/{id}/no-penalty")
    @Operation(summary = "不予处罚, with the reason")
    Detail noPenalty(@PathVariable UUID id, @RequestBody Reason body) {
        return act(id, user -> service.noPenalty(user, id, body.reason()));
    }

    @PostMapping(BASE + "/{id}/transfer")
    @Operation(summary = "行刑衔接: moved to the public security organs; ends the administrative case")
    Detail transfer(@PathVariable UUID id, @RequestBody PenaltyCaseService.Transfer body) {
        return act(id, user -> service.transfer(user, id, body));
    }

    @GetMapping("/api/v1/penalty-discretion-rules")
    @Operation(summary = "自由裁量基准: condition → recommendation and band, first match by priority")
    List<DiscretionRule> rules() {
        return rules.all(CurrentUser.require());
    }

    @PutMapping("/api/v1/penalty-discretion-rules")
    @Operation(summary = "Replace the discretion rules (district administrators)")
    List<DiscretionRule> replaceRules(@RequestBody List<DiscretionRule> body) {
        return rules.replace(CurrentUser.require(), body);
    }

    @GetMapping("/api/v1/public/penalty-decisions")
    @Operation(summary = "行政执法公示: decided cases, names and numbers masked; no sign-in")
    PageResult<PublicDisclosure.PublishedDecision> published(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return disclosure.page(PageRequest.of(page, size));
    }

    private Detail act(UUID id, java.util.function.Function<AnjianUser, Object> action) {
        AnjianUser user = CurrentUser.require();
        action.apply(user);
        return service.detail(user, id);
    }
}
