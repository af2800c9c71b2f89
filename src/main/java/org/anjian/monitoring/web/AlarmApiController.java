package org.anjian.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.anjian.monitoring.domain.AlarmCondition;
import org.anjian.monitoring.domain.AlarmState;
import org.anjian.monitoring.domain.Escalation;
import org.anjian.monitoring.internal.Alarms;
import org.anjian.monitoring.internal.Alarms.AlarmView;
import org.anjian.monitoring.internal.Alarms.Note;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alarms (MON-2) in the caller's scope and their life cycle. */
@RestController
@Tag(name = "monitoring", description = "监测预警: 传感器、读数、报警")
class AlarmApiController {

    private final Alarms alarms;

    AlarmApiController(Alarms alarms) {
        this.alarms = alarms;
    }

    @GetMapping("/api/v1/alarms")
    @Operation(summary = "Alarms in the caller's scope, newest first, by state, open, condition, escalation, enterprise, sensor; paged")
    PageResult<AlarmView> list(@RequestParam(required = false) AlarmState state, @RequestParam(required = false) Boolean open,
                               @RequestParam(required = false) AlarmCondition condition, @RequestParam(required = false) Escalation escalation,
                               @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID sensorId,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return alarms.search(CurrentUser.require(), new Alarms.Filter(state, open, condition, escalation, enterpriseId, sensorId),
                PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/alarms/{id}")
    @Operation(summary = "An alarm")
    AlarmView get(@PathVariable UUID id) {
        return alarms.get(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/alarms/{id}/acknowledge")
    @Operation(summary = "The enterprise's reply (响应) to a raised alarm; late after the reply period, which escalates it to the town, then the district")
    AlarmView acknowledge(@PathVariable UUID id, @RequestBody(required = false) Note body) {
        return alarms.acknowledge(CurrentUser.require(), id, body);
    }

    @PostMapping("/api/v1/alarms/{id}/dispose")
    @Operation(summary = "What the enterprise did (处置) about an acknowledged alarm")
    AlarmView dispose(@PathVariable UUID id, @RequestBody(required = false) Note body) {
        return alarms.dispose(CurrentUser.require(), id, body);
    }

    @PostMapping("/api/v1/alarms/{id}/clear")
    @Operation(summary = "Clear (消警) a disposed alarm; the next crossing opens a new alarm")
    AlarmView clear(@PathVariable UUID id) {
        return alarms.clear(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/alarms/{id}/hazard")
    @Operation(summary = "Register the open alarm as a general hazard of the enterprise (source 监测报警), once")
    AlarmView toHazard(@PathVariable UUID id, @RequestBody(required = false) Note body) {
        return alarms.toHazard(CurrentUser.require(), id, body);
    }
}
