package org.anjian.monitoring.web;

import java.util.List;
import java.util.UUID;
import org.anjian.monitoring.domain.AlarmState;
import org.anjian.monitoring.domain.Escalation;
import org.anjian.monitoring.internal.Alarms;
import org.anjian.monitoring.internal.Alarms.Note;
import org.anjian.monitoring.internal.Sensors;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.live.LiveUpdates;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The alarm pages (MON-2): the district's (or town's, or enterprise's) list, which shows new alarms
 * as they are raised without a reload, and an alarm's page where the enterprise replies, disposes
 * and clears from a phone. The pages call the same service methods as the API.
 */
@Controller
class AlarmPageController {

    private final Alarms alarms;
    private final Sensors sensors;
    private final LiveUpdates live;
    private final java.time.Clock clock;
    private final org.anjian.shared.config.DistrictProperties district;

    AlarmPageController(Alarms alarms, Sensors sensors, LiveUpdates live, java.time.Clock clock, org.anjian.shared.config.DistrictProperties district) {
        this.clock = clock;
        this.district = district;
        this.alarms = alarms;
        this.sensors = sensors;
        this.live = live;
    }

    @GetMapping("/monitoring/alarms")
    String list(@RequestParam(required = false) AlarmState state, @RequestParam(required = false) Escalation escalation,
                @RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer page, Model model) {
        boolean onlyOpen = open == null ? state == null : open;
        model.addAttribute("result", alarms.search(CurrentUser.require(), new Alarms.Filter(state, onlyOpen, null, escalation, null, null),
                PageRequest.of(page, null)));
        model.addAttribute("state", state);
        model.addAttribute("escalation", escalation);
        model.addAttribute("open", onlyOpen);
        model.addAttribute("states", List.of(AlarmState.values()));
        model.addAttribute("escalations", List.of(Escalation.values()));
        model.addAttribute("currentMonth", java.time.YearMonth.now(clock.withZone(district.zone())).toString());
        model.addAttribute("base", "/monitoring/alarms?open=" + onlyOpen + (state == null ? "" : "&state=" + state)
                + (escalation == null ? "" : "&escalation=" + escalation));
        return "monitoring/alarms";
    }

    @GetMapping(path = "/monitoring/alarms/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return alarms.live(CurrentUser.require(), live);
    }

    @GetMapping("/monitoring/alarms/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("alarm", alarms.get(CurrentUser.require(), id));
        return "monitoring/alarm";
    }

    @PostMapping("/monitoring/alarms/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String text, Model model) {
        AnjianUser user = CurrentUser.require();
        try {
            switch (action) {
                case "acknowledge" -> alarms.acknowledge(user, id, new Note(text));
                case "dispose" -> alarms.dispose(user, id, new Note(text));
                case "clear" -> alarms.clear(user, id);
                case "hazard" -> alarms.toHazard(user, id, new Note(text));
                default -> throw DomainException.notFound("action");
            }
        } catch (DomainException e) {
            if (e.status().is4xxClientError() && e.status().value() != 404 && e.status().value() != 403) {
                model.addAttribute("alarm", alarms.get(user, id));
                model.addAttribute("error", e.getMessage());
                model.addAttribute("text", text);
                model.addAttribute("action", action);
                return "monitoring/alarm";
            }
            throw e;
        }
        return "redirect:/monitoring/alarms/" + id;
    }

    @GetMapping("/monitoring/sensors")
    String sensors(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", sensors.search(CurrentUser.require(), null, null, null, q, PageRequest.of(page, null)));
        model.addAttribute("q", q);
        model.addAttribute("base", "/monitoring/sensors" + (q == null || q.isBlank() ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)));
        return "monitoring/sensors";
    }
}
