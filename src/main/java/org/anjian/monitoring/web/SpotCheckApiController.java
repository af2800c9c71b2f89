package org.anjian.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.monitoring.internal.SpotChecks;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** MON-5 video spot checks. */
@RestController
@Tag(name = "monitoring", description = "监测预警: 传感器、读数、报警")
class SpotCheckApiController {

    private final SpotChecks spotChecks;

    SpotCheckApiController(SpotChecks spotChecks) {
        this.spotChecks = spotChecks;
    }

    @PostMapping("/api/v1/video-spot-checks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records a video spot check (视频巡查抽查) of an enterprise in scope: camera, time, result, problem found")
    SpotChecks.SpotCheckView record(@RequestBody SpotChecks.SpotCheckInput body) {
        return spotChecks.record(CurrentUser.require(), body);
    }

    @GetMapping("/api/v1/video-spot-checks")
    @Operation(summary = "Video spot checks in the caller's scope (default the last 30 days), newest first, at most 500")
    List<SpotChecks.SpotCheckView> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String result,
                                        @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return spotChecks.search(CurrentUser.require(), enterpriseId, result, from, to);
    }
}
