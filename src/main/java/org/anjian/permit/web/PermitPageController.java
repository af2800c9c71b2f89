package org.anjian.permit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.permit.domain.ApprovalLevel;
import org.anjian.permit.domain.CertificateCategory;
import org.anjian.permit.domain.GasReading;
import org.anjian.permit.domain.HotWorkGrade;
import org.anjian.permit.domain.PermitAction;
import org.anjian.permit.domain.PermitState;
import org.anjian.permit.domain.WorkGrade;
import org.anjian.permit.domain.WorkType;
import org.anjian.permit.internal.PermitService;
import org.anjian.permit.internal.PermitService.ActionInput;
import org.anjian.permit.internal.PermitService.PermitDetail;
import org.anjian.permit.internal.PermitService.PermitRow;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.live.LiveUpdates;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The permit pages: the enterprise's phone flow (its list, filling in, confirming measures with photos, gas
 * analysis, signing on the screen, every step of the life cycle), the regulator's "work under way" (list, counts,
 * map, export, supervision records) and each permit's live state, which the QR code on the printed permit opens.
 * Every button calls the same {@link PermitService} method as the API; a refusal is shown on the page in Chinese
 * with the status of the API's answer (409 or 400).
 */
@Controller
class PermitPageController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private final PermitService service;
    private final LiveUpdates live;
    private final OrganizationDirectory organization;
    private final ZoneId zone;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final org.anjian.permit.internal.PermitDocument document;

    PermitPageController(PermitService service, LiveUpdates live, OrganizationDirectory organization, DistrictProperties district,
                         MessageSource messages, java.time.Clock clock, org.anjian.permit.internal.PermitDocument document) {
        this.document = document;
        this.clock = clock;
        this.service = service;
        this.live = live;
        this.organization = organization;
        this.zone = district.zone();
        this.messages = messages;
    }

    // ---- lists ---------------------------------------------------------------------------------------

    @GetMapping("/permits")
    String list(@RequestParam(required = false) WorkType type, @RequestParam(required = false) WorkGrade grade,
                @RequestParam(required = false) PermitState state, @RequestParam(required = false) UUID townId,
                @RequestParam(required = false) LocalDate date, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        PermitService.Filter f = new PermitService.Filter(type, grade, state, null, townId, date);
        model.addAttribute("result", service.search(user, f, PageRequest.of(page, null)));
        model.addAttribute("types", WorkType.values());
        model.addAttribute("states", PermitState.values());
        model.addAttribute("type", type);
        model.addAttribute("state", state);
        String query = query(type, grade, state, townId, date);
        model.addAttribute("base", "/permits" + query);
        if (user.hasRole(Role.ENTERPRISE_USER)) {
            return "permit/mine";
        }
        model.addAttribute("grades", WorkGrade.values());
        model.addAttribute("grade", grade);
        model.addAttribute("towns", organization.towns());
        model.addAttribute("townId", townId);
        model.addAttribute("date", date);
        model.addAttribute("exportUrl", "/permits/export.xlsx" + query);
        model.addAttribute("counts", service.underWayCounts(user));
        model.addAttribute("points", points(service.underWay(user, f)));
        model.addAttribute("townPoints", organization.towns().stream().filter(t -> t.latitude() != null && t.longitude() != null)
                .map(t -> Map.of("name", t.name(), "lat", t.latitude(), "lon", t.longitude())).toList());
        model.addAttribute("supervisions", service.supervisions(user, PageRequest.of(0, 10)));
        return "permit/list";
    }

    private static String query(WorkType type, WorkGrade grade, PermitState state, UUID townId, LocalDate date) {
        var b = UriComponentsBuilder.newInstance();
        if (type != null) {
            b.queryParam("type", type.name());
        }
        if (grade != null) {
            b.queryParam("grade", grade.name());
        }
        if (state != null) {
            b.queryParam("state", state.name());
        }
        if (townId != null) {
            b.queryParam("townId", townId);
        }
        if (date != null) {
            b.queryParam("date", date);
        }
        return b.build().toUriString();
    }

    private static List<Map<String, Object>> points(List<PermitRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PermitRow r : rows) {
            if (r.latitude() == null || r.longitude() == null) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.id());
            p.put("number", r.number());
            p.put("enterprise", r.enterpriseName());
            p.put("type", r.typeLabel() + (r.grade() == WorkGrade.NONE ? "" : " " + r.gradeLabel()));
            p.put("state", r.state().name());
            p.put("stateLabel", r.stateLabel());
            p.put("lat", r.latitude());
            p.put("lon", r.longitude());
            out.add(p);
        }
        return out;
    }

    @GetMapping("/permits/export.xlsx")
    void export(@RequestParam(required = false) WorkType type, @RequestParam(required = false) WorkGrade grade,
                @RequestParam(required = false) PermitState state, @RequestParam(required = false) UUID townId,
                @RequestParam(required = false) LocalDate date, HttpServletResponse response) throws IOException {
        List<PermitRow> rows = service.export(CurrentUser.require(), new PermitService.Filter(type, grade, state, null, townId, date));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(text("permit.export.fileName") + ".xlsx"));
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
            Sheet sheet = wb.createSheet(text("permit.title"));
            String[] headers = {"permit.number", "permit.enterprise", "permit.type", "permit.grade", "permit.location", "permit.validFrom",
                    "permit.validTo", "permit.state"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(text(headers[i]));
            }
            int n = 1;
            for (PermitRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.number());
                row.createCell(1).setCellValue(r.enterpriseName() == null ? "" : r.enterpriseName());
                row.createCell(2).setCellValue(r.typeLabel());
                row.createCell(3).setCellValue(r.grade() == WorkGrade.NONE ? "" : r.gradeLabel());
                row.createCell(4).setCellValue(r.location());
                row.createCell(5).setCellValue(local(r.validFrom()));
                row.createCell(6).setCellValue(local(r.validTo()));
                row.createCell(7).setCellValue(r.stateLabel());
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** Server-Sent Events: a permit in the caller's scope changed (the list, the map and a permit's page reload what they show). */
    @GetMapping("/permits/live")
    SseEmitter liveUpdates() {
        AnjianUser user = CurrentUser.require();
        service.supervisions(user, PageRequest.of(0, 1)); // readers only: the others are refused before a stream opens
        return live.subscribe(PermitService.LIVE_TOPIC, m -> service.sees(user, m));
    }

    // ---- filling in ----------------------------------------------------------------------------------

    @GetMapping("/permits/new")
    String form(Model model) {
        requireEnterprise();
        Instant now = clock.instant();
        model.addAttribute("f", new LinkedHashMap<String, Object>(Map.of("validFrom", LOCAL.format(now.atZone(zone)),
                "validTo", LOCAL.format(now.plusSeconds(4 * 3600).atZone(zone)))));
        model.addAttribute("workers", List.of(Map.of()));
        return formView(model);
    }

    private String formView(Model model) {
        model.addAttribute("types", WorkType.values());
        model.addAttribute("sites", HotWorkGrade.Site.values());
        model.addAttribute("categories", CertificateCategory.values());
        return "permit/form";
    }

    @PostMapping("/permits")
    String create(@RequestParam Map<String, String> form, @RequestParam(name = "workerName", required = false) List<String> workerNames,
                  @RequestParam(name = "workerCategory", required = false) List<String> workerCategories,
                  @RequestParam(name = "workerNumber", required = false) List<String> workerNumbers,
                  @RequestParam(name = "workerValidUntil", required = false) List<String> workerValidUntil, Model model,
                  HttpServletResponse response) {
        AnjianUser user = requireEnterprise();
        try {
            List<PermitService.NewWorker> workers = new ArrayList<>();
            int n = workerNames == null ? 0 : workerNames.size();
            for (int i = 0; i < n; i++) {
                String name = workerNames.get(i);
                if (name == null || name.isBlank()) {
                    continue;
                }
                workers.add(new PermitService.NewWorker(name.strip(), parseEnum(CertificateCategory.class, at(workerCategories, i)),
                        at(workerNumbers, i), date(at(workerValidUntil, i), "workerValidUntil")));
            }
            List<String> measures = form.getOrDefault("measures", "").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            PermitService.NewPermit in = new PermitService.NewPermit(null, parseEnum(WorkType.class, form.get("type")), null,
                    parseEnum(HotWorkGrade.Site.class, form.get("hotWorkSite")), checked(form, "unitShutDownAndPurged"),
                    integer(form.get("windForce")), checked(form, "outdoor"), decimal(form.get("heightMetres"), "heightMetres"),
                    checked(form, "objectiveHazard"), decimal(form.get("massTonnes"), "massTonnes"), form.get("location"), form.get("content"),
                    instant(form.get("validFrom"), "validFrom"), instant(form.get("validTo"), "validTo"),
                    checked(form, "inFireOrExplosionHazardArea"), checked(form, "oxygenEnriched"), checked(form, "insideConfinedSpace"),
                    blank(form.get("linkedPermitNumbers")), form.get("applicant"), form.get("workLeader"), form.get("guardian"), workers, measures,
                    blank(form.get("reasonForLongerPower")));
            PermitDetail d = service.create(user, in);
            return "redirect:/permits/" + d.summary().id();
        } catch (DomainException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("f", form);
            List<Map<String, String>> workers = new ArrayList<>();
            for (int i = 0; workerNames != null && i < workerNames.size(); i++) {
                workers.add(Map.of("name", workerNames.get(i), "category", String.valueOf(at(workerCategories, i)), "number",
                        String.valueOf(at(workerNumbers, i)), "validUntil", String.valueOf(at(workerValidUntil, i))));
            }
            model.addAttribute("workers", workers.isEmpty() ? List.of(Map.of()) : workers);
            return formView(model);
        }
    }

    // ---- one permit ----------------------------------------------------------------------------------

    @GetMapping("/permits/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        PermitDetail d = service.detail(user, id);
        model.addAttribute("p", d);
        model.addAttribute("works", service.works(user, d));
        model.addAttribute("supervises", service.supervises(user) && !user.hasRole(Role.AUDITOR));
        model.addAttribute("supervisions", service.supervisions(user, id));
        model.addAttribute("levels", ApprovalLevel.values());
        model.addAttribute("signatureRoles", List.of("APPLICANT", "WORK_LEADER", "GUARDIAN", "APPROVER", "ACCEPTANCE"));
        model.addAttribute("now", LOCAL.format(clock.instant().atZone(zone)));
        model.addAttribute("actionLabels", actionLabels());
        return "permit/detail";
    }

    private static Map<String, String> actionLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (PermitAction a : PermitAction.values()) {
            m.put(a.path(), a.label());
        }
        return m;
    }

    /** Renders the permit again with the refusal (in Chinese) and the status the API would answer. */
    private String refused(UUID id, DomainException e, Model model, HttpServletResponse response) {
        if (e.status().value() == 404) {
            throw e;
        }
        detail(id, model);
        response.setStatus(e.status().value());
        model.addAttribute("error", e.getMessage());
        return "permit/detail";
    }

    @PostMapping("/permits/{id}/gas-analyses")
    String gas(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            List<PermitService.NewReading> readings = new ArrayList<>();
            if (!isBlank(form.get("combustible"))) {
                readings.add(new PermitService.NewReading(GasReading.Kind.COMBUSTIBLE, form.get("combustibleSubstance"),
                        decimal(form.get("combustible"), "combustible"), decimal(form.get("lel"), "lel"), null));
            }
            if (!isBlank(form.get("oxygen"))) {
                readings.add(new PermitService.NewReading(GasReading.Kind.OXYGEN, "氧气", decimal(form.get("oxygen"), "oxygen"), null, null));
            }
            if (!isBlank(form.get("toxic"))) {
                readings.add(new PermitService.NewReading(GasReading.Kind.TOXIC, form.get("toxicSubstance"), decimal(form.get("toxic"), "toxic"), null,
                        decimal(form.get("toxicLimit"), "toxicLimit")));
            }
            service.recordGasAnalysis(CurrentUser.require(), id, new PermitService.NewGasAnalysis(instant(form.get("sampledAt"), "sampledAt"),
                    form.get("place"), form.get("analyst"), readings));
            return "redirect:/permits/" + id + "#gas";
        } catch (DomainException e) {
            return refused(id, e, model, response);
        }
    }

    @PostMapping("/permits/{id}/measures/{index}")
    String confirm(@PathVariable UUID id, @PathVariable int index, @RequestParam(required = false) MultipartFile photo, Model model,
                   HttpServletResponse response) throws IOException {
        try {
            boolean has = photo != null && !photo.isEmpty();
            service.confirmMeasure(CurrentUser.require(), id, index, has ? photo.getBytes() : null, has ? photo.getOriginalFilename() : null);
            return "redirect:/permits/" + id + "#measures";
        } catch (DomainException e) {
            return refused(id, e, model, response);
        }
    }

    @PostMapping("/permits/{id}/signatures")
    String sign(@PathVariable UUID id, @RequestParam(required = false) String role, @RequestParam(required = false) String name,
                @RequestParam(required = false) String png, Model model, HttpServletResponse response) {
        try {
            service.sign(CurrentUser.require(), id, role, name, png);
            return "redirect:/permits/" + id + "#signatures";
        } catch (DomainException e) {
            return refused(id, e, model, response);
        }
    }

    @GetMapping("/permits/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request) {
        String liveUrl = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).path("/permits/{id}")
                .buildAndExpand(id).toUriString();
        byte[] pdf = document.render(CurrentUser.require(), id, liveUrl);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"permit-" + id + ".pdf\"").body(pdf);
    }

    @GetMapping("/permits/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        var p = service.photo(CurrentUser.require(), id, photoId).orElseThrow(() -> DomainException.notFound("photo"));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, p.contentType()).header("X-Content-Type-Options", "nosniff").body(p.content());
    }

    @GetMapping("/permits/{id}/signatures/{signatureId}")
    ResponseEntity<byte[]> signature(@PathVariable UUID id, @PathVariable UUID signatureId) {
        byte[] png = service.signaturePng(CurrentUser.require(), id, signatureId).orElseThrow(() -> DomainException.notFound("signature"));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "image/png").header("X-Content-Type-Options", "nosniff").body(png);
    }

    @GetMapping("/permits/{id}/supervision-photos/{photoId}")
    ResponseEntity<byte[]> supervisionPhoto(@PathVariable UUID id, @PathVariable UUID photoId) {
        var p = service.supervisionPhoto(CurrentUser.require(), id, photoId).orElseThrow(() -> DomainException.notFound("photo"));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, p.contentType()).header("X-Content-Type-Options", "nosniff").body(p.content());
    }

    @PostMapping("/permits/{id}/supervisions")
    String supervise(@PathVariable UUID id, @RequestParam(required = false) String agency, @RequestParam(required = false) String person,
                     @RequestParam(required = false) String visitedAt, @RequestParam(required = false) String findings,
                     @RequestParam(required = false) List<MultipartFile> photos, Model model, HttpServletResponse response) throws IOException {
        try {
            List<PermitService.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
                if (!f.isEmpty()) {
                    uploads.add(new PermitService.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
            service.recordSupervision(CurrentUser.require(), id, new PermitService.NewSupervision(agency, person, instant(visitedAt, "visitedAt"),
                    findings), uploads);
            return "redirect:/permits/" + id + "#supervision";
        } catch (DomainException e) {
            return refused(id, e, model, response);
        }
    }

    @PostMapping("/permits/{id}/{action:apply|approve|start|suspend|resume|complete|close|cancel}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String approver,
               @RequestParam(required = false) ApprovalLevel approvalLevel, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String handedBackTo, Model model, HttpServletResponse response) {
        try {
            PermitAction a = PermitAction.ofPath(action).orElseThrow(() -> DomainException.notFound("action"));
            service.act(CurrentUser.require(), id, a, new ActionInput(approver, approvalLevel, reason, handedBackTo));
            return "redirect:/permits/" + id;
        } catch (DomainException e) {
            return refused(id, e, model, response);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static AnjianUser requireEnterprise() {
        AnjianUser user = CurrentUser.require();
        if (!user.hasRole(Role.ENTERPRISE_USER)) {
            throw new org.springframework.security.access.AccessDeniedException("only an enterprise fills in its permits");
        }
        return user;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String local(Instant i) {
        return i == null ? "" : LOCAL.format(i.atZone(zone)).replace('T', ' ');
    }

    private Instant instant(String value, String field) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "permit.time.invalid", "时间格式不正确");
        }
    }

    private static LocalDate date(String value, String field) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "permit.date.invalid", "日期格式不正确");
        }
    }

    private static BigDecimal decimal(String value, String field) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "permit.number.invalid", "请填写数字");
        }
    }

    private static Integer integer(String value) {
        BigDecimal d = decimal(value, "windForce");
        return d == null ? null : d.intValue();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(type.getSimpleName(), "permit.choice.invalid", "请从列表中选择");
        }
    }

    private static Boolean checked(Map<String, String> form, String name) {
        return form.containsKey(name) && !"false".equals(form.get(name));
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static String blank(String s) {
        return isBlank(s) ? null : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
