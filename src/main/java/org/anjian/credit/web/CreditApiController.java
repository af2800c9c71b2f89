package org.anjian.credit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.credit.internal.CreditRecord;
import org.anjian.credit.internal.CreditService;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "credit-records", description = "黑名单与不良记录 (credit records) and the 信用重庆 feed")
class CreditApiController {

    private final CreditService service;
    private final Clock clock;
    private final ZoneId zone;
    private final String committee;

    CreditApiController(CreditService service, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.committee = district.committee();
        this.service = service;
        this.clock = clock;
    }

    record CreditView(UUID id, String subjectType, String subjectName, String creditCode, UUID enterpriseId, String kind, String cause,
                      String causeDetail, String sourceRef, String authority, LocalDate decisionDate, Integer termMonths, LocalDate expiresOn,
                      String status, boolean published, Instant publishedAt, LocalDate repairOn, String repairNote, LocalDate removedOn,
                      String removalReason) {
        static CreditView of(CreditRecord r, LocalDate today) {
            return new CreditView(r.id(), r.subjectType(), r.subjectName(), r.creditCode(), r.enterpriseId(), r.kind(), r.cause(),
                    r.causeDetail(), r.sourceRef(), r.authority(), r.decisionDate(), r.termMonths(), r.expiresOn(), r.displayStatus(today),
                    r.published(), r.publishedAt(), r.repairOn(), r.repairNote(), r.removedOn(), r.removalReason());
        }
    }

    /** What 信用重庆 receives: published entries only, with their current status (removal stays visible). */
    record FeedEntry(UUID id, String subjectType, String subjectName, String creditCode, String kind, String cause, String causeDetail,
                     String authority, LocalDate decisionDate, LocalDate expiresOn, String status, Instant publishedAt, LocalDate removedOn) {
        static FeedEntry of(CreditRecord r, LocalDate today) {
            return new FeedEntry(r.id(), r.subjectType(), r.subjectName(), r.creditCode(), r.kind(), r.cause(), r.causeDetail(), r.authority(),
                    r.decisionDate(), r.expiresOn(), r.displayStatus(today), r.publishedAt(), r.removedOn());
        }
    }

    record Feed(String publisher, Instant generatedAt, int count, List<FeedEntry> entries) {
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    @GetMapping("/api/v1/credit-records")
    @Operation(summary = "Credit entries (proposals, in force, removed); an enterprise sees its own")
    PageResult<CreditView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                                @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        LocalDate today = today();
        return service.search(CurrentUser.require(), status, kind, enterpriseId, PageRequest.of(page, size)).map(r -> CreditView.of(r, today));
    }

    @GetMapping("/api/v1/credit-records/{id}")
    CreditView get(@PathVariable UUID id) {
        return CreditView.of(service.get(CurrentUser.require(), id), today());
    }

    @PostMapping("/api/v1/credit-records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a decided entry (district); term 36 months unless given")
    CreditView create(@RequestBody CreditService.NewCreditRecord body) {
        return CreditView.of(service.create(CurrentUser.require(), body), today());
    }

    @PostMapping("/api/v1/credit-records/{id}/{action:decide|reject|publish|repair|remove}")
    @Operation(summary = "decide a proposal, reject it, publish, record credit repair, remove (early only after repair and 12 months)")
    CreditView step(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) CreditService.StepInput body) {
        return CreditView.of(service.step(CurrentUser.require(), id, action, body), today());
    }

    @GetMapping(path = {"/api/v1/public/credit-records/feed.json", "/api/v1/credit-records/feed.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Public feed for 信用重庆 (JSON): published entries only")
    Feed feedJson() {
        LocalDate today = today();
        List<FeedEntry> entries = service.published().stream().map(r -> FeedEntry.of(r, today)).toList();
        return new Feed(committee, clock.instant(), entries.size(), entries);
    }

    @GetMapping(path = {"/api/v1/public/credit-records/feed.csv", "/api/v1/credit-records/feed.csv"})
    @Operation(summary = "Public feed for 信用重庆 (CSV, UTF-8 with BOM): published entries only")
    ResponseEntity<byte[]> feedCsv() {
        LocalDate today = today();
        StringBuilder csv = new StringBuilder("\uFEFFid,subjectType,subjectName,creditCode,kind,cause,causeDetail,authority,decisionDate,expiresOn,status,publishedAt,removedOn\r\n");
        for (CreditRecord r : service.published()) {
            FeedEntry e = FeedEntry.of(r, today);
            csv.append(String.join(",", cell(e.id()), cell(e.subjectType()), cell(e.subjectName()), cell(e.creditCode()), cell(e.kind()),
                    cell(e.cause()), cell(e.causeDetail()), cell(e.authority()), cell(e.decisionDate()), cell(e.expiresOn()), cell(e.status()),
                    cell(e.publishedAt()), cell(e.removedOn()))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"credit-records.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so that a spreadsheet does not run it. */
    static String cell(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.matches(".*[\",\r\n].*") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
