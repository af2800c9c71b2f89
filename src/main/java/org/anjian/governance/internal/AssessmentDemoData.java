package org.anjian.governance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.anjian.governance.GovernanceDemo;
import org.anjian.governance.domain.AssessmentIndicator;
import org.anjian.governance.internal.AssessmentRepository.Target;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo year's targets for every town and department (varied by unit so the ranking spreads), then the scores
 * of each month so far from the facts the demo's events brought: the 五色图 has colours and a history. Once: a
 * database with targets for the year keeps them.
 */
@Component
class AssessmentDemoData implements GovernanceDemo {

    private static final Logger log = LoggerFactory.getLogger(AssessmentDemoData.class);

    private final AssessmentRepository repository;
    private final ScoreComputation computation;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    AssessmentDemoData(AssessmentRepository repository, ScoreComputation computation, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.computation = computation;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    @Override
    @Transactional
    public void load() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        int year = today.getYear();
        if (!repository.targets(year).isEmpty()) {
            return;
        }
        int n = 0;
        int set = 0;
        for (ScoreComputation.Unit u : computation.units()) {
            int k = n++ % 4;
            set += repository.saveTargetIfAbsent(new Target(year, u.kind(), u.id(), AssessmentIndicator.ACCIDENTS, BigDecimal.valueOf(1 + k % 3)), now);
            set += repository.saveTargetIfAbsent(new Target(year, u.kind(), u.id(), AssessmentIndicator.HAZARD_RECTIFICATION,
                    BigDecimal.valueOf(90 + k * 2)), now);
            set += repository.saveTargetIfAbsent(new Target(year, u.kind(), u.id(), AssessmentIndicator.ENFORCEMENT, BigDecimal.valueOf(2 + k)), now);
            set += repository.saveTargetIfAbsent(new Target(year, u.kind(), u.id(), AssessmentIndicator.STANDARDIZATION,
                    BigDecimal.valueOf(10 + 5 * k)), now);
        }
        long started = System.nanoTime();
        for (YearMonth m = YearMonth.of(year, 1); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            computation.compute(m);
        }
        audit.recordAs("system", null, "DEMO_DATA_GENERATED", "assessment-target", String.valueOf(year), null, Map.of("targets", set));
        log.info("Demo district: {} assessment targets for {}, scores for {} months in {} ms", set, year, today.getMonthValue(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
