package org.anjian.standardization.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.standardization.StandardizationDemo;
import org.anjian.standardization.StandardizationGradesChanged;
import org.anjian.standardization.domain.GradeApplication;
import org.anjian.standardization.domain.GradeLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district's grades, fixed seed: about nine in ten 规上 四涉一有限一使用 enterprises and three in
 * four other 规上工贸 enterprises graded (so the district is near its targets, several towns below), grades
 * decided over the last three years (so some expire within the warning period), a few expired or
 * refused, some applications under review. The demo enterprise user's own grade (三级) expires soon.
 * The registry learns every demo enterprise's grade from one event. Only on an empty table.
 */
@Component
class DemoStandardization implements StandardizationDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoStandardization.class);
    private static final long SEED = 20261203L;

    private final StandardizationRepository repository;
    private final EnterpriseLookup enterprises;
    private final StandardizationProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    DemoStandardization(StandardizationRepository repository, EnterpriseLookup enterprises, StandardizationProperties properties, AuditTrail audit,
                        ApplicationEventPublisher events, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = district.zone();
    }

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (repository.hasAny()) {
            return;
        }
        Random rnd = new Random(SEED);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, String> grades = new HashMap<>();
        int graded = 0;
        int open = 0;
        for (int i = 0; i < demoEnterprises.size(); i++) {
            Optional<EnterpriseSummary> found = enterprises.find(demoEnterprises.get(i));
            if (found.isEmpty()) {
                continue;
            }
            EnterpriseSummary e = found.get();
            boolean above = e.sector() == Sector.INDUSTRY_TRADE && e.scale() == Scale.ABOVE_SIZE;
            boolean four = above && e.flags().stream().anyMatch(f -> f.isFourPlusTwo());
            double share = four ? 0.89 : above ? 0.76 : e.scale() == Scale.ABOVE_SIZE ? 0.55 : 0.12;
            GradeLevel level = pickLevel(rnd, e);
            grades.put(e.id(), null);
            if (i == 0) {
                // the demo enterprise user's own: 三级, expiring in 45 days
                insert(e, granted(e, level == GradeLevel.LEVEL_1 ? GradeLevel.LEVEL_3 : level, today.minusYears(3).plusDays(46), rnd), now);
                grades.put(e.id(), grades(e, level));
                graded++;
                continue;
            }
            if (rnd.nextDouble() < share) {
                // decided some day in the last three years: about one in twelve expires within the warning period
                LocalDate decided = today.minusDays(1 + rnd.nextInt(3 * 365 - 2));
                GradeApplication a = granted(e, level, decided, rnd);
                insert(e, a, now);
                grades.put(e.id(), a.level().name());
                graded++;
            } else if (e.scale() == Scale.ABOVE_SIZE && rnd.nextInt(3) == 0) {
                // graded once, expired without a new grade
                insert(e, expired(e, level, today.minusYears(3).minusDays(1 + rnd.nextInt(300)), rnd), now);
            } else if (rnd.nextInt(3) == 0 && open < 60) {
                insert(e, pending(e, level, today.minusDays(5 + rnd.nextInt(60)), rnd, rnd.nextBoolean()), now);
                open++;
            } else if (rnd.nextInt(12) == 0) {
                GradeApplication a = pending(e, level, today.minusDays(200 + rnd.nextInt(100)), rnd, true);
                a.decide(false, a.onsiteOn().plusDays(10), authority(level), null, "现场评审发现重大事故隐患未整改，不予定级", properties.minScore(level));
                insert(e, a, now);
            }
        }
        events.publishEvent(new StandardizationGradesChanged(grades));
        audit.record("DEMO_STANDARDIZATION_GENERATED", "standardization_application", null, null,
                Map.of("enterprises", grades.size(), "graded", graded, "open", open, "seed", SEED));
        log.info("Demo standardization: {} enterprises graded, {} applications under review", graded, open);
    }

    private static String grades(EnterpriseSummary e, GradeLevel level) {
        return (level == GradeLevel.LEVEL_1 ? GradeLevel.LEVEL_3 : level).name();
    }

    private GradeLevel pickLevel(Random rnd, EnterpriseSummary e) {
        int r = rnd.nextInt(100);
        if (e.scale() != Scale.ABOVE_SIZE) {
            return GradeLevel.LEVEL_3;
        }
        return r < 4 ? GradeLevel.LEVEL_1 : r < 38 ? GradeLevel.LEVEL_2 : GradeLevel.LEVEL_3;
    }

    private String authority(GradeLevel level) {
        return switch (properties.reviewer(level)) {
            case MINISTRY -> "应急管理部";
            case PROVINCE -> "重庆市应急管理局";
            case CITY -> "重庆市应急管理局";
            case DISTRICT -> "江津区应急管理局";
        };
    }

    private BigDecimal score(Random rnd, GradeLevel level, boolean passes) {
        int min = properties.minScore(level);
        double s = passes ? min + rnd.nextDouble() * Math.min(100 - min, 12) : min - 2 - rnd.nextDouble() * 10;
        return StandardizationRepository.score(s);
    }

    private GradeApplication pending(EnterpriseSummary e, GradeLevel level, LocalDate submitted, Random rnd, boolean reviewed) {
        GradeApplication a = GradeApplication.submit(UUID.randomUUID(), e.id(), level, properties.reviewer(level), score(rnd, level, true),
                properties.minScore(level), submitted);
        if (reviewed) {
            a.recordOnsite(null, score(rnd, level, rnd.nextInt(5) > 0), submitted.plusDays(3), "结合监督检查开展现场评审");
        }
        return a;
    }

    private GradeApplication granted(EnterpriseSummary e, GradeLevel level, LocalDate decided, Random rnd) {
        GradeApplication a = GradeApplication.submit(UUID.randomUUID(), e.id(), level, properties.reviewer(level), score(rnd, level, true),
                properties.minScore(level), decided.minusDays(40));
        a.recordOnsite(null, score(rnd, level, true), decided.minusDays(20), "结合监督检查开展现场评审");
        a.decide(true, decided, authority(level), documentNo(level, decided, rnd), null, properties.minScore(level));
        return a;
    }

    private GradeApplication expired(EnterpriseSummary e, GradeLevel level, LocalDate decided, Random rnd) {
        GradeApplication a = granted(e, level, decided, rnd);
        a.expire(GradeApplication.validUntil(decided).plusDays(1));
        return a;
    }

    private String documentNo(GradeLevel level, LocalDate decided, Random rnd) {
        String prefix = switch (properties.reviewer(level)) {
            case DISTRICT -> "津应急标";
            default -> "渝应急标";
        };
        return "%s〔%d〕%d号".formatted(prefix, decided.getYear(), 1 + rnd.nextInt(300));
    }

    private void insert(EnterpriseSummary e, GradeApplication a, Instant now) {
        repository.insert(new ApplicationRecord(a, e.name(), e.townId(), e.parkId(), e.sector().name(), null, now, 0), now);
    }
}
