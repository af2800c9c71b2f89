package org.anjian.command.web;

import java.util.UUID;
import org.anjian.command.CommandLayer;
import org.anjian.command.internal.CommandSituation;
import org.anjian.command.internal.CommandSituation.Bbox;
import org.anjian.command.internal.CommandSituation.FeatureCollection;
import org.anjian.command.internal.CommandSituation.Overview;
import org.anjian.command.internal.CommandSituation.Trends;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command map's data for its own page, with the session (the API under {@code /api/v1/command} takes a bearer
 * token and answers the same from the same service): counts, one layer as GeoJSON, the monthly trends.
 */
@RestController
class CommandDataController {

    private final CommandSituation situation;

    CommandDataController(CommandSituation situation) {
        this.situation = situation;
    }

    @GetMapping("/command/overview")
    Overview overview(@RequestParam(required = false) UUID town) {
        return situation.overview(CurrentUser.require(), town);
    }

    @GetMapping("/command/layers/{layer}")
    FeatureCollection layer(@PathVariable String layer, @RequestParam(required = false) UUID town, @RequestParam(required = false) String bbox) {
        return situation.layer(CurrentUser.require(), layer(layer), town, Bbox.parse(bbox));
    }

    @GetMapping("/command/trends")
    Trends trends(@RequestParam(required = false) UUID town) {
        return situation.trends(CurrentUser.require(), town);
    }

    static CommandLayer layer(String path) {
        return CommandLayer.ofPath(path).orElseThrow(() -> DomainException.notFound("layer"));
    }
}
