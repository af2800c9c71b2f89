package org.anjian.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 现场处理措施 (安全生产法 第六十五条第一款第（三）项): for a major hazard (重大事故隐患) found on
 * site that cannot be kept safe before or while it is removed, the inspectors may order measures
 * such as suspending operation or evacuating people. A decision names at least one measure, the
 * major hazards of this inspection it is for (no other finding), why safety cannot be ensured, and
 * a term that does not end before today.
 */
public final class OnSiteMeasures {

    static final int LONGEST_BASIS = 2000;

    private OnSiteMeasures() {
    }

    /**
     * Checks a decision and returns the findings it is for, each once. {@code majorByFinding}: the
     * findings of the inspection, whether each is a major hazard.
     */
    public static List<UUID> decide(List<?> measures, List<UUID> findingIds, Map<UUID, Boolean> majorByFinding, String basis, LocalDate until,
                                    LocalDate today) {
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (measures == null || measures.isEmpty() || measures.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new InspectionRuleViolation.Field("measures", "inspection.measures.required", "请选择现场处理措施"));
        }
        List<UUID> ids = findingIds == null ? List.of() : findingIds.stream().distinct().toList();
        if (ids.isEmpty() || ids.stream().anyMatch(id -> !majorByFinding.containsKey(id))) {
            errors.add(new InspectionRuleViolation.Field("findingIds", "inspection.measures.findings", "请选择本次检查发现的重大事故隐患"));
        } else if (ids.stream().anyMatch(id -> !majorByFinding.get(id))) {
            errors.add(new InspectionRuleViolation.Field("findingIds", "inspection.measures.notMajor", "现场处理措施只适用于重大事故隐患"));
        }
        if (basis == null || basis.isBlank() || basis.length() > LONGEST_BASIS) {
            errors.add(new InspectionRuleViolation.Field("basis", "inspection.measures.basis", "请填写无法保证安全的情形"));
        }
        if (until == null || until.isBefore(today)) {
            errors.add(new InspectionRuleViolation.Field("until", "inspection.measures.until", "措施期限不能早于今天"));
        }
        InspectionRuleViolation.throwIfAny(errors);
        return ids;
    }
}
