package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.domain.PressureClass;
import org.anjian.chemical.internal.Pipelines;
import org.anjian.chemical.internal.Pipelines.FuelUserInput;
import org.anjian.chemical.internal.Pipelines.FuelUserView;
import org.anjian.chemical.internal.Pipelines.HazardInput;
import org.anjian.chemical.internal.Pipelines.PipelineHazardView;
import org.anjian.chemical.internal.Pipelines.PipelineInput;
import org.anjian.chemical.internal.Pipelines.PipelineView;
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

/** CHM-2: oil and gas pipelines, their hazards, and gas and alcohol-based fuel users. */
@RestController
@Tag(name = "pipelines", description = "油气管道及其隐患；燃气、醇基燃料使用单位")
class PipelineApiController {

    private final Pipelines pipelines;

    PipelineApiController(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping("/api/v1/pipelines")
    @Operation(summary = "Pipeline segments in the caller's scope by town, pressure class, medium, open hazards; paged; geometry is GeoJSON")
    PageResult<PipelineView> list(@RequestParam(required = false) UUID townId, @RequestParam(required = false) PressureClass pressureClass,
                                  @RequestParam(required = false) String medium, @RequestParam(required = false) Boolean withOpenHazards,
                                  @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return pipelines.list(CurrentUser.require(), new Pipelines.Filter(townId, pressureClass, KeyProcessApiController.blank(medium),
                withOpenHazards, enterpriseId), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/pipelines/{id}")
    @Operation(summary = "A pipeline segment")
    PipelineView get(@PathVariable UUID id) {
        return pipelines.get(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a segment: operator enterprise or operator name, medium, pressure class (GB 50028-2006 table 6.1.6, checked against "
            + "the design pressure when given), diameter, length and the line as a GeoJSON LineString")
    PipelineView create(@RequestBody PipelineInput body) {
        return pipelines.create(CurrentUser.require(), body);
    }

    @PutMapping("/api/v1/pipelines/{id}")
    @Operation(summary = "Change a segment")
    PipelineView update(@PathVariable UUID id, @RequestBody PipelineInput body) {
        return pipelines.update(CurrentUser.require(), id, body);
    }

    @GetMapping("/api/v1/pipelines/{id}/hazards")
    @Operation(summary = "The hazards recorded on a segment, with the hazard of the loop each became")
    List<PipelineHazardView> hazards(@PathVariable UUID id) {
        return pipelines.hazards(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/pipelines/{id}/hazards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a hazard on a segment (OCCUPATION, THIRD_PARTY_CONSTRUCTION: external; CORROSION, LEAK: body); it enters the hazard "
            + "loop as a hazard of the operator enterprise")
    PipelineHazardView recordHazard(@PathVariable UUID id, @RequestBody HazardInput body) {
        return pipelines.recordHazard(CurrentUser.require(), id, body);
    }

    @GetMapping("/api/v1/fuel-users")
    @Operation(summary = "Gas and alcohol-based fuel users (燃气/醇基燃料使用单位) in the caller's scope by town, fuel, without gas alarm; paged")
    PageResult<FuelUserView> fuelUsers(@RequestParam(required = false) UUID townId, @RequestParam(required = false) String fuel,
                                       @RequestParam(required = false) Boolean withoutAlarm, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return pipelines.fuelUsers(CurrentUser.require(), townId, KeyProcessApiController.blank(fuel), withoutAlarm, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/fuel-users/{id}")
    @Operation(summary = "A fuel user")
    FuelUserView fuelUser(@PathVariable UUID id) {
        return pipelines.fuelUser(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/fuel-users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List a gas or alcohol-based fuel user for supervision (the district or its town)")
    FuelUserView addFuelUser(@RequestBody FuelUserInput body) {
        return pipelines.addFuelUser(CurrentUser.require(), body);
    }
}
