package org.anjian.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.RectificationOrderEscalated;
import org.anjian.inspection.ViolationCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RectificationOrderTest {

    static final Instant NOW = Instant.parse("2026-04-20T02:00:00Z");
    final UUID inspector1 = UUID.randomUUID();
    final UUID inspector2 = UUID.randomUUID();
    final List<String> issued = new ArrayList<>();
    final RectificationOrder.OpinionIssuer issuer = opinion -> {
        issued.add(opinion);
        return new RectificationOrder.IssuedOpinion(UUID.randomUUID(), "津应急复查〔2026〕" + issued.size() + "号");
    };

    RectificationOrder open() {
        return new RectificationOrder(UUID.randomUUID(), "津应急责改〔2026〕7号", UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 4, 20), OrderState.OPEN, null, null, List.of(inspector1, inspector2),
                Set.of(ViolationCategory.SAFETY_FACILITIES, ViolationCategory.TRAINING));
    }

    @Test
    void anOrderIsDueOnTheLatestFindingDeadlineAndReinspectedWithinTenDaysAfterIt() {
        LocalDate deadline = RectificationOrder.deadlineOf(List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 2)));
        RectificationOrder o = RectificationOrder.open(UUID.randomUUID(), "津应急责改〔2026〕1号", UUID.randomUUID(), UUID.randomUUID(), deadline, 10);
        assertThat(o.deadline()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(o.reinspectBy()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(o.state()).isEqualTo(OrderState.OPEN);
    }

    @Test
    void anInspectionWithoutFindingsGetsNoOrder() {
        assertThatThrownBy(() -> RectificationOrder.deadlineOf(List.of())).hasFieldOrPropertyWithValue("reason", "inspection.document.noFindings");
    }

    @Test
    void aRectifiedOrderIsClosedByItsReinspection() {
        RectificationOrder o = open();
        assertThat(o.reinspect(true, "  已整改完毕  ", "wang", NOW, issuer)).isEqualTo(OrderState.CLOSED);
        assertThat(issued).containsExactly("已整改完毕");
        assertThat(o.opinion()).isEqualTo("已整改完毕");
        assertThat(o.reinspectionDocumentId()).isNotNull();
        assertThat(o.reinspectionNumber()).isEqualTo("津应急复查〔2026〕1号");
        assertThat(o.pullEvents()).isEmpty();
    }

    @Test
    void anOrderNotCarriedOutAtReinspectionIsEscalated() {
        RectificationOrder o = open();
        assertThat(o.reinspect(false, "绝缘垫仍未设置", "wang", NOW, issuer)).isEqualTo(OrderState.ESCALATED);
        assertThat(o.pullEvents()).singleElement().isInstanceOfSatisfying(RectificationOrderEscalated.class, e -> {
            assertThat(e.orderId()).isEqualTo(o.documentId());
            assertThat(e.orderNumber()).isEqualTo("津应急责改〔2026〕7号");
            assertThat(e.inspectorIds()).containsExactly(inspector1, inspector2);
            assertThat(e.opinion()).isEqualTo("绝缘垫仍未设置");
            assertThat(e.categories()).containsExactlyInAnyOrder(ViolationCategory.SAFETY_FACILITIES, ViolationCategory.TRAINING);
        });
    }

    @Test
    void anOrderIsReinspectedOnlyOnce() {
        RectificationOrder o = open();
        o.reinspect(true, "已整改", "wang", NOW, issuer);
        assertThatThrownBy(() -> o.reinspect(false, "再次复查", "li", NOW, issuer))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("inspection.order.notOpen");
                    assertThat(v.isInvalidInput()).isFalse();
                });
        assertThat(issued).hasSize(1);
        assertThat(o.state()).isEqualTo(OrderState.CLOSED);
    }

    @Test
    void aReinspectionStatesItsOpinionInAtMostTwoThousandCharactersBeforeAnythingIsIssued() {
        RectificationOrder o = open();
        for (String wrong : new String[] {null, " ", "意".repeat(2001)}) {
            assertThatThrownBy(() -> o.reinspect(true, wrong, "wang", NOW, issuer)).hasFieldOrPropertyWithValue("reason", "inspection.order.opinion");
        }
        assertThat(issued).isEmpty();
        assertThat(o.state()).isEqualTo(OrderState.OPEN);
        o.reinspect(true, "意".repeat(2000), "wang", NOW, issuer);
        assertThat(o.state()).isEqualTo(OrderState.CLOSED);
    }

    @Test
    void anOpenOrderIsLateFromTheDayAfterItsReinspectionDate() {
        RectificationOrder o = open();
        assertThat(o.isLateOn(LocalDate.of(2026, 4, 20))).isFalse();
        assertThat(o.isLateOn(LocalDate.of(2026, 4, 21))).isTrue();
        o.reinspect(true, "已整改", "wang", NOW, issuer);
        assertThat(o.isLateOn(LocalDate.of(2026, 4, 21))).isFalse();
    }
}
