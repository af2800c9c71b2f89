package org.anjian.inspection.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionPlanTest {

    static final Instant NOW = Instant.parse("2026-01-05T01:00:00Z");
    final UUID planId = UUID.randomUUID();

    InspectionPlan draft() {
        return new InspectionPlan(planId, 2026, PlanState.DRAFT);
    }

    PlanItem item(int month, boolean priority) {
        return new PlanItem(UUID.randomUUID(), planId, month, priority, false, null);
    }

    @Test
    void anApprovedPlanCannotBeEdited() {
        InspectionPlan plan = draft();
        plan.approve("admin", NOW);
        assertThat(plan.state()).isEqualTo(PlanState.APPROVED);
        assertThat(plan.approvedBy()).isEqualTo("admin");
        PlanItem item = item(3, false);
        assertThatThrownBy(() -> plan.moveItem(item, 4, null)).hasFieldOrPropertyWithValue("reason", "inspection.plan.notDraft");
        assertThatThrownBy(() -> plan.removeItem(item, "停产")).hasFieldOrPropertyWithValue("reason", "inspection.plan.notDraft");
        assertThatThrownBy(() -> plan.addItem(UUID.randomUUID(), true, 5, false, null)).hasFieldOrPropertyWithValue("reason", "inspection.plan.notDraft");
        assertThatThrownBy(() -> plan.approve("admin", NOW)).hasFieldOrPropertyWithValue("reason", "inspection.plan.notDraft");
        assertThat(item.month()).isEqualTo(3);
    }

    @Test
    void onlyAnApprovedPlanIsPublishedAndAYearHasOnePublishedPlan() {
        InspectionPlan plan = draft();
        assertThatThrownBy(() -> plan.publish("admin", NOW, false)).hasFieldOrPropertyWithValue("reason", "inspection.plan.notApproved");
        plan.approve("admin", NOW);
        assertThatThrownBy(() -> plan.publish("admin", NOW, true)).hasFieldOrPropertyWithValue("reason", "inspection.plan.alreadyPublished");
        plan.publish("admin", NOW, false);
        assertThat(plan.state()).isEqualTo(PlanState.PUBLISHED);
        assertThat(plan.publishedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> plan.publish("admin", NOW, false)).hasFieldOrPropertyWithValue("reason", "inspection.plan.notApproved");
    }

    @Test
    void aPriorityVisitStaysInItsQuarter() {
        PlanItem feb = item(2, true);
        draft().moveItem(feb, 3, "设备检修后");
        assertThat(feb.month()).isEqualTo(3);
        assertThat(feb.note()).isEqualTo("设备检修后");
        assertThatThrownBy(() -> draft().moveItem(feb, 4, null)).hasFieldOrPropertyWithValue("reason", "inspection.plan.quarter");
        draft().moveItem(feb, 1, null);
        assertThat(feb.month()).isEqualTo(1);
        assertThat(feb.note()).isEqualTo("设备检修后");
    }

    @Test
    void anOrdinaryVisitMovesToAnyMonthOfTheYear() {
        PlanItem item = item(2, false);
        draft().moveItem(item, 12, null);
        assertThat(item.month()).isEqualTo(12);
        for (Integer wrong : new Integer[] {null, 0, 13}) {
            assertThatThrownBy(() -> draft().moveItem(item, wrong, null)).hasFieldOrPropertyWithValue("reason", "inspection.plan.monthInvalid");
        }
    }

    @Test
    void anItemIsRemovedWithAReasonAndThenNotChangedAgain() {
        PlanItem item = item(6, false);
        for (String wrong : new String[] {null, "  ", "因".repeat(501)}) {
            assertThatThrownBy(() -> draft().removeItem(item, wrong)).hasFieldOrPropertyWithValue("reason", "inspection.plan.reasonRequired");
        }
        draft().removeItem(item, " 企业停产检修 ");
        assertThat(item.removed()).isTrue();
        assertThat(item.note()).isEqualTo("企业停产检修");
        assertThatThrownBy(() -> draft().moveItem(item, 7, null)).hasFieldOrPropertyWithValue("reason", "inspection.plan.itemRemoved");
        assertThatThrownBy(() -> draft().removeItem(item, "再删")).hasFieldOrPropertyWithValue("reason", "inspection.plan.itemRemoved");
    }

    @Test
    void anAddedVisitNamesAnEnterpriseAndAMonth() {
        assertThatThrownBy(() -> draft().addItem(UUID.randomUUID(), false, 0, false, null))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field)
                        .containsExactly("enterpriseId", "month"));
        PlanItem added = draft().addItem(UUID.randomUUID(), true, 12, true, " 复产后补检 ");
        assertThat(added.month()).isEqualTo(12);
        assertThat(added.priority()).isTrue();
        assertThat(added.note()).isEqualTo("复产后补检");
    }

    @Test
    void aPlanIsGeneratedForAYearWithACapacityOfOneToTwoHundredInspectionsPerInspectorAndMonth() {
        Set<String> sectors = Set.of("HAZCHEM", "NON_COAL_MINE");
        InspectionPlan.checkGeneration(2026, 200, List.of("HAZCHEM"), List.of(new InspectionPlan.CampaignRequest("危化品专项", "HAZCHEM", 12)), sectors);
        assertThatThrownBy(() -> InspectionPlan.checkGeneration(1999, 201, List.of("BAKERY"),
                List.of(new InspectionPlan.CampaignRequest("专项", "HAZCHEM", 13)), sectors))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field)
                        .containsExactly("year", "capacityPerInspectorMonth", "priorities.sectors", "priorities.campaigns"));
        assertThatThrownBy(() -> InspectionPlan.checkGeneration(2026, 0, List.of(), List.of(), sectors))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field)
                        .containsExactly("capacityPerInspectorMonth"));
    }
}
