package org.anjian.accident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.anjian.accident.AccidentDemo;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.ViolationRecords;
import org.anjian.penalty.PenaltyRecords;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district's accidents that followed what inspections had found (ENF-9): after the
 * earlier inspections and penalties exist, some factories found with a violation have an accident
 * months later — about one in thirty of those never penalised for it, one in eighty of those that
 * were, which is the pattern the district's analysis is meant to show. Runs once, after the
 * enforcement demos; never under prod.
 */
@Component
class DemoLaterAccidents implements AccidentDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoLaterAccidents.class);

    private final JdbcClient jdbc;
    private final ViolationRecords violations;
    private final PenaltyRecords penalties;
    private final EnterpriseLookup enterprises;
    private final DemoAccidents accidents;
    private final Clock clock;
    private final ZoneId zone;

    DemoLaterAccidents(JdbcClient jdbc, ViolationRecords violations, PenaltyRecords penalties, EnterpriseLookup enterprises, DemoAccidents accidents,
                       Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.violations = violations;
        this.penalties = penalties;
        this.enterprises = enterprises;
        this.accidents = accidents;
        this.clock = clock;
    }

    @Override
    public void load(List<UUID> demoEnterprises) {
        accidents.load(demoEnterprises);
    }

    @Override
    @Transactional
    public void loadAfterEnforcement() {
        if (jdbc.sql("select count(*) from acc_accident where recorded_by = '演示数据（执法后）'").query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from = LocalDate.of(today.getYear() - 2, 1, 1);
        Map<UUID, LocalDate> firstFinding = new HashMap<>();
        for (ViolationRecords.ViolationFact f : violations.found(from, today)) {
            firstFinding.merge(f.enterpriseId(), f.foundOn(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Set<UUID> penalised = new HashSet<>();
        penalties.decided(from, today).forEach(p -> penalised.add(p.enterpriseId()));
        Random rnd = new Random(20230303L);
        int made = 0;
        for (UUID id : firstFinding.keySet().stream().sorted().toList()) {
            int chance = penalised.contains(id) ? 12 : 35;   // per thousand
            if (rnd.nextInt(1000) >= chance) {
                continue;
            }
            var e = enterprises.find(id).filter(x -> x.sector() == Sector.INDUSTRY_TRADE);
            if (e.isEmpty()) {
                continue;
            }
            Instant at = firstFinding.get(id).plusDays(30 + rnd.nextInt(270)).atTime(8 + rnd.nextInt(10), rnd.nextInt(60)).atZone(zone).toInstant();
            if (at.isAfter(now.minus(Duration.ofDays(2)))) {
                continue;
            }
            // deaths only in earlier years, so that this year's demo targets stay what the accident demo made them
            int dead = LocalDate.ofInstant(at, zone).getYear() < today.getYear() && rnd.nextInt(5) == 0 ? 1 : 0;
            var r = accidents.factoryAccident(e.get(), at, dead, rnd, now);
            jdbc.sql("update acc_accident set recorded_by = '演示数据（执法后）' where id = ?").param(r.id()).update();
            made++;
        }
        log.info("Demo district: {} accidents at enterprises after inspections had found violations there", made);
    }
}
