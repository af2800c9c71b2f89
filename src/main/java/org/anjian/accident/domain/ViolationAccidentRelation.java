package org.anjian.accident.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;

/**
 * How violations lead to accidents (ENF-9): for each category of violation found in inspections,
 * how many enterprises had it, how many of those were penalised for it, and how many later had an
 * accident — split by whether they were penalised, which is the question the district asks of its
 * enforcement ("does a penalty prevent the accident?").
 * <p>
 * Counted per enterprise, not per finding: an enterprise found three times with unlicensed
 * operators counts once, from its first finding. "Penalised" is a penalty decision citing the same
 * category on or after that first finding; "later accident" is an accident strictly after it (an
 * accident on the day of the inspection was not caused by what the inspection found).
 */
public final class ViolationAccidentRelation {

    /** The six focus areas the district's plan names (主要负责人履职, 特种作业持证, 危险作业审批, 检维修, 外包, 重大危险源). */
    public static final Set<ViolationCategory> FOCUS = Set.of(ViolationCategory.PRINCIPAL_DUTIES, ViolationCategory.SPECIAL_OPERATORS,
            ViolationCategory.HAZARDOUS_WORK_APPROVAL, ViolationCategory.MAINTENANCE, ViolationCategory.OUTSOURCING,
            ViolationCategory.MAJOR_HAZARD_SOURCE);

    public record Violation(UUID enterpriseId, ViolationCategory category, LocalDate foundOn) {
    }

    public record Penalty(UUID enterpriseId, Set<ViolationCategory> categories, LocalDate decidedOn, long fineYuan) {
    }

    public record Accident(UUID enterpriseId, LocalDate occurredOn, int deaths) {
    }

    /**
     * One category's row. {@code laterAccidentPenalised + laterAccidentUnpenalised == laterAccident};
     * {@code fineYuan} is the fines decided for this category (a decision citing two categories counts for both).
     */
    public record Row(ViolationCategory category, ViolationCategory.CauseClass causeClass, boolean focus, int enterprises, int penalised,
                      int laterAccident, int laterAccidentPenalised, int laterAccidentUnpenalised, int laterDeaths, long fineYuan) {

        /** Share of the enterprises with this violation that later had an accident, in percent with one decimal; 0 when none. */
        public double accidentRate() {
            return enterprises == 0 ? 0 : Math.round(laterAccident * 1000.0 / enterprises) / 10.0;
        }

        public double penaltyRate() {
            return enterprises == 0 ? 0 : Math.round(penalised * 1000.0 / enterprises) / 10.0;
        }
    }

    private ViolationAccidentRelation() {
    }

    /** Every category, in the enum's order (focus areas first), with zero rows kept so that the table is complete. */
    public static List<Row> analyse(Collection<Violation> violations, Collection<Penalty> penalties, Collection<Accident> accidents) {
        Map<ViolationCategory, Map<UUID, LocalDate>> first = new EnumMap<>(ViolationCategory.class);
        for (Violation v : violations) {
            if (v.enterpriseId() == null || v.category() == null || v.foundOn() == null) {
                continue;
            }
            first.computeIfAbsent(v.category(), c -> new HashMap<>()).merge(v.enterpriseId(), v.foundOn(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<UUID, List<Penalty>> penaltiesByEnterprise = new HashMap<>();
        for (Penalty p : penalties) {
            penaltiesByEnterprise.computeIfAbsent(p.enterpriseId(), e -> new ArrayList<>()).add(p);
        }
        Map<UUID, List<Accident>> accidentsByEnterprise = new HashMap<>();
        for (Accident a : accidents) {
            if (a.enterpriseId() != null) {
                accidentsByEnterprise.computeIfAbsent(a.enterpriseId(), e -> new ArrayList<>()).add(a);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ViolationCategory category : ViolationCategory.values()) {
            Map<UUID, LocalDate> found = first.getOrDefault(category, Map.of());
            int penalised = 0;
            int later = 0;
            int laterPenalised = 0;
            int deaths = 0;
            for (Map.Entry<UUID, LocalDate> e : found.entrySet()) {
                LocalDate since = e.getValue();
                boolean wasPenalised = penaltiesByEnterprise.getOrDefault(e.getKey(), List.of()).stream()
                        .anyMatch(p -> p.categories().contains(category) && !p.decidedOn().isBefore(since));
                List<Accident> after = accidentsByEnterprise.getOrDefault(e.getKey(), List.of()).stream()
                        .filter(a -> a.occurredOn().isAfter(since)).toList();
                if (wasPenalised) {
                    penalised++;
                }
                if (!after.isEmpty()) {
                    later++;
                    deaths += after.stream().mapToInt(Accident::deaths).sum();
                    if (wasPenalised) {
                        laterPenalised++;
                    }
                }
            }
            long fines = 0;
            Set<Penalty> counted = new HashSet<>();
            for (Penalty p : penalties) {
                if (p.categories().contains(category) && counted.add(p)) {
                    fines += p.fineYuan();
                }
            }
            rows.add(new Row(category, category.causeClass(), FOCUS.contains(category), found.size(), penalised, later, laterPenalised,
                    later - laterPenalised, deaths, fines));
        }
        return rows;
    }
}
