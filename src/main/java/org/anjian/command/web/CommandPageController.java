package org.anjian.command.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anjian.command.CommandLayer;
import org.anjian.command.internal.CommandBulletin;
import org.anjian.command.internal.CommandProperties;
import org.anjian.command.internal.CommandSituation;
import org.anjian.command.internal.CommandSituation.Analysis;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.live.LiveUpdates;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The command map (一张图) on the desktop and the big screen (1920×1080, dark, no menus: {@code /command/screen} or
 * {@code /command?screen=big}), the situation analysis, the monthly bulletin and the live stream that keeps the map's
 * numbers current.
 */
@Controller
class CommandPageController {

    static final String MAP = "command/map";
    static final String ANALYSIS = "command/analysis";

    private final CommandSituation situation;
    private final CommandBulletin bulletin;
    private final CommandProperties properties;
    private final LiveUpdates live;

    CommandPageController(CommandSituation situation, CommandBulletin bulletin, CommandProperties properties, LiveUpdates live) {
        this.situation = situation;
        this.bulletin = bulletin;
        this.properties = properties;
        this.live = live;
    }

    @GetMapping("/command")
    String map(@RequestParam(required = false) String screen, Model model) {
        return page("big".equals(screen), model);
    }

    @GetMapping("/command/screen")
    String screen(Model model) {
        return page(true, model);
    }

    private String page(boolean big, Model model) {
        AnjianUser user = situation.requireReader(CurrentUser.require());
        model.addAttribute("big", big);
        model.addAttribute("towns", situation.towns(user));
        model.addAttribute("layers", List.of(CommandLayer.values()));
        model.addAttribute("tileUrl", properties.tileUrl());
        model.addAttribute("tileAttribution", properties.tileAttribution());
        return MAP;
    }

    @GetMapping("/command/analysis")
    String analysis(Model model) {
        AnjianUser user = situation.requireReader(CurrentUser.require());
        Analysis a = situation.analysis(user);
        model.addAttribute("analysis", a);
        model.addAttribute("month", YearMonth.from(situation.now().atZone(situation.zone())));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", a.trends().months().stream().map(CommandSituation.MonthFigures::month).toList());
        chart.put("hazardsFound", a.trends().months().stream().map(CommandSituation.MonthFigures::hazardsFound).toList());
        chart.put("hazardsClosed", a.trends().months().stream().map(CommandSituation.MonthFigures::hazardsClosed).toList());
        chart.put("inspections", a.trends().months().stream().map(CommandSituation.MonthFigures::inspections).toList());
        chart.put("accidents", a.trends().months().stream().map(CommandSituation.MonthFigures::accidents).toList());
        model.addAttribute("chart", chart);
        return ANALYSIS;
    }

    @GetMapping("/command/bulletin.pdf")
    ResponseEntity<byte[]> bulletin(@RequestParam(required = false) String month) {
        AnjianUser user = situation.requireReader(CurrentUser.require());
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(situation.now().atZone(situation.zone())) : YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", "command.month.invalid", "month must be yyyy-MM");
        }
        byte[] pdf = bulletin.render(user, m);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(CommandBulletin.fileName(m))).body(pdf);
    }

    /** Server-Sent Events: alarms and permits in the reader's scope changed (the map reloads its numbers and layers). */
    @GetMapping("/command/live")
    SseEmitter live() {
        AnjianUser user = situation.requireReader(CurrentUser.require());
        return live.subscribe(CommandSituation.LIVE_TOPICS, situation.visibleTo(user));
    }
}
