package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.anjian.chemical.internal.HazardUnits;
import org.anjian.chemical.internal.HazardUnits.UnitInput;
import org.anjian.chemical.internal.HazardUnits.UnitView;
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

/** Production and storage units with their inventories, and the major hazard sources computed from them. */
@RestController
@Tag(name = "major-hazard-sources", description = "重大危险源辨识与分级 (GB 18218-2018)")
class HazardUnitApiController {

    private final HazardUnits units;

    HazardUnitApiController(HazardUnits units) {
        this.units = units;
    }

    @GetMapping("/api/v1/major-hazard-sources")
    @Operation(summary = "Major hazard sources in the caller's scope (town / department / enterprise), by grade 1–4 and enterprise, paged")
    PageResult<UnitView> sources(@RequestParam(required = false) Integer grade, @RequestParam(required = false) UUID enterpriseId,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return units.sources(CurrentUser.require(), new HazardUnits.Filter(grade, enterpriseId), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/major-hazard-sources/{id}")
    @Operation(summary = "A major hazard source with its inventories, S, R, α, grade and its three 包保责任人")
    UnitView source(@PathVariable UUID id) {
        return units.source(CurrentUser.require(), id);
    }

    @GetMapping("/api/v1/chemical-units")
    @Operation(summary = "Production and storage units in the caller's scope, major or not, paged")
    PageResult<UnitView> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return units.units(CurrentUser.require(), new HazardUnits.Filter(null, enterpriseId), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/chemical-units/{id}")
    @Operation(summary = "A unit with its inventories and its GB 18218-2018 outcome")
    UnitView get(@PathVariable UUID id) {
        return units.get(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/chemical-units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a unit and its maximum inventories (tonnes); S, R, α and the grade are computed, never typed in; "
            + "a major unit must name its principal, technical and operational 包保责任人")
    UnitView create(@RequestBody UnitInput body) {
        return units.create(CurrentUser.require(), body);
    }

    @PutMapping("/api/v1/chemical-units/{id}")
    @Operation(summary = "Change a unit's inventories, people within 500 m or custodians; the outcome is computed again")
    UnitView update(@PathVariable UUID id, @RequestBody UnitInput body) {
        return units.update(CurrentUser.require(), id, body);
    }
}
