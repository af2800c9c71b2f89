package org.anjian.publicreport.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.anjian.publicreport.domain.ReportState;
import org.anjian.publicreport.internal.PublicReportService;
import org.anjian.publicreport.internal.PublicReportService.ActionInput;
import org.anjian.publicreport.internal.PublicReportService.Identity;
import org.anjian.publicreport.internal.PublicReportService.Progress;
import org.anjian.publicreport.internal.PublicReportService.ReportView;
import org.anjian.publicreport.internal.PublicReportService.Submission;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "public-reports", description = "举报投诉 12350 (public reports), handling and rewards")
class PublicReportApiController {

    private final PublicReportService service;

    PublicReportApiController(PublicReportService service) {
        this.service = service;
    }

    record Received(String queryCode) {
    }

    record RevealRequest(String reason) {
    }

    record PaidRewardView(java.time.LocalDate paidOn, String category, long amountYuan) {
    }

    @PostMapping("/api/v1/public/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hand in a report without signing in (rate limited per address: 429 when too many); answers the query code")
    Received submit(@RequestBody Submission body, HttpServletRequest request) {
        return new Received(service.submit(body, List.of(), request.getRemoteAddr()));
    }

    @GetMapping("/api/v1/public/report-enterprises")
    @Operation(summary = "The public form's enterprise search: at most 10 registered enterprises whose name contains q (≥ 2 characters),"
            + " name and town only; rate limited per address (429)")
    List<PublicReportService.EnterpriseMatch> enterprises(@RequestParam(required = false) String q, HttpServletRequest request) {
        return service.searchEnterprises(q, request.getRemoteAddr());
    }

    @GetMapping("/api/v1/public/reports/{code}")
    @Operation(summary = "A report's progress and feedback under its query code (no identity)")
    Progress progress(@PathVariable String code) {
        return service.progress(code);
    }

    @GetMapping("/api/v1/public/report-rewards")
    @Operation(summary = "Paid rewards, anonymously: date, category, amount")
    List<PaidRewardView> paidRewards() {
        return service.paidRewards().stream().map(p -> new PaidRewardView(p.paidOn(), p.category(), p.amountYuan())).toList();
    }

    @GetMapping("/api/v1/public-reports")
    @Operation(summary = "Reports: the district sees all, a town or department those assigned to it; identity masked")
    PageResult<ReportView> list(@RequestParam(required = false) ReportState state, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return service.search(CurrentUser.require(), state, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/public-reports/{id}")
    ReportView get(@PathVariable UUID id) {
        return service.get(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/public-reports/{id}/reveal")
    @Operation(summary = "The reporter's identity in clear (district only), with the reason recorded in the audit chain")
    Identity reveal(@PathVariable UUID id, @RequestBody RevealRequest body) {
        return service.reveal(CurrentUser.require(), id, body == null ? null : body.reason());
    }

    @PostMapping("/api/v1/public-reports/{id}/{action:accept|reject|assign|verify|extend|result|feedback|close|plan-lead|decide-reward|approve-reward|pay-reward}")
    @Operation(summary = "accept, reject, assign, extend, feedback, close (district); verify, result (assigned town/department); rewards (district)")
    ReportView act(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) ActionInput body) {
        return service.act(CurrentUser.require(), id, action, body);
    }

}
