package org.anjian.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.HazardUnitDirectory.HazardUnitRef;
import org.anjian.monitoring.domain.SensorKind;
import org.anjian.monitoring.internal.Devices;
import org.anjian.monitoring.internal.MonitoringProperties;
import org.anjian.monitoring.internal.Sensors;
import org.anjian.monitoring.internal.Sensors.SensorInput;
import org.anjian.monitoring.internal.Sensors.SensorView;
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

/** Sensors (MON-1) in the caller's scope. */
@RestController
@Tag(name = "monitoring", description = "监测预警: 传感器、读数、报警")
class SensorApiController {

    private final Sensors sensors;
    private final Devices devices;
    private final MonitoringProperties properties;

    SensorApiController(Sensors sensors, Devices devices, MonitoringProperties properties) {
        this.sensors = sensors;
        this.devices = devices;
        this.properties = properties;
    }

    @PostMapping("/api/v1/monitoring-devices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A device account of the enterprise for MQTT: publishes only to <prefix>/<enterpriseId>; the secret is shown once")
    Devices.NewDevice createDevice(@RequestBody Devices.DeviceInput body) {
        return devices.create(CurrentUser.require(), body, properties.mqtt().topicPrefix());
    }

    @GetMapping("/api/v1/monitoring-devices")
    @Operation(summary = "The enterprise's MQTT device accounts (without secrets)")
    List<Devices.DeviceView> devices(@RequestParam UUID enterpriseId) {
        return devices.ofEnterprise(CurrentUser.require(), enterpriseId);
    }

    @GetMapping("/api/v1/sensors")
    @Operation(summary = "Sensors in the caller's scope with their set points, last reading and online status, paged")
    PageResult<SensorView> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID hazardUnitId,
                                @RequestParam(required = false) SensorKind kind, @RequestParam(required = false) String q,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return sensors.search(CurrentUser.require(), enterpriseId, hazardUnitId, kind, q, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/sensors/{id}")
    @Operation(summary = "A sensor")
    SensorView get(@PathVariable UUID id) {
        return sensors.get(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/sensors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a sensor: kind and unit, HH/H/L/LL set points (LL < L < H < HH), rate limit per minute, reporting interval; "
            + "on a production/storage unit of the enterprise (hazardUnitId) or a tank, pipeline segment or mine slope (objectKind, objectRef)")
    SensorView create(@RequestBody SensorInput body) {
        return sensors.create(CurrentUser.require(), body);
    }

    @PutMapping("/api/v1/sensors/{id}")
    @Operation(summary = "Change a sensor's set points, interval or what it belongs to")
    SensorView update(@PathVariable UUID id, @RequestBody SensorInput body) {
        return sensors.update(CurrentUser.require(), id, body);
    }

    @GetMapping("/api/v1/sensors/hazard-units")
    @Operation(summary = "The enterprise's production and storage units a sensor may belong to, major hazard sources first")
    List<HazardUnitRef> units(@RequestParam UUID enterpriseId) {
        return sensors.unitsOf(CurrentUser.require(), enterpriseId);
    }
}
