package org.anjian.inspection.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnSiteMeasuresTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 8);
    final UUID major = UUID.randomUUID();
    final UUID minor = UUID.randomUUID();
    final Map<UUID, Boolean> findings = Map.of(major, true, minor, false);

    List<String> codes(Runnable decision) {
        try {
            decision.run();
            return List.of();
        } catch (InspectionRuleViolation v) {
            return v.fields().stream().map(InspectionRuleViolation.Field::code).toList();
        }
    }

    @Test
    void measuresAreDecidedForTheMajorHazardsOfThisInspectionOnly() {
        assertThat(OnSiteMeasures.decide(List.of("SUSPEND_OPERATION"), List.of(major, major), findings, "储罐泄漏无法控制", TODAY, TODAY))
                .containsExactly(major);
        assertThat(codes(() -> OnSiteMeasures.decide(List.of("SUSPEND_OPERATION"), List.of(major, minor), findings, "无法保证安全", TODAY, TODAY)))
                .containsExactly("inspection.measures.notMajor");
        assertThat(codes(() -> OnSiteMeasures.decide(List.of("SUSPEND_OPERATION"), List.of(UUID.randomUUID()), findings, "无法保证安全", TODAY, TODAY)))
                .containsExactly("inspection.measures.findings");
    }

    @Test
    void aDecisionNamesAMeasureWhySafetyCannotBeEnsuredAndATermFromToday() {
        assertThat(codes(() -> OnSiteMeasures.decide(List.of(), List.of(major), findings, " ", TODAY.minusDays(1), TODAY)))
                .containsExactly("inspection.measures.required", "inspection.measures.basis", "inspection.measures.until");
        assertThat(codes(() -> OnSiteMeasures.decide(List.of("EVACUATE_PERSONNEL"), List.of(major), findings, "情".repeat(2001), TODAY, TODAY)))
                .containsExactly("inspection.measures.basis");
        assertThat(codes(() -> OnSiteMeasures.decide(List.of("EVACUATE_PERSONNEL"), List.of(major), findings, "情".repeat(2000), TODAY, TODAY)))
                .isEmpty();
    }
}
