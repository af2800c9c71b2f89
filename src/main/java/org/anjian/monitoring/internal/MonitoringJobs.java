package org.anjian.monitoring.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The alarm jobs, each on one node at a time (ShedLock): late replies escalate, silent sensors go offline. */
@Component
class MonitoringJobs {

    private final Alarms alarms;

    MonitoringJobs(Alarms alarms) {
        this.alarms = alarms;
    }

    @Scheduled(fixedDelayString = "${anjian.monitoring.escalation-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "monitoring.escalate", lockAtMostFor = "PT5M")
    void escalate() {
        alarms.escalate();
    }

    @Scheduled(fixedDelayString = "${anjian.monitoring.silence-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "monitoring.silence", lockAtMostFor = "PT5M")
    void silence() {
        alarms.silence();
    }
}
