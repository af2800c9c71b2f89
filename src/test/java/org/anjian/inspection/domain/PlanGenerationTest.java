package org.anjian.inspection.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.domain.PlanGeneration.Candidate;
import org.anjian.inspection.domain.PlanGeneration.Result;
import org.anjian.inspection.domain.PlanGeneration.Visit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanGenerationTest {

    static UUID id(int n) {
        return UUID.nameUUIDFromBytes(("plan-test-" + n).getBytes());
    }

    static List<Candidate> classC(int count) {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Candidate(id(i), "INDUSTRY_TRADE", false, 1));
        }
        return list;
    }

    @Test
    void aClassAEnterpriseWithFourInspectionsAYearIsVisitedEveryThreeMonths() {
        Result r = PlanGeneration.generate(List.of(new Candidate(id(1), "HAZCHEM", true, 4)), Set.of(), List.of(), 100);
        assertThat(r.visits()).extracting(Visit::month).containsExactly(1, 4, 7, 10);
        assertThat(r.visits()).allMatch(Visit::priority);
        assertThat(r.totalShortfall()).isZero();
    }

    @Test
    void visitsAreSpreadEvenlyAboutTwelveOverNMonthsApart() {
        Result five = PlanGeneration.generate(List.of(new Candidate(id(1), "HAZCHEM", false, 5)), Set.of(), List.of(), 100);
        assertThat(five.visits()).extracting(Visit::month).containsExactly(1, 3, 5, 8, 10);
        Result two = PlanGeneration.generate(List.of(new Candidate(id(1), "HAZCHEM", false, 2)), Set.of(), List.of(), 100);
        assertThat(two.visits()).extracting(Visit::month).containsExactly(1, 7);
    }

    @Test
    void monthsComeOutBalanced() {
        Result r = PlanGeneration.generate(classC(24), Set.of(), List.of(), 100);
        assertThat(r.load()).containsOnly(2);
    }

    @Test
    void demandOverCapacityIsReportedAsShortfallNotDropped() {
        // 30 visits, capacity 2 a month = 24 a year: 6 short, one in each of the first six months
        Result r = PlanGeneration.generate(classC(30), Set.of(), List.of(), 2);
        assertThat(r.visits()).hasSize(30);
        assertThat(r.totalShortfall()).isEqualTo(6);
        assertThat(r.shortfall()).containsExactly(1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        // at exactly the capacity nothing is short
        assertThat(PlanGeneration.generate(classC(24), Set.of(), List.of(), 2).totalShortfall()).isZero();
    }

    @Test
    void priorityVisitsNeverLeaveTheirQuarter() {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            list.add(new Candidate(id(i), "HAZCHEM", true, 4));
        }
        Result r = PlanGeneration.generate(list, Set.of(), List.of(), 3);
        assertThat(r.visits()).hasSize(40);
        assertThat(r.visits()).allMatch(v -> (v.month() - 1) / 3 == (v.generatedMonth() - 1) / 3);
        // months 1, 4, 7, 10 carry 4 each against a capacity of 3; their quarters are full
        assertThat(r.totalShortfall()).isEqualTo(4);
    }

    @Test
    void prioritySectorsAndCampaignsAddVisitsCappedAtTwelve() {
        Result r = PlanGeneration.generate(List.of(new Candidate(id(1), "HAZCHEM", false, 2), new Candidate(id(2), "INDUSTRY_TRADE", false, 0),
                        new Candidate(id(3), "FIREWORKS", false, 11)),
                Set.of("HAZCHEM", "FIREWORKS"), List.of(new PlanGeneration.Campaign("粉尘涉爆", "INDUSTRY_TRADE", 2)), 100);
        assertThat(r.visits().stream().filter(v -> v.enterpriseId().equals(id(1)))).hasSize(3)
                .anyMatch(v -> v.basis() == PlanGeneration.Basis.PRIORITY_SECTOR).allMatch(Visit::priority);
        assertThat(r.visits().stream().filter(v -> v.enterpriseId().equals(id(2)))).hasSize(2)
                .allMatch(v -> v.basis() == PlanGeneration.Basis.CAMPAIGN && "粉尘涉爆".equals(v.campaign()) && v.priority());
        // a campaign makes its own visits priority, not the enterprise's class visits
        Result mixed = PlanGeneration.generate(List.of(new Candidate(id(4), "INDUSTRY_TRADE", false, 1)), Set.of(),
                List.of(new PlanGeneration.Campaign("粉尘涉爆", "INDUSTRY_TRADE", 1)), 100);
        assertThat(mixed.visits()).extracting(Visit::basis, Visit::priority).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(PlanGeneration.Basis.CLASS, false), org.assertj.core.groups.Tuple.tuple(PlanGeneration.Basis.CAMPAIGN, true));
        assertThat(r.visits().stream().filter(v -> v.enterpriseId().equals(id(3)))).hasSize(12);
    }

    @Test
    void classDEnterprisesOutsideAnyPriorityAreNotPlanned() {
        assertThat(PlanGeneration.generate(List.of(new Candidate(id(1), "INDUSTRY_TRADE", false, 0)), Set.of(), List.of(), 10).visits()).isEmpty();
    }

    @Test
    void theSameInputsGiveTheSamePlanWhateverTheirOrder() {
        List<Candidate> list = new ArrayList<>(classC(20));
        for (int i = 100; i < 110; i++) {
            list.add(new Candidate(id(i), "HAZCHEM", i % 2 == 0, 1 + i % 4));
        }
        Result first = PlanGeneration.generate(list, Set.of("HAZCHEM"), List.of(), 3);
        Collections.shuffle(list, new Random(7));
        Result second = PlanGeneration.generate(list, Set.of("HAZCHEM"), List.of(), 3);
        assertThat(second.visits()).isEqualTo(first.visits());
        assertThat(second.shortfall()).containsExactly(first.shortfall());
    }

    @Test
    void capacityIsCertifiedInspectorsTimesTheirMonthlyInspectionsHalved() {
        assertThat(PlanGeneration.monthlyCapacity(7, 8)).isEqualTo(28);
        assertThat(PlanGeneration.monthlyCapacity(3, 1)).isEqualTo(1);
        assertThat(PlanGeneration.monthlyCapacity(0, 8)).isZero();
    }
}
