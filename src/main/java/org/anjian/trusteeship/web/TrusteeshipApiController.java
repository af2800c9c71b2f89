package org.anjian.trusteeship.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.trusteeship.internal.TrusteeshipRecords;
import org.anjian.trusteeship.internal.TrusteeshipRepository;
import org.anjian.trusteeship.internal.TrusteeshipService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/trusteeship")
@Tag(name = "trusteeship", description = "安全生产托管服务 (SVC-1): agencies, contracts, visits whose findings become the enterprise's hazards, monthly reports, evaluations")
class TrusteeshipApiController {

    private final TrusteeshipService service;

    TrusteeshipApiController(TrusteeshipService service) {
        this.service = service;
    }

    record ContractView(TrusteeshipRecords.Contract contract, String status) {
    }

    record AgencyView(TrusteeshipRecords.Agency agency, TrusteeshipRepository.AgencyFigures thisYear, List<TrusteeshipRecords.Evaluation> evaluations) {
    }

    @GetMapping("/agencies")
    @Operation(summary = "The register of service agencies (an agency reads its own entry)")
    List<TrusteeshipRecords.Agency> agencies() {
        return service.agencies(CurrentUser.require());
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    TrusteeshipRecords.Agency createAgency(@RequestBody TrusteeshipService.NewAgency body) {
        return service.createAgency(CurrentUser.require(), body);
    }

    @GetMapping("/agencies/{id}")
    @Operation(summary = "An agency with this year's figures and its evaluations")
    AgencyView agency(@PathVariable UUID id) {
        var user = CurrentUser.require();
        return new AgencyView(service.agency(user, id), service.figures(user, id, service.today().getYear()), service.evaluations(user, id));
    }

    @PostMapping("/agencies/{id}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The district's yearly evaluation of an agency: ≥ 90 优秀, ≥ 60 合格, else 不合格")
    TrusteeshipRecords.Evaluation evaluate(@PathVariable UUID id, @RequestBody TrusteeshipService.NewEvaluation body) {
        return service.evaluate(CurrentUser.require(), id, body);
    }

    @GetMapping("/contracts")
    @Operation(summary = "Contracts in the caller's scope (an agency its own); status ACTIVE/PENDING/ENDED/TERMINATED on today")
    PageResult<ContractView> contracts(@RequestParam(required = false) UUID agencyId, @RequestParam(required = false) UUID enterpriseId,
                                       @RequestParam(required = false) String status, @RequestParam(required = false) Boolean governmentPurchased,
                                       @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        var today = service.today();
        return service.contracts(CurrentUser.require(), new TrusteeshipRepository.ContractFilter(agencyId, enterpriseId, blank(status),
                governmentPurchased, blank(q), today), PageRequest.of(page, size)).map(c -> new ContractView(c, c.status(today)));
    }

    @PostMapping("/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a trusteeship contract with a small enterprise (the district or its town)")
    ContractView createContract(@RequestBody TrusteeshipService.NewContract body) {
        var c = service.createContract(CurrentUser.require(), body);
        return new ContractView(c, c.status(service.today()));
    }

    @GetMapping("/contracts/{id}")
    ContractView contract(@PathVariable UUID id) {
        var c = service.contract(CurrentUser.require(), id);
        return new ContractView(c, c.status(service.today()));
    }

    @PostMapping("/contracts/{id}/terminate")
    ContractView terminate(@PathVariable UUID id, @RequestBody TrusteeshipService.Termination body) {
        var c = service.terminate(CurrentUser.require(), id, body);
        return new ContractView(c, c.status(service.today()));
    }

    @GetMapping("/contracts/{id}/visits")
    List<TrusteeshipRecords.Visit> visits(@PathVariable UUID id) {
        return service.visits(CurrentUser.require(), id);
    }

    @PostMapping("/contracts/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The agency records a service visit; each finding becomes a hazard of the enterprise (托管不卸责)")
    TrusteeshipRecords.Visit visit(@PathVariable UUID id, @RequestBody TrusteeshipService.NewVisit body) {
        return service.visit(CurrentUser.require(), id, body);
    }

    @GetMapping("/contracts/{id}/reports")
    List<TrusteeshipRecords.Report> reports(@PathVariable UUID id) {
        return service.reports(CurrentUser.require(), id);
    }

    @PostMapping("/contracts/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The agency's monthly service report (month as 2026-11), counting that month's visits and findings")
    TrusteeshipRecords.Report report(@PathVariable UUID id, @RequestBody TrusteeshipService.NewReport body) {
        return service.report(CurrentUser.require(), id, body);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
