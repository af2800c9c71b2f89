package org.anjian.standardization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.standardization.domain.GradeApplication;
import org.anjian.standardization.internal.ApplicationRecord;
import org.anjian.standardization.internal.StandardizationRates;
import org.anjian.standardization.internal.StandardizationRepository;
import org.anjian.standardization.internal.StandardizationService;
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
@RequestMapping("/api/v1/standardization")
@Tag(name = "standardization", description = "安全生产标准化定级 (STD-1, STD-2): applications, on-site review, decisions, revocation, rates")
class StandardizationApiController {

    private final StandardizationService service;
    private final StandardizationRates rates;

    StandardizationApiController(StandardizationService service, StandardizationRates rates) {
        this.service = service;
        this.rates = rates;
    }

    record ApplicationView(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, String level, String reviewingLevel, BigDecimal selfScore,
                           LocalDate submittedOn, String state, UUID onsiteInspectionId, BigDecimal onsiteScore, LocalDate onsiteOn, String onsiteNote,
                           LocalDate decidedOn, String authority, String documentNo, String decisionNote, LocalDate validFrom, LocalDate validUntil,
                           boolean expiringSoon, LocalDate revocationProposedOn, String revocationReason, String revocationSource,
                           LocalDate revokedOn, LocalDate nextApplicationFrom) {
        static ApplicationView of(ApplicationRecord r, LocalDate today, int warningDays) {
            GradeApplication a = r.application();
            return new ApplicationView(a.id(), a.enterpriseId(), r.enterpriseName(), r.townId(), a.level().name(), a.reviewingLevel().name(),
                    a.selfScore(), a.submittedOn(), a.displayState(today), a.onsiteInspectionId(), a.onsiteScore(), a.onsiteOn(), a.onsiteNote(),
                    a.decidedOn(), a.authority(), a.documentNo(), a.decisionNote(), a.validFrom(), a.validUntil(), a.expiresWithin(today, warningDays),
                    a.revocationProposedOn(), a.revocationReason(), a.revocationSource(), a.revokedOn(), a.nextApplicationFrom());
        }
    }

    private ApplicationView view(ApplicationRecord r) {
        return ApplicationView.of(r, service.today(), service.properties().warningDays());
    }

    @GetMapping("/applications")
    @Operation(summary = "Applications and grades in the caller's scope; state EXPIRED/GRADED read the validity; expiringWithinDays lists grades about to expire")
    PageResult<ApplicationView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String level,
                                     @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer expiringWithinDays, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        var filter = new StandardizationRepository.Filter(blank(state), blank(level), enterpriseId, blank(q), expiringWithinDays, service.today());
        return service.search(CurrentUser.require(), filter, PageRequest.of(page, size)).map(this::view);
    }

    @PostMapping("/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for a grade with the self-assessment score (an enterprise for itself, its town or the district for it)")
    ApplicationView apply(@RequestBody StandardizationService.NewApplication body) {
        return view(service.submit(CurrentUser.require(), body));
    }

    @GetMapping("/applications/{id}")
    ApplicationView get(@PathVariable UUID id) {
        return view(service.get(CurrentUser.require(), id));
    }

    @PostMapping("/applications/{id}/onsite-review")
    @Operation(summary = "Record the on-site review (一体化: within an inspection of the same enterprise) and its score")
    ApplicationView onsite(@PathVariable UUID id, @RequestBody StandardizationService.OnsiteInput body) {
        return view(service.onsite(CurrentUser.require(), id, body));
    }

    @PostMapping("/applications/{id}/decision")
    @Operation(summary = "Record the reviewing level's decision: the district's own for 三级, the city's or province's (authority and document number) for 二级/一级")
    ApplicationView decide(@PathVariable UUID id, @RequestBody StandardizationService.DecisionInput body) {
        return view(service.decide(CurrentUser.require(), id, body));
    }

    @PostMapping("/applications/{id}/withdraw")
    ApplicationView withdraw(@PathVariable UUID id) {
        return view(service.withdraw(CurrentUser.require(), id));
    }

    @PostMapping("/applications/{id}/revocation-proposal")
    @Operation(summary = "Propose revoking a grade (83号 grounds); death accidents propose it by themselves")
    ApplicationView propose(@PathVariable UUID id, @RequestBody StandardizationService.StepInput body) {
        return view(service.proposeRevocation(CurrentUser.require(), id, body));
    }

    @PostMapping("/applications/{id}/revoke")
    @Operation(summary = "Revoke the grade (the district); the registry's grade follows")
    ApplicationView revoke(@PathVariable UUID id, @RequestBody(required = false) StandardizationService.StepInput body) {
        return view(service.revoke(CurrentUser.require(), id, body));
    }

    @PostMapping("/applications/{id}/dismiss-revocation")
    ApplicationView dismiss(@PathVariable UUID id, @RequestBody StandardizationService.StepInput body) {
        return view(service.dismissRevocation(CurrentUser.require(), id, body));
    }

    @GetMapping("/enterprises/{enterpriseId}/history")
    @Operation(summary = "Every application and grade of one enterprise, newest first")
    List<ApplicationView> history(@PathVariable UUID enterpriseId) {
        return service.history(CurrentUser.require(), enterpriseId).stream().map(this::view).toList();
    }

    @GetMapping("/rates")
    @Operation(summary = "达标率 against the seed's targets (规上工贸 ≥ 80%, 规上 四涉一有限一使用 ≥ 90%), by town and trade, with expiry figures")
    StandardizationRates.Overview rates() {
        return rates.overview(CurrentUser.require());
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
