package org.anjian.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.monitoring.internal.Duties;
import org.anjian.monitoring.internal.SpotChecks;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages of 包保 duty records (MON-3: the list in the reader's scope with its export, the enterprise's form) and of video
 * spot checks (MON-5: the list, the supervisor's form against a camera reference). They call the same service methods as
 * the API, so the scope and the rules are the same: a town sees its enterprises' records only, a record outside the
 * recorder's scope is a 404, the wrong role a 403.
 */
@Controller
class MonitoringRecordsPageController {

    static final List<String> ROLES = List.of("PRINCIPAL", "TECHNICAL", "OPERATIONAL");
    static final List<String> RESULTS = List.of("NORMAL", "PROBLEM", "UNAVAILABLE");

    private final Duties duties;
    private final SpotChecks spotChecks;
    private final EnterpriseLookup enterprises;
    private final MessageSource messages;
    private final DistrictProperties district;
    private final java.time.Clock clock;

    MonitoringRecordsPageController(Duties duties, SpotChecks spotChecks, EnterpriseLookup enterprises, MessageSource messages, DistrictProperties district,
                                    java.time.Clock clock) {
        this.clock = clock;
        this.duties = duties;
        this.spotChecks = spotChecks;
        this.enterprises = enterprises;
        this.messages = messages;
        this.district = district;
    }

    /** A duty record with its enterprise's name, for the list. */
    record DutyRow(Duties.DutyView duty, String enterpriseName) {
    }

    @GetMapping("/monitoring/duties")
    String duties(@RequestParam(required = false) String role, @RequestParam(required = false) Boolean problems,
                  @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                  @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        String r = blank(role);
        var result = duties.page(user, new Duties.Filter(null, r, problems, from, to), PageRequest.of(page, 20));
        Map<UUID, String> names = names(result.items().stream().map(Duties.DutyView::enterpriseId).toList());
        model.addAttribute("result", result.map(d -> new DutyRow(d, names.get(d.enterpriseId()))));
        model.addAttribute("roles", ROLES);
        model.addAttribute("role", r);
        model.addAttribute("problems", problems);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("canRecord", user.hasRole(Role.ENTERPRISE_USER));
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("role", Optional.ofNullable(r))
                .queryParamIfPresent("problems", Optional.ofNullable(problems)).queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to)).encode().build().toUriString();
        model.addAttribute("base", "/monitoring/duties" + qs);
        model.addAttribute("exportUrl", "/monitoring/duties/export.xlsx" + qs);
        return "monitoring/duties";
    }

    @GetMapping("/monitoring/duties/export.xlsx")
    void exportDuties(@RequestParam(required = false) String role, @RequestParam(required = false) Boolean problems,
                      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                      HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        var result = duties.page(CurrentUser.require(), new Duties.Filter(null, blank(role), problems, from, to), new PageRequest(0, 50_000));
        Map<UUID, String> names = names(result.items().stream().map(Duties.DutyView::enterpriseId).toList());
        List<List<?>> rows = new ArrayList<>();
        for (Duties.DutyView d : result.items()) {
            rows.add(List.of(d.day().toString(), names.getOrDefault(d.enterpriseId(), ""), d.unitName(), text("monitoring.dutyRole." + d.role(), locale),
                    d.custodianName(), d.content(), d.problems() == null ? "" : d.problems()));
        }
        List<String> headers = new ArrayList<>();
        for (String h : List.of("monitoring.dutyCol.day", "monitoring.alarm.enterprise", "monitoring.dutyCol.unit", "monitoring.dutyCol.roleLabel",
                "monitoring.dutyCol.custodian", "monitoring.dutyCol.content", "monitoring.dutyCol.problems")) {
            headers.add(text(h, locale));
        }
        Spreadsheets.write(response, text("monitoring.duties.fileName", locale) + "-" + duties.today() + ".xlsx", text("monitoring.duties.title", locale),
                headers, rows);
    }

    /** What the duty form shows again after an error: the input as typed. */
    record DutyForm(String unitId, String role, String day, String content, String problems) {
    }

    @GetMapping("/monitoring/duties/new")
    String newDuty(Model model) {
        return dutyForm(CurrentUser.require(), new DutyForm(null, "OPERATIONAL", duties.today().toString(), null, null), Map.of(), model);
    }

    @PostMapping("/monitoring/duties/new")
    String recordDuty(@RequestParam(required = false) String unitId, @RequestParam(required = false) String role,
                      @RequestParam(required = false) String day, @RequestParam(required = false) String content,
                      @RequestParam(required = false) String problems, Model model) {
        AnjianUser user = CurrentUser.require();
        DutyForm form = new DutyForm(unitId, role, day, content, problems);
        try {
            // an unreadable day or source is as good as none: the service names the field
            duties.record(user, new Duties.DutyInput(uuid(unitId), role, null, date(day), content, problems));
            return "redirect:/monitoring/duties?saved";
        } catch (DomainException e) {
            return dutyForm(user, form, fieldErrors(e), model);
        }
    }

    private String dutyForm(AnjianUser user, DutyForm form, Map<String, String> errors, Model model) {
        model.addAttribute("sources", duties.ownMajorSources(user)); // 403 for anyone but an enterprise
        model.addAttribute("roles", ROLES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", duties.today());
        return "monitoring/duty-form";
    }

    /** A spot check with its enterprise's name. */
    record SpotCheckRow(SpotChecks.SpotCheckView check, String enterpriseName) {
    }

    @GetMapping("/monitoring/spot-checks")
    String spotChecks(@RequestParam(required = false) String result, @RequestParam(required = false) LocalDate from,
                      @RequestParam(required = false) LocalDate to, Model model) {
        AnjianUser user = CurrentUser.require();
        String r = blank(result);
        Instant f = from == null ? null : from.atStartOfDay(district.zone()).toInstant();
        Instant t = to == null ? null : to.plusDays(1).atStartOfDay(district.zone()).toInstant();
        List<SpotChecks.SpotCheckView> list = spotChecks.search(user, null, r, f, t);
        Map<UUID, String> names = names(list.stream().map(SpotChecks.SpotCheckView::enterpriseId).toList());
        model.addAttribute("rows", list.stream().map(c -> new SpotCheckRow(c, names.get(c.enterpriseId()))).toList());
        model.addAttribute("results", RESULTS);
        model.addAttribute("result", r);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("canRecord", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL));
        return "monitoring/spot-checks";
    }

    /** The spot check form's input as typed: the enterprise by its 统一社会信用代码, the camera, when (local time), result, problems. */
    record SpotCheckForm(String creditCode, String cameraRef, String checkedAt, String result, String problems) {
    }

    @GetMapping("/monitoring/spot-checks/new")
    String newSpotCheck(Model model) {
        AnjianUser user = CurrentUser.require();
        requireSupervisor(user);
        String now = LocalDateTime.now(clock.withZone(district.zone())).withSecond(0).withNano(0).toString();
        return spotCheckForm(new SpotCheckForm(null, null, now, "NORMAL", null), Map.of(), model);
    }

    @PostMapping("/monitoring/spot-checks/new")
    String recordSpotCheck(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String cameraRef,
                           @RequestParam(required = false) String checkedAt, @RequestParam(required = false) String result,
                           @RequestParam(required = false) String problems, Model model) {
        AnjianUser user = CurrentUser.require();
        requireSupervisor(user);
        SpotCheckForm form = new SpotCheckForm(creditCode, cameraRef, checkedAt, result, problems);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(Locale.ROOT);
        Optional<EnterpriseSummary> enterprise = code.isEmpty() ? Optional.empty() : enterprises.findByCreditCode(code);
        if (enterprise.isEmpty()) {
            errors.put("creditCode", text(code.isEmpty() ? "monitoring.spotCheck.creditCode" : "monitoring.spotCheck.unknownEnterprise", locale));
        }
        Instant at = null;
        try {
            at = checkedAt == null || checkedAt.isBlank() ? null : LocalDateTime.parse(checkedAt.strip()).atZone(district.zone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.put("checkedAt", text("monitoring.spotCheck.time", locale));
        }
        try {
            // a known enterprise outside the recorder's scope is a 404 here, as on the API
            spotChecks.record(user, new SpotChecks.SpotCheckInput(enterprise.map(EnterpriseSummary::id).orElse(null), cameraRef, at, result, problems));
            return "redirect:/monitoring/spot-checks?saved"; // no error found before: the enterprise and the time were read
        } catch (DomainException e) {
            if (e.status() == HttpStatus.NOT_FOUND && enterprise.isPresent()) {
                throw e;
            }
            fieldErrors(e).forEach(errors::putIfAbsent);
            errors.remove("enterpriseId");
        }
        return spotCheckForm(form, errors, model);
    }

    private String spotCheckForm(SpotCheckForm form, Map<String, String> errors, Model model) {
        model.addAttribute("results", RESULTS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/spot-check-form";
    }

    private static void requireSupervisor(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.spotCheck.forbidden", "视频抽查由监管人员记录");
        }
    }

    private Map<String, String> fieldErrors(DomainException e) {
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.fieldErrors().isEmpty()) {
            errors.put("form", messages.getMessage(e.reason(), null, e.getMessage(), locale));
        }
        e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), messages.getMessage(f.code(), null, f.defaultMessage(), locale)));
        return errors;
    }

    private Map<UUID, String> names(List<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        enterprises.findAll(new java.util.HashSet<>(ids)).forEach((id, e) -> names.put(id, e.name()));
        return names;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
