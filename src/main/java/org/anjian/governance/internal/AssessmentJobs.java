package org.anjian.governance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily recomputation (once across the nodes): this month's scores, and on the first of a month last month's
 * too, so its snapshot holds the whole month. Between the nightly runs, a light check recomputes this month when
 * facts have arrived since the last run, so the 五色图 follows an accident within minutes.
 */
@Component
class AssessmentJobs {

    private static final Logger log = LoggerFactory.getLogger(AssessmentJobs.class);

    private final ScoreComputation computation;
    private final AssessmentRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    AssessmentJobs(ScoreComputation computation, AssessmentRepository repository, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.computation = computation;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    @Scheduled(cron = "${anjian.governance.assessment.daily-cron:0 40 0 * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "governance-assessment-daily", lockAtMostFor = "PT10M")
    @Transactional
    public void daily() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        YearMonth yesterday = YearMonth.from(today.minusDays(1));
        if (!yesterday.equals(YearMonth.from(today))) {
            computation.compute(yesterday);
        }
        ScoreComputation.Outcome o = computation.compute(YearMonth.from(today));
        audit.recordAs("system", null, "ASSESSMENT_RECOMPUTED", "assessment-score", o.period(), null,
                Map.of("units", o.units(), "durationMs", o.durationMs()));
        log.info("Assessment: {} units scored for {} in {} ms", o.units(), o.period(), o.durationMs());
    }

    @Scheduled(cron = "${anjian.governance.assessment.refresh-cron:0 */5 * * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "governance-assessment-refresh", lockAtMostFor = "PT5M")
    public void refreshWhenFactsArrived() {
        var last = repository.lastRun();
        var fact = repository.lastFactReceived();
        if (fact.isPresent() && (last.isEmpty() || fact.get().isAfter(last.get().computedAt()))) {
            computation.compute(YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)));
        }
    }
}
