package org.anjian.standardization.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every night, grades past their last day (3 years) expire and the registry's grade follows; once across the nodes. */
@Component
class GradeExpiryJob {

    private final StandardizationService service;

    GradeExpiryJob(StandardizationService service) {
        this.service = service;
    }

    @Scheduled(cron = "0 20 0 * * *", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "standardization-expiry", lockAtMostFor = "PT10M")
    void expire() {
        service.expireDue();
    }
}
