package org.anjian.penalty.internal;

import org.anjian.shared.config.DistrictProperties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.ViolationRecords;
import org.anjian.penalty.PenaltyDecided;
import org.anjian.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The penalties of the demo district's earlier years (ENF-9 needs them beside the findings): for
 * about a third of the enterprises found with a violation before this year, a closed case citing
 * that violation, decided three to six weeks after it was found and paid — this year's too, up to a
 * week ago, so that a regulator sees a year's worth of decisions beside a year's inspections. Like
 * the earlier inspections they stand for migrated records, so they carry no documents; each still
 * announces its {@link PenaltyDecided}, so that the enforcement indicators count the decisions the
 * penalty list shows (issue 19 #11). The cases still under way are {@link DemoPenalties}'s, made
 * through the whole life cycle. The handlers are two of the district's certified inspectors.
 */
@Component
class DemoPenaltyHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoPenaltyHistory.class);

    private final JdbcClient jdbc;
    private final ViolationRecords violations;
    private final UserDirectory users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final ZoneId zone;
    DemoPenaltyHistory(JdbcClient jdbc, ViolationRecords violations, UserDirectory users, Clock clock, DistrictProperties district,
                       ApplicationEventPublisher events) {
        this.events = events;
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.violations = violations;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public void load(List<UUID> enterpriseIds) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate thisYear = today.withDayOfYear(1);
        LocalDate lastDecision = today.minusDays(7);
        if (jdbc.sql("select count(*) from penalty_case where decided_on < ?").param(thisYear).query(Long.class).single() > 0) {
            return;
        }
        List<UUID> staff = users.usersWithRole(Role.INSPECTOR).stream()
                .filter(u -> u.enforcementCertNo() != null && !u.enforcementCertNo().isBlank()).map(UserSummary::id).sorted().toList();
        if (staff.size() < 2) {
            return;
        }
        // the first finding of each enterprise and category before this year
        Map<String, ViolationRecords.ViolationFact> first = new HashMap<>();
        for (ViolationRecords.ViolationFact f : violations.found(thisYear.minusYears(2), lastDecision.minusDays(21))) {
            first.merge(f.enterpriseId() + ":" + f.category(), f, (a, b) -> a.foundOn().isAfter(b.foundOn()) ? b : a);
        }
        Random rnd = new Random(20230302L);
        Map<Integer, Integer> numbers = new HashMap<>();
        int cases = 0;
        for (ViolationRecords.ViolationFact f : first.values().stream()
                .sorted(java.util.Comparator.comparing(ViolationRecords.ViolationFact::foundOn).thenComparing(ViolationRecords.ViolationFact::findingId)).toList()) {
            if (rnd.nextInt(100) >= 35) {
                continue;
            }
            LocalDate decided = f.foundOn().plusDays(21 + rnd.nextInt(22));
            if (decided.isAfter(lastDecision)) {
                continue;
            }
            int lead = rnd.nextInt(staff.size());
            List<UUID> team = List.of(staff.get(lead), staff.get((lead + 1 + rnd.nextInt(staff.size() - 1)) % staff.size()));
            long fine = f.category() == ViolationCategory.MAJOR_HAZARD_SOURCE || f.category() == ViolationCategory.HAZARDOUS_WORK_APPROVAL
                    ? 30_000 + 5_000L * rnd.nextInt(5) : 10_000 + 2_000L * rnd.nextInt(8);
            int seq = numbers.merge(decided.getYear(), 1, Integer::sum);
            UUID id = UUID.randomUUID();
            OffsetDateTime filed = f.foundOn().plusDays(3).atTime(10, 0).atZone(zone).toOffsetDateTime();
            OffsetDateTime decidedAt = decided.atTime(15, 0).atZone(zone).toOffsetDateTime();
            jdbc.sql("""
                    insert into penalty_case (id, state, source, inspection_id, enterprise_id, categories, facts, handler_ids, fine_yuan, measures,
                      legal_basis, discretion_rule, review_required, hearing_right, notified_on, decision_number, decided_at, decided_on, filed_by,
                      filed_at, updated_at)
                    values (?, 'CLOSED', 'INSPECTION', ?, ?, ?, ?, ?, ?, ?, ?, 'DEFAULT', ?, ?, ?, ?, ?, ?, 'demo', ?, ?)""")
                    .params(id, f.inspectionId(), f.enterpriseId(), new String[] {f.category().name()}, "检查发现的违法行为（历史案卷）。", team.toArray(UUID[]::new),
                            fine, new String[] {"FINE"}, "《中华人民共和国安全生产法》", fine >= 50_000, fine >= 50_000, decided.minusDays(7),
                            "津应急罚决〔" + decided.getYear() + "〕" + seq + "号", decidedAt, decided, filed, decidedAt.plusDays(15)).update();
            jdbc.sql("insert into penalty_payment (id, case_id, amount_yuan, paid_on, receipt_no, recorded_by, recorded_at) values (?, ?, ?, ?, ?, 'demo', ?)")
                    .params(UUID.randomUUID(), id, fine, decided.plusDays(12), "JY" + decided.getYear() + String.format("%05d", seq),
                            decidedAt.plusDays(12)).update();
            jdbc.sql("insert into penalty_timeline (case_id, at, actor, action, from_state, to_state, note) values (?, ?, 'demo', 'CLOSE', 'EXECUTING', 'CLOSED', ?)")
                    .params(id, decidedAt.plusDays(15), "历史案卷迁移").update();
            events.publishEvent(new PenaltyDecided(id, f.enterpriseId(), f.inspectionId(), team, fine, decidedAt.toInstant(), decided,
                    "津应急罚决〔" + decided.getYear() + "〕" + seq + "号", null, java.util.Set.of(f.category())));
            cases++;
        }
        log.info("Demo district: {} earlier penalty cases decided for what earlier inspections found", cases);
    }
}
