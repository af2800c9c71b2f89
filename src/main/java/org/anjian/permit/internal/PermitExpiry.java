package org.anjian.permit.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * GB 30871-2022 4.16: a permit whose validity ran out before the work was completed is void, and the work needs a
 * new permit. Every five minutes, on one node (ShedLock), such permits move to 已过期 through the aggregate's
 * {@code expire} transition, each audited as the system and announced to open pages. Just after midnight, hot work still
 * under way without the new day's gas analysis is suspended (5.3.1 d: 每日动火前均应进行气体分析).
 */
@Component
class PermitExpiry {

    private static final Logger log = LoggerFactory.getLogger(PermitExpiry.class);
    private final PermitService service;

    PermitExpiry(PermitService service) {
        this.service = service;
    }

    @Scheduled(cron = "${anjian.permit.expiry-cron:0 */5 * * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "permit.expireOverdue", lockAtMostFor = "PT10M")
    public void scheduled() {
        int n = service.expireOverdue();
        if (n > 0) {
            log.info("Expired {} work permits past their validity (GB 30871-2022 4.16)", n);
        }
    }

    /** Just after midnight: hot work under way without the new day's gas analysis is suspended (GB 30871-2022 5.3.1 d). */
    @Scheduled(cron = "${anjian.permit.daily-analysis-cron:0 1 0 * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "permit.dailyGasAnalysis", lockAtMostFor = "PT10M")
    public void daily() {
        int n = service.suspendForDailyGasAnalysis();
        if (n > 0) {
            log.info("Suspended {} hot work permits for the day's gas analysis (GB 30871-2022 5.3.1 d)", n);
        }
    }
}
