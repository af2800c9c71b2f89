package org.anjian.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.UUID;
import org.anjian.command.CommandLayer;
import org.anjian.command.internal.CommandSituation;
import org.anjian.command.internal.CommandSituation.Bbox;
import org.anjian.command.internal.CommandSituation.FeatureCollection;
import org.anjian.command.internal.CommandSituation.Overview;
import org.anjian.command.internal.CommandSituation.Trends;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.live.LiveUpdates;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The command view (一张图, CMD-1/2) for machines: the same figures as the page, with a bearer token. */
@RestController
@RequestMapping("/api/v1/command")
@io.swagger.v3.oas.annotations.tags.Tag(name = "command", description = "一张图: 全区态势、图层、趋势")
class CommandApiController {

    private final CommandSituation situation;
    private final LiveUpdates live;

    CommandApiController(CommandSituation situation, LiveUpdates live) {
        this.situation = situation;
        this.live = live;
    }

    @GetMapping("/overview")
    @Operation(summary = "Counts of the seven layers in the caller's scope (or one town), by town, by sector, enterprises by class, risk by level")
    Overview overview(@Parameter(description = "a town's region id: its counts only") @RequestParam(required = false) UUID town) {
        return situation.overview(CurrentUser.require(), town);
    }

    @GetMapping("/layers/{layer}")
    @Operation(summary = "One layer as a GeoJSON FeatureCollection: enterprises, risk, hazards, alarms, accidents, permits or inspections")
    FeatureCollection layer(@PathVariable String layer, @RequestParam(required = false) UUID town,
                            @Parameter(description = "west,south,east,north in WGS-84 degrees") @RequestParam(required = false) String bbox) {
        return situation.layer(CurrentUser.require(), CommandLayer.ofPath(layer).orElseThrow(() -> DomainException.notFound("layer")), town,
                Bbox.parse(bbox));
    }

    @GetMapping("/trends")
    @Operation(summary = "The last twelve months: hazards found and closed, inspections finished, accidents")
    Trends trends(@RequestParam(required = false) UUID town) {
        return situation.trends(CurrentUser.require(), town);
    }

    @GetMapping("/live")
    @Operation(summary = "Server-Sent Events: new and changed alarms and permits in the caller's scope (topics alarm and permit)")
    SseEmitter live() {
        AnjianUser user = situation.requireReader(CurrentUser.require());
        return live.subscribe(CommandSituation.LIVE_TOPICS, situation.visibleTo(user));
    }
}
