package org.anjian.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.anjian.monitoring.internal.IndicatorBulletin;
import org.anjian.monitoring.internal.MonitoringIndicators;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bulletin PDF from the pages (signed in with a session; the API's twin needs a bearer token): the month is chosen on the
 * alarm list and refused the same way as on the API (bad or future month: a Chinese message).
 */
@Controller
class BulletinPageController {

    private final IndicatorBulletin bulletin;
    private final Clock clock;
    private final DistrictProperties district;

    BulletinPageController(IndicatorBulletin bulletin, Clock clock, DistrictProperties district) {
        this.bulletin = bulletin;
        this.clock = clock;
        this.district = district;
    }

    @GetMapping("/monitoring/bulletin")
    ResponseEntity<byte[]> bulletin(@RequestParam(required = false) String month) {
        YearMonth m = MonitoringIndicators.month(month, LocalDate.now(clock.withZone(district.zone())));
        return CommitmentApiController.bulletinResponse(bulletin.render(CurrentUser.require(), m), m);
    }
}
