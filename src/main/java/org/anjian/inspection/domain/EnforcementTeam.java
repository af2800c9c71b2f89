package org.anjian.inspection.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * 执法人员不得少于两人 (行政处罚法 第四十二条, 安全生产监督检查): an inspection, and the visit to an
 * unregistered site a lead names, is made by at least two inspectors who hold an enforcement
 * certificate.
 */
public final class EnforcementTeam {

    public static final int MINIMUM = 2;

    /** A member as the rule sees them: an inspector with or without an enforcement certificate. */
    public record Member(UUID id, boolean certifiedInspector) {
    }

    private EnforcementTeam() {
    }

    public static boolean isLawful(Collection<Member> team) {
        return team.stream().map(Member::id).distinct().count() >= MINIMUM && team.stream().allMatch(Member::certifiedInspector);
    }

    /** The refusal naming the field that lists the team. */
    public static InspectionRuleViolation.Field refusal() {
        return new InspectionRuleViolation.Field("inspectorIds", "inspection.inspectors", "须有至少两名持证执法人员");
    }

    static void require(List<Member> team) {
        if (!isLawful(team)) {
            InspectionRuleViolation.Field f = refusal();
            throw InspectionRuleViolation.invalid(f.field(), f.code(), f.defaultMessage());
        }
    }
}
