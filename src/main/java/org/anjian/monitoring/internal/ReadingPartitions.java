package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The readings' monthly partitions: created at start-up and daily (one node, ShedLock) for the
 * months from the oldest kept through {@code monthsAhead} ahead; partitions older than
 * {@code retentionMonths} whole months are dropped, which deletes their readings at once.
 */
@Component
class ReadingPartitions {

    private static final Logger log = LoggerFactory.getLogger(ReadingPartitions.class);

    private final ReadingRepository repository;
    private final MonitoringProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReadingPartitions(ReadingRepository repository, MonitoringProperties properties, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class) // before the ApplicationRunners (the demo district writes readings)
    void atStartup() {
        maintain();
    }

    @Scheduled(cron = "${anjian.monitoring.partition-cron:0 15 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "monitoring.partitions", lockAtMostFor = "PT10M")
    void daily() {
        maintain();
    }

    /** Creates the missing partitions and drops the expired ones; answers the oldest month kept. */
    YearMonth maintain() {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth oldest = current.minusMonths(properties.retentionMonths());
        transactions.executeWithoutResult(tx -> {
            for (YearMonth m = oldest; !m.isAfter(current.plusMonths(properties.monthsAhead())); m = m.plusMonths(1)) {
                repository.ensurePartition(m);
            }
            for (YearMonth m : repository.partitions()) {
                if (m.isBefore(oldest)) {
                    repository.dropPartition(m);
                    log.info("dropped readings partition {} (retention {} months)", m, properties.retentionMonths());
                }
            }
        });
        return oldest;
    }
}
