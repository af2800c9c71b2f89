package org.anjian.accident.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.accident.domain.ViolationAccidentRelation;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.ViolationRecords;
import org.anjian.organization.ScopeConditions;
import org.anjian.penalty.PenaltyRecords;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The violation–penalty–accident relationship (ENF-9) in a user's scope: the inspections' findings
 * and the penalty decisions come from their modules, the accidents from ours, and
 * {@link ViolationAccidentRelation} relates them per enterprise.
 */
@Service
@Transactional(readOnly = true)
public class ViolationAnalysis {

    private final ViolationRecords violations;
    private final PenaltyRecords penalties;
    private final EnterpriseLookup enterprises;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    ViolationAnalysis(ViolationRecords violations, PenaltyRecords penalties, EnterpriseLookup enterprises, JdbcClient jdbc, DistrictProperties district) {
        this.zone = district.zone();
        this.violations = violations;
        this.penalties = penalties;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
    }

    /** Per cause class: enterprises with a violation of that class, and accidents whose recorded causes include it. */
    public record CauseRow(ViolationCategory.CauseClass causeClass, int violationEnterprises, long accidentsWithCause) {
    }

    public record Analysis(LocalDate from, LocalDate to, List<ViolationAccidentRelation.Row> rows, List<CauseRow> causes, int enterprises,
                           int penalised, int laterAccident) {
    }

    public Analysis analyse(DataScope scope, ScopeConditions.Condition accidentScope, LocalDate from, LocalDate to) {
        // the district sees every enterprise; any other scope reads its enterprise ids once (asking about each enterprise
        // found was a query per enterprise: 500-600 ms for a town on the demo district)
        boolean everything = scope.kind() == org.anjian.shared.security.ScopeKind.DISTRICT;
        Set<UUID> inScope = everything ? Set.of() : enterprises.idsInScope(scope);
        java.util.function.Predicate<UUID> visible = id -> id != null && (everything || inScope.contains(id));
        List<ViolationAccidentRelation.Violation> found = violations.found(from, to).stream()
                .filter(v -> visible.test(v.enterpriseId()))
                .map(v -> new ViolationAccidentRelation.Violation(v.enterpriseId(), v.category(), v.foundOn())).toList();
        List<ViolationAccidentRelation.Penalty> decided = penalties.decided(from, to).stream()
                .filter(p -> visible.test(p.enterpriseId()))
                .map(p -> new ViolationAccidentRelation.Penalty(p.enterpriseId(), p.categories(), p.decidedOn(), p.fineYuan())).toList();
        Map<String, Object> params = new HashMap<>(accidentScope.params());
        params.put("from", from.atStartOfDay(zone).toOffsetDateTime());
        params.put("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        String where = " from acc_accident a where a.occurred_at >= :from and a.occurred_at < :to and (" + accidentScope.sql() + ")";
        List<ViolationAccidentRelation.Accident> accidents = jdbc.sql("select a.enterprise_id, a.occurred_at, a.deaths + a.missing d" + where
                        + " and a.enterprise_id is not null")
                .params(params)
                .query((rs, n) -> new ViolationAccidentRelation.Accident(rs.getObject("enterprise_id", UUID.class),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate(), rs.getInt("d")))
                .list();
        List<ViolationAccidentRelation.Row> rows = ViolationAccidentRelation.analyse(found, decided, accidents);

        Map<ViolationCategory.CauseClass, Set<UUID>> byClass = new EnumMap<>(ViolationCategory.CauseClass.class);
        found.forEach(v -> byClass.computeIfAbsent(v.category().causeClass(), c -> new HashSet<>()).add(v.enterpriseId()));
        Map<String, Object> counts = jdbc.sql("select count(*) filter (where coalesce(trim(a.cause_behaviour), '') <> '') b, "
                        + "count(*) filter (where coalesce(trim(a.cause_condition), '') <> '') c, "
                        + "count(*) filter (where coalesce(trim(a.cause_management), '') <> '') m" + where)
                .params(params).query().singleRow();
        List<CauseRow> causes = List.of(
                new CauseRow(ViolationCategory.CauseClass.UNSAFE_BEHAVIOUR, byClass.getOrDefault(ViolationCategory.CauseClass.UNSAFE_BEHAVIOUR, Set.of()).size(),
                        ((Number) counts.get("b")).longValue()),
                new CauseRow(ViolationCategory.CauseClass.UNSAFE_CONDITION, byClass.getOrDefault(ViolationCategory.CauseClass.UNSAFE_CONDITION, Set.of()).size(),
                        ((Number) counts.get("c")).longValue()),
                new CauseRow(ViolationCategory.CauseClass.MANAGEMENT_DEFECT, byClass.getOrDefault(ViolationCategory.CauseClass.MANAGEMENT_DEFECT, Set.of()).size(),
                        ((Number) counts.get("m")).longValue()));
        Set<UUID> all = new HashSet<>();
        found.forEach(v -> all.add(v.enterpriseId()));
        Set<UUID> penalisedAny = new HashSet<>();
        decided.forEach(p -> {
            if (all.contains(p.enterpriseId())) {
                penalisedAny.add(p.enterpriseId());
            }
        });
        Map<UUID, LocalDate> firstFinding = new HashMap<>();
        found.forEach(v -> firstFinding.merge(v.enterpriseId(), v.foundOn(), (x, y) -> x.isBefore(y) ? x : y));
        long later = firstFinding.entrySet().stream()
                .filter(e -> accidents.stream().anyMatch(a -> a.enterpriseId().equals(e.getKey()) && a.occurredOn().isAfter(e.getValue()))).count();
        return new Analysis(from, to, rows, causes, all.size(), penalisedAny.size(), (int) later);
    }
}
