package org.anjian.inspection.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class UnplannedInspectionsTest {

    final UnplannedInspections tenPercent = new UnplannedInspections(0.10);

    @Test
    void anInspectionBeyondTheEnterprisesPlanItemsIsUnplanned() {
        assertThat(UnplannedInspections.isUnplanned(2, 2)).isFalse();
        assertThat(UnplannedInspections.isUnplanned(2, 3)).isTrue();
        assertThat(UnplannedInspections.isUnplanned(0, 1)).isTrue();
    }

    @Test
    void aDrawnInspectionIsUnplannedForTheRandomDrawUnlessItSaysWhy() {
        assertThat(UnplannedInspections.reasonOf(null, true)).isEqualTo("RANDOM_DRAW");
        assertThat(UnplannedInspections.reasonOf(" ", false)).isNull();
        assertThat(UnplannedInspections.reasonOf(" COMPLAINT ", true)).isEqualTo("COMPLAINT");
        assertThatThrownBy(() -> UnplannedInspections.reasonOf("WHIM", false)).hasFieldOrPropertyWithValue("reason", "inspection.plan.unplannedReason");
    }

    @Test
    void withoutAReasonTheUnplannedShareStaysAtMostTenPercent() {
        // 1 ÷ (9 + 1) = 10%: still allowed
        assertThatNoException().isThrownBy(() -> tenPercent.admitWithoutReason(9, 1));
        // 2 ÷ (9 + 2) ≈ 18%: refused
        assertThatThrownBy(() -> tenPercent.admitWithoutReason(9, 2)).isInstanceOfSatisfying(InspectionRuleViolation.class, v -> {
            assertThat(v.reason()).isEqualTo("inspection.plan.unplannedLimit");
            assertThat(v.isInvalidInput()).isFalse();
        });
        // 10 ÷ (90 + 10) = 10%, 11 ÷ (90 + 11) ≈ 10.9%
        assertThatNoException().isThrownBy(() -> tenPercent.admitWithoutReason(90, 10));
        assertThatThrownBy(() -> tenPercent.admitWithoutReason(90, 11)).hasFieldOrPropertyWithValue("reason", "inspection.plan.unplannedLimit");
    }
}
