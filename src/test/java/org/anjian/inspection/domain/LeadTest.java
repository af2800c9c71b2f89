package org.anjian.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.domain.EnforcementTeam.Member;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Instant NOW = Instant.parse("2026-06-15T03:00:00Z");
    static final Set<String> SECTORS = Set.of("INDUSTRY_TRADE", "NON_COAL_MINE", "HAZCHEM", "FIREWORKS");

    final UUID enterprise = UUID.randomUUID();
    final Member wang = new Member(UUID.randomUUID(), true);
    final Member li = new Member(UUID.randomUUID(), true);
    final List<String> planned = new ArrayList<>();
    final UUID inspection = UUID.randomUUID();
    final Lead.InspectionPlanner planner = (enterpriseId, team, on, reason) -> {
        planned.add(enterpriseId + " " + team + " " + on + " " + reason);
        return inspection;
    };

    Lead.Report report(String kind, UUID enterpriseId, String site) {
        return new Lead.Report(kind, enterpriseId, site, null, null, enterpriseId == null ? null : "INDUSTRY_TRADE", "夜间违规生产",
                TODAY.minusDays(3), "HOTLINE", "张三", "13812345678");
    }

    Lead aboutEnterprise() {
        return Lead.receive(UUID.randomUUID(), report("ILLEGAL_ACTIVITY", enterprise, null), true, SECTORS, TODAY);
    }

    Lead aboutUnregisteredSite() {
        return Lead.receive(UUID.randomUUID(), report("ILLEGAL_ACTIVITY", null, "无名作坊"), false, SECTORS, TODAY);
    }

    @Test
    void aLeadAssignedPlansAnUnplannedInspection() {
        Lead lead = aboutEnterprise();
        assertThat(lead.state()).isEqualTo(LeadState.NEW);
        lead.assign(List.of(wang, li), TODAY.plusDays(2), planner);
        assertThat(planned).containsExactly(enterprise + " " + List.of(wang.id(), li.id()) + " " + TODAY.plusDays(2) + " LEAD");
        assertThat(lead.state()).isEqualTo(LeadState.ASSIGNED);
        assertThat(lead.inspectionId()).isEqualTo(inspection);
        assertThat(lead.isAssignedTo(li.id())).isTrue();
    }

    @Test
    void anUnregisteredSiteIsVisitedByTwoCertifiedInspectorsWithoutAnInspection() {
        Lead lead = aboutUnregisteredSite();
        assertThatThrownBy(() -> lead.assign(List.of(wang), TODAY, planner))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field)
                        .containsExactly("inspectorIds"));
        assertThat(lead.state()).isEqualTo(LeadState.NEW);
        lead.assign(List.of(wang, li), TODAY, planner);
        assertThat(planned).isEmpty();
        assertThat(lead.inspectionId()).isNull();
        assertThat(lead.state()).isEqualTo(LeadState.ASSIGNED);
    }

    @Test
    void aLeadIsAssignedOnceAndOnlyAnAssignedLeadIsClosed() {
        Lead lead = aboutEnterprise();
        assertThatThrownBy(() -> lead.close("CONFIRMED", "属实", "wang", NOW)).hasFieldOrPropertyWithValue("reason", "inspection.lead.notAssigned");
        lead.assign(List.of(wang, li), TODAY, planner);
        assertThatThrownBy(() -> lead.assign(List.of(wang, li), TODAY, planner)).hasFieldOrPropertyWithValue("reason", "inspection.lead.notNew");
        assertThat(planned).hasSize(1);
        lead.close("CONFIRMED", " 属实，已立案 ", "wang", NOW);
        assertThat(lead.state()).isEqualTo(LeadState.CLOSED);
        assertThat(lead.result()).isEqualTo("属实，已立案");
        assertThatThrownBy(() -> lead.close("CONFIRMED", "再次", "wang", NOW)).hasFieldOrPropertyWithValue("reason", "inspection.lead.notAssigned");
    }

    @Test
    void aLeadIsClosedWithAnOutcomeAndWhatWasFound() {
        Lead lead = aboutEnterprise();
        lead.assign(List.of(wang, li), TODAY, planner);
        assertThatThrownBy(() -> lead.close("MAYBE", " ", "wang", NOW)).isInstanceOfSatisfying(InspectionRuleViolation.class,
                v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field).containsExactly("outcome", "result"));
        assertThat(lead.state()).isEqualTo(LeadState.ASSIGNED);
    }

    @Test
    void aRewardIsPaidOnceForAConfirmedLeadBetweenItsReceiptAndToday() {
        Lead unconfirmed = aboutEnterprise();
        unconfirmed.assign(List.of(wang, li), TODAY, planner);
        unconfirmed.close("NOT_CONFIRMED", "不属实", "wang", NOW);
        assertThatThrownBy(() -> unconfirmed.reward(500L, TODAY, TODAY)).hasFieldOrPropertyWithValue("reason", "inspection.lead.notConfirmed");

        Lead lead = aboutEnterprise();
        assertThatThrownBy(() -> lead.reward(500L, TODAY, TODAY)).hasFieldOrPropertyWithValue("reason", "inspection.lead.notConfirmed");
        lead.assign(List.of(wang, li), TODAY, planner);
        lead.close("CONFIRMED", "属实", "wang", NOW);
        assertThatThrownBy(() -> lead.reward(0L, TODAY.minusDays(4), TODAY)).isInstanceOfSatisfying(InspectionRuleViolation.class,
                v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field).containsExactly("amountYuan", "paidOn"));
        assertThatThrownBy(() -> lead.reward(500L, TODAY.plusDays(1), TODAY)).isInstanceOfSatisfying(InspectionRuleViolation.class,
                v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::code).containsExactly("inspection.lead.paidOnInvalid"));
        lead.reward(500L, TODAY.minusDays(3), TODAY);
        assertThat(lead.rewardYuan()).isEqualTo(500L);
        assertThatThrownBy(() -> lead.reward(500L, TODAY, TODAY)).hasFieldOrPropertyWithValue("reason", "inspection.lead.rewarded");
    }

    @Test
    void aWhistleblowerNamesTheEnterpriseTheyWorkIn() {
        assertThatThrownBy(() -> Lead.receive(UUID.randomUUID(), report("WHISTLEBLOWER", null, "某厂"), false, SECTORS, TODAY))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::code)
                        .containsExactly("inspection.lead.whistleblowerEnterprise"));
    }

    @Test
    void aLeadIsReceivedNoLaterThanToday() {
        Lead.Report tomorrow = new Lead.Report("ILLEGAL_ACTIVITY", enterprise, null, null, null, "HAZCHEM", "夜间违规生产", TODAY.plusDays(1), "HOTLINE",
                null, null);
        assertThatThrownBy(() -> Lead.receive(UUID.randomUUID(), tomorrow, true, SECTORS, TODAY)).isInstanceOfSatisfying(InspectionRuleViolation.class,
                v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::code).containsExactly("inspection.lead.receivedOnInvalid"));
        Lead.receive(UUID.randomUUID(), new Lead.Report("ILLEGAL_ACTIVITY", enterprise, null, null, null, "HAZCHEM", "夜间违规生产", TODAY, "HOTLINE",
                null, null), true, SECTORS, TODAY);
    }
}
