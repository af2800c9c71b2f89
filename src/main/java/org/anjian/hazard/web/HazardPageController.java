package org.anjian.hazard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardState;
import org.anjian.hazard.internal.HazardRecord;
import org.anjian.hazard.internal.HazardRepository;
import org.anjian.hazard.internal.HazardService;
import org.anjian.hazard.internal.HazardStatistics;
import org.anjian.hazard.internal.ImageCheck;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Hazard pages: the phone form to report one, the list, a hazard's loop, and the regulator's dashboard. */
@Controller
@RequestMapping("/hazards")
class HazardPageController {

    static final String LIST = "hazard/list";
    static final String FORM = "hazard/form";
    static final String DETAIL = "hazard/detail";
    static final String DASHBOARD = "hazard/dashboard";
    private static final int EXPORT_LIMIT = 50_000;
    /** The state filter's value for every hazard not yet closed (未销号). */
    static final String OPEN = "OPEN";

    private final HazardService service;
    private final HazardStatistics statistics;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final MessageSource messages;
    private final Clock clock;
    private final org.anjian.hazard.internal.MajorHazardCriteria criteria;
    private final org.anjian.hazard.internal.HazardDeadlines deadlines;
    private final ZoneId zone;

    HazardPageController(HazardService service, HazardStatistics statistics, EnterpriseLookup enterprises,
                         OrganizationDirectory organization, MessageSource messages, Clock clock,
                         org.anjian.hazard.internal.MajorHazardCriteria criteria, org.anjian.hazard.internal.HazardDeadlines deadlines, DistrictProperties district) {
        this.zone = district.zone();
        this.deadlines = deadlines;
        this.criteria = criteria;
        this.service = service;
        this.statistics = statistics;
        this.enterprises = enterprises;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) HazardGrade grade,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean listed,
                @RequestParam(required = false) UUID regionId, @RequestParam(required = false) UUID enterpriseId,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        Instant now = clock.instant();
        HazardRepository.Filter filter = filter(state, grade, overdue, listed, regionId, enterpriseId, q, now);
        model.addAttribute("result", service.search(CurrentUser.require(), filter, PageRequest.of(page, 20)));
        model.addAttribute("now", now);
        model.addAttribute("states", stateOptions());
        model.addAttribute("grades", HazardGrade.values());
        model.addAttribute("towns", organization.townsForCurrentUser());
        model.addAttribute("townNames", townNames());
        model.addAttribute("state", filter.open() != null ? OPEN : filter.state());
        model.addAttribute("grade", grade);
        model.addAttribute("q", q);
        model.addAttribute("overdue", overdue);
        model.addAttribute("listed", listed);
        model.addAttribute("regionId", regionId);
        model.addAttribute("enterpriseId", enterpriseId);
        String qs = UriComponentsBuilder.fromPath("").queryParamIfPresent("state", Optional.ofNullable(state))
                .queryParamIfPresent("grade", Optional.ofNullable(grade)).queryParamIfPresent("overdue", Optional.ofNullable(overdue))
                .queryParamIfPresent("listed", Optional.ofNullable(listed)).queryParamIfPresent("regionId", Optional.ofNullable(regionId))
                .queryParamIfPresent("enterpriseId", Optional.ofNullable(enterpriseId))
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(v -> !v.isBlank())).encode().build().toUriString();
        model.addAttribute("base", "/hazards" + qs);
        model.addAttribute("exportUrl", "/hazards/export.xlsx" + qs);
        return LIST;
    }

    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) String state, @RequestParam(required = false) HazardGrade grade,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean listed,
                @RequestParam(required = false) UUID regionId, @RequestParam(required = false) UUID enterpriseId,
                @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        Instant now = clock.instant();
        PageResult<HazardRecord> all = service.search(CurrentUser.require(), filter(state, grade, overdue, listed, regionId, enterpriseId, q, now),
                new PageRequest(0, EXPORT_LIMIT));
        Map<String, String> towns = townNames();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", org.anjian.shared.web.Downloads.attachment(text("hazard.export.fileName") + "-" + LocalDate.ofInstant(now, zone) + ".xlsx"));
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
            Sheet sheet = wb.createSheet(text("hazard.title"));
            String[] headers = {"hazard.enterprise", "hazard.town", "hazard.place", "hazard.description", "hazard.grade", "hazard.source",
                    "hazard.state", "hazard.foundAt", "hazard.deadline", "hazard.overdue", "hazard.unreported"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(text(headers[i]));
            }
            int r = 1;
            for (HazardRecord h : all.items()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(h.enterpriseName());
                row.createCell(1).setCellValue(towns.getOrDefault(String.valueOf(h.townId()), ""));
                row.createCell(2).setCellValue(h.place());
                row.createCell(3).setCellValue(h.description());
                row.createCell(4).setCellValue(text("hazard.grade." + h.hazard().grade()));
                row.createCell(5).setCellValue(text("hazard.source." + h.hazard().source()));
                row.createCell(6).setCellValue(text("hazard.state." + h.hazard().state()));
                row.createCell(7).setCellValue(LocalDate.ofInstant(h.foundAt(), zone).toString());
                row.createCell(8).setCellValue(LocalDate.ofInstant(h.hazard().deadline().minusSeconds(1), zone).toString());
                row.createCell(9).setCellValue(h.hazard().isOverdue(now) ? text("hazard.yes") : "");
                row.createCell(10).setCellValue(h.hazard().unreported() ? text("hazard.yes") : "");
            }
            wb.write(out);
            wb.dispose();
        }
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) UUID enterpriseId, Model model) {
        AnjianUser user = CurrentUser.require();
        UUID target = enterpriseId != null ? enterpriseId : user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().id() : null;
        if (target != null) {
            enterprises.find(target).filter(e -> enterprises.inScope(user.scope(), e.id())).ifPresent(e -> {
                model.addAttribute("enterprise", e);
                model.addAttribute("criteria", criteria.search(e.sector().name(), null));
            });
        }
        model.addAttribute("grades", HazardGrade.values());
        model.addAttribute("defaultDeadline", LocalDate.now(clock.withZone(zone)).plusDays(15));
        return FORM;
    }

    @PostMapping("/new")
    String report(@ModelAttribute HazardService.NewHazard form, @RequestParam(required = false) MultipartFile photo, Model model,
                  RedirectAttributes redirect) throws IOException {
        AnjianUser user = CurrentUser.require();
        byte[] data = photo == null || photo.isEmpty() ? null : photo.getBytes();
        Optional<String> type = data == null ? Optional.empty() : ImageCheck.contentType(data);
        try {
            if (data != null && (data.length > ImageCheck.MAX_BYTES || type.isEmpty())) {
                throw DomainException.invalid("photo", data.length > ImageCheck.MAX_BYTES ? "hazard.photo.size" : "hazard.photo.type", "照片无效");
            }
            HazardRecord r = service.report(user, form);
            if (data != null) {
                service.addPhoto(user, r.hazard().id(), "FOUND", type.get(), data);
            }
            redirect.addFlashAttribute("message", "hazard.reported");
            return "redirect:/hazards/" + r.hazard().id();
        } catch (DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            model.addAttribute("errors", e.fieldErrors().stream()
                    .collect(Collectors.toMap(DomainException.FieldError::field, DomainException.FieldError::code, (a, b) -> a)));
            model.addAttribute("form", form);
            return newForm(form.enterpriseId(), model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        HazardRecord r = service.get(user, id);
        model.addAttribute("h", r);
        model.addAttribute("hazard", r.hazard());
        model.addAttribute("steps", service.steps(r));
        model.addAttribute("photos", service.photos(r));
        model.addAttribute("now", clock.instant());
        model.addAttribute("town", r.townId() == null ? "" : organization.region(r.townId()).map(Region::name).orElse(""));
        model.addAttribute("regulator", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.EXPERT));
        model.addAttribute("canList", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL));
        model.addAttribute("readOnly", user.hasRole(Role.AUDITOR));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        return DETAIL;
    }

    @PostMapping("/{id}/{action:plan|start|complete|verify|reject|close|list-supervision}")
    String step(@PathVariable UUID id, @PathVariable String action, @ModelAttribute HazardService.StepInput input, RedirectAttributes redirect) {
        try {
            service.step(CurrentUser.require(), id, action, input);
            redirect.addFlashAttribute("message", "hazard.step.done." + action);
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/hazards/" + id;
    }

    @PostMapping("/{id}/photos")
    String photo(@PathVariable UUID id, @RequestParam MultipartFile photo, @RequestParam(defaultValue = "FOUND") String stage,
                 RedirectAttributes redirect) throws IOException {
        byte[] data = photo.getBytes();
        Optional<String> type = ImageCheck.contentType(data);
        if (photo.isEmpty() || data.length > ImageCheck.MAX_BYTES || type.isEmpty()) {
            service.get(CurrentUser.require(), id);
            redirect.addFlashAttribute("error", data.length > ImageCheck.MAX_BYTES ? "hazard.photo.size" : "hazard.photo.type");
        } else {
            service.addPhoto(CurrentUser.require(), id, "RECTIFIED".equals(stage) ? "RECTIFIED" : "FOUND", type.get(), data);
            redirect.addFlashAttribute("message", "hazard.photo.added");
        }
        return "redirect:/hazards/" + id;
    }

    @GetMapping("/{id}/photos/{photoId}")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        HazardRepository.Photo p = service.photo(CurrentUser.require(), id, photoId);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(p.contentType()))
                .header("Cache-Control", "private, max-age=86400").body(p.data());
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        AnjianUser user = CurrentUser.require();
        service.requireReader(user);
        Instant now = clock.instant();
        ScopeConditions.Condition scope = service.scopeCondition(user.scope());
        Map<String, String> towns = townNames();
        model.addAttribute("overview", statistics.overview(scope, now));
        model.addAttribute("dueSoon", deadlines.dueWithin(scope, 3));
        model.addAttribute("byTown", statistics.openByTown(scope, now).stream()
                .map(c -> new HazardStatistics.Count(towns.getOrDefault(c.key(), "—"), c.count())).toList());
        model.addAttribute("bySector", statistics.openBySector(scope, now).stream()
                .map(c -> new HazardStatistics.Count(text("sector." + c.key()), c.count())).toList());
        Map<String, Long> ages = statistics.openByAge(scope, now).stream().collect(Collectors.toMap(HazardStatistics.Count::key, HazardStatistics.Count::count));
        model.addAttribute("byAge", List.of("D7", "D30", "D90", "OLDER").stream()
                .map(k -> new HazardStatistics.Count(text("hazard.age." + k), ages.getOrDefault(k, 0L))).toList());
        model.addAttribute("months", statistics.months(scope, now));
        model.addAttribute("repeats", statistics.repeats(scope, now, 10));
        return DASHBOARD;
    }

    private HazardRepository.Filter filter(String state, HazardGrade grade, Boolean overdue, Boolean listed, UUID regionId,
                                           UUID enterpriseId, String q, Instant now) {
        List<UUID> regions = regionId == null ? null : List.copyOf(organization.regionAndDescendants(regionId));
        boolean open = OPEN.equals(state);
        HazardState one = open || state == null || state.isBlank() ? null
                : java.util.Arrays.stream(HazardState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
        return new HazardRepository.Filter(one, grade, null, enterpriseId, regions, overdue, listed, now, open ? Boolean.TRUE : null, q);
    }

    /** 未销号 (every state before CLOSED) first, then each state: the tiles open the first. */
    private static List<String> stateOptions() {
        List<String> options = new java.util.ArrayList<>();
        options.add(OPEN);
        for (HazardState s : HazardState.values()) {
            options.add(s.name());
        }
        return options;
    }

    private Map<String, String> townNames() {
        return organization.regions().stream().collect(Collectors.toMap(r -> r.id().toString(), Region::name, (a, b) -> a));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

}
