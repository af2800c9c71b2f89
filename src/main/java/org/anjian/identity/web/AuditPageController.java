package org.anjian.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.anjian.identity.internal.AuditChainVerifier;
import org.anjian.identity.internal.AuditQuery;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.web.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The auditor's view of the trail: filters by actor, action, record and date; chain verification; CSV export. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditPageController {

    static final String VIEW = "identity/audit";
    static final String VERIFY_FRAGMENT = "identity/audit :: verification";

    private final AuditQuery query;
    private final AuditChainVerifier verifier;
    private final ZoneId zone;
    private final AuditRows rows;

    AuditPageController(AuditQuery query, AuditChainVerifier verifier, DistrictProperties district, AuditRows rows) {
        this.rows = rows;
        this.zone = district.zone();
        this.query = query;
        this.verifier = verifier;
    }

    @GetMapping
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        AuditQuery.Filter filter = filter(actor, action, entityType, entityId, from, to);
        var result = query.search(filter, PageRequest.of(page, 50));
        model.addAttribute("result", result);
        model.addAttribute("views", rows.views(result.items(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("actions", query.actions());
        model.addAttribute("actionNames", query.actions().stream().collect(java.util.stream.Collectors.toMap(a -> a,
                a -> rows.actionName(a, org.springframework.context.i18n.LocaleContextHolder.getLocale()), (a, b) -> a)));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        String qs = UriComponentsBuilder.fromPath("")
                .queryParamIfPresent("actor", blank(actor)).queryParamIfPresent("action", blank(action))
                .queryParamIfPresent("entityType", blank(entityType)).queryParamIfPresent("entityId", blank(entityId))
                .queryParamIfPresent("from", Optional.ofNullable(from)).queryParamIfPresent("to", Optional.ofNullable(to))
                .build().encode().toUriString();
        model.addAttribute("base", "/audit" + qs);
        model.addAttribute("exportUrl", "/audit/export.csv" + qs);
        return VIEW;
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", verifier.verify());
        return VERIFY_FRAGMENT;
    }

    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", org.anjian.shared.web.Downloads.attachment(rows.text("audit.export.fileName") + ".csv"));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
        out.println("seq,occurred_at,actor,action,entity_type,entity_id,client_address,before,after,hash");
        query.forEach(filter(actor, action, entityType, entityId, from, to), r -> out.println(String.join(",",
                Long.toString(r.seq()), r.occurredAt().toString(), csv(r.actor()), csv(r.action()), csv(r.entityType()),
                csv(r.entityId()), csv(r.clientAddress()), csv(r.before()), csv(r.after()), r.hash())));
        out.flush();
    }

    private AuditQuery.Filter filter(String actor, String action, String entityType, String entityId, LocalDate from, LocalDate to) {
        Instant f = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant t = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditQuery.Filter(actor, action, entityType, entityId, f, t);
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        // a cell starting with = + - @ would run as a formula in Excel
        String v = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
