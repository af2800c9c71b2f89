package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.anjian.inspection.internal.InspectionService;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "inspections", description = "监督检查 (inspections and their findings)")
class InspectionApiController {

    private final InspectionService inspections;
    private final org.anjian.inspection.internal.EnforcementDocuments documents;
    private final org.anjian.inspection.internal.OnSiteDocuments onSite;

    InspectionApiController(InspectionService inspections, org.anjian.inspection.internal.EnforcementDocuments documents,
                            org.anjian.inspection.internal.OnSiteDocuments onSite) {
        this.inspections = inspections;
        this.documents = documents;
        this.onSite = onSite;
    }

    @PostMapping("/{id}/documents/rectification-order")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the numbered 责令限期整改指令书 (PDF) of the inspection's findings")
    org.anjian.inspection.internal.EnforcementDocuments.Issued rectificationOrder(@PathVariable UUID id) {
        return documents.rectificationOrder(CurrentUser.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan an inspection of an enterprise by at least two certified inspectors (from a draw or named)")
    InspectionService.Inspection plan(@RequestBody InspectionService.NewInspection body) {
        return inspections.plan(CurrentUser.require(), body);
    }

    @GetMapping
    @Operation(summary = "The inspections the caller may list (district and auditors all, an inspector their own, an expert those they "
            + "were selected for), filtered by state (PLANNED, ON_SITE, DONE), enterprise and year, newest plans first")
    org.anjian.shared.web.PageResult<InspectionService.Inspection> list(@org.springframework.web.bind.annotation.RequestParam(required = false) String state,
            @org.springframework.web.bind.annotation.RequestParam(required = false) UUID enterpriseId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer year,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size,
            @io.swagger.v3.oas.annotations.Parameter(description = "keyset cursor: the previous page's next (deep pages without an offset)")
            @org.springframework.web.bind.annotation.RequestParam(required = false) String after) {
        return inspections.search(CurrentUser.require(), state, enterpriseId, year, org.anjian.shared.web.PageRequest.of(page, size, after));
    }

    @GetMapping("/{id}")
    InspectionService.Inspection get(@PathVariable UUID id) {
        return inspections.get(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a finding on site; it becomes a hazard of the enterprise (source INSPECTION)")
    InspectionService.Finding finding(@PathVariable UUID id, @RequestBody InspectionService.NewFinding body) {
        return inspections.recordFinding(CurrentUser.require(), id, body);
    }

    @PostMapping("/{id}/finish")
    @Operation(summary = "Finish the inspection and issue its 现场检查记录; a mine needs an exam first (逢查必考)")
    InspectionService.Inspection finish(@PathVariable UUID id) {
        return onSite.finish(CurrentUser.require(), id);
    }
}
