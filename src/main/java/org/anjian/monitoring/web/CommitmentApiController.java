package org.anjian.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.monitoring.internal.Commitments;
import org.anjian.monitoring.internal.Duties;
import org.anjian.monitoring.internal.IndicatorBulletin;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.anjian.monitoring.internal.MonitoringIndicators;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** MON-3 daily safety commitments and MON-4 indicators. */
@RestController
@Tag(name = "monitoring", description = "监测预警: 传感器、读数、报警")
class CommitmentApiController {

    private final Commitments commitments;
    private final MonitoringIndicators indicators;
    private final Duties duties;
    private final IndicatorBulletin bulletin;

    private final java.time.Clock clock;
    private final org.anjian.shared.config.DistrictProperties district;

    CommitmentApiController(Commitments commitments, MonitoringIndicators indicators, Duties duties, IndicatorBulletin bulletin, java.time.Clock clock,
                            org.anjian.shared.config.DistrictProperties district) {
        this.clock = clock;
        this.district = district;
        this.bulletin = bulletin;
        this.commitments = commitments;
        this.duties = duties;
        this.indicators = indicators;
    }

    @PostMapping("/api/v1/safety-commitments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The enterprise's safety commitment for today (安全承诺公告), once a day; on time before 10:00 local time")
    Commitments.CommitmentView commit(@RequestBody Commitments.CommitmentInput body) {
        return commitments.commit(CurrentUser.require(), body);
    }

    @GetMapping("/api/v1/safety-commitments")
    @Operation(summary = "Commitments in the caller's scope between two days (default the last 7), newest first, at most 500")
    List<Commitments.CommitmentView> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) LocalDate from,
                                          @RequestParam(required = false) LocalDate to) {
        return commitments.search(CurrentUser.require(), enterpriseId, from, to);
    }

    @PostMapping("/api/v1/custodian-duties")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records a 包保责任人's duty on one of the enterprise's major hazard sources (应急厅〔2021〕12号)")
    Duties.DutyView recordDuty(@RequestBody Duties.DutyInput body) {
        return duties.record(CurrentUser.require(), body);
    }

    @GetMapping("/api/v1/custodian-duties")
    @Operation(summary = "包保 duty records in the caller's scope between two days (default the last 3 months), newest first, at most 500")
    List<Duties.DutyView> duties(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID unitId,
                                 @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return duties.search(CurrentUser.require(), enterpriseId, unitId, from, to);
    }

    @GetMapping("/api/v1/monitoring/indicators")
    @Operation(summary = "Online rate, commitment rate, 包保 duty rate and alarm reply rate per enterprise and town in the caller's scope (MON-4)")
    MonitoringIndicators.Indicators indicators(@RequestParam(required = false) String month) {
        return indicators.of(CurrentUser.require(), MonitoringIndicators.month(month, today()));
    }

    @GetMapping("/api/v1/monitoring/indicators/pdf")
    @Operation(summary = "The indicators as a bulletin PDF (embedded CJK font): by town, with the worst enterprises (MON-4); "
            + "month=YYYY-MM for a past month (on its last day; no future month), default the current one")
    ResponseEntity<byte[]> bulletin(@RequestParam(required = false) String month) {
        java.time.YearMonth m = MonitoringIndicators.month(month, today());
        byte[] pdf = bulletin.render(CurrentUser.require(), m);
        return bulletinResponse(pdf, m);
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(district.zone()));
    }

    /** The PDF inline, named after its month (RFC 5987 for the Chinese name, an ASCII fallback). */
    public static ResponseEntity<byte[]> bulletinResponse(byte[] pdf, java.time.YearMonth month) {
        String suffix = month == null ? "" : "-" + month;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename("监测预警指标通报" + suffix + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
