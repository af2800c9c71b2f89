package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.anjian.inspection.internal.InspectionPlans;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/inspection-plans")
@Tag(name = "inspection-plans", description = "年度执法计划、月度实施计划 (annual and monthly inspection plans, 执法清零)")
class PlanApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final InspectionPlans plans;

    PlanApiController(InspectionPlans plans) {
        this.plans = plans;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate a DRAFT plan for a year from the supervision classes, priorities and the inspectors' capacity")
    InspectionPlans.Plan generate(@RequestBody(required = false) InspectionPlans.NewPlan body) {
        return plans.generate(CurrentUser.require(), body);
    }

    @GetMapping
    List<InspectionPlans.Plan> list(@RequestParam(required = false) Integer year) {
        return plans.list(CurrentUser.require(), year);
    }

    @GetMapping("/{id}")
    InspectionPlans.Plan get(@PathVariable UUID id) {
        return plans.get(CurrentUser.require(), id);
    }

    @GetMapping("/{id}/items")
    @Operation(summary = "The plan's items with their progress (OPEN, OVERDUE, DONE, DONE_LATE, or REMOVED), in the caller's scope")
    PageResult<InspectionPlans.Item> items(@PathVariable UUID id, @RequestParam(required = false) Integer month, @RequestParam(required = false) UUID town,
                                           @RequestParam(required = false) String sector, @RequestParam(required = false) String state,
                                           @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return plans.items(CurrentUser.require(), id, new InspectionPlans.ItemFilter(month, town, sector, state, enterpriseId), PageRequest.of(page, size));
    }

    @PostMapping("/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a visit to a DRAFT plan")
    InspectionPlans.Item add(@PathVariable UUID id, @RequestBody(required = false) InspectionPlans.NewItem body) {
        return plans.addItem(CurrentUser.require(), id, body);
    }

    @PatchMapping("/{id}/items/{itemId}")
    @Operation(summary = "Move an item to another month, or remove it with a reason (DRAFT plans only)")
    InspectionPlans.Item change(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody(required = false) InspectionPlans.ItemChange body) {
        return plans.changeItem(CurrentUser.require(), id, itemId, body);
    }

    @PostMapping("/{id}/approve")
    InspectionPlans.Plan approve(@PathVariable UUID id) {
        return plans.approve(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish an approved plan; one published plan per year")
    InspectionPlans.Plan publish(@PathVariable UUID id) {
        return plans.publish(CurrentUser.require(), id);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Per month: planned, done, done late, overdue, unplanned and the unplanned share against the limit")
    InspectionPlans.Progress progress(@PathVariable UUID id) {
        return plans.progress(CurrentUser.require(), id);
    }

    @GetMapping("/{id}/uncovered")
    @Operation(summary = "执法清零: planned enterprises not inspected this year, and the year's clearance status")
    InspectionPlans.Clearance uncovered(@PathVariable UUID id) {
        return plans.clearance(CurrentUser.require(), id);
    }

    @GetMapping("/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(required = false) Integer month, @RequestParam(required = false) UUID town,
                                  @RequestParam(required = false) String sector, @RequestParam(required = false) String state) {
        byte[] xlsx = plans.export(CurrentUser.require(), id, new InspectionPlans.ItemFilter(month, town, sector, state, null));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("执法计划.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }
}
