package org.anjian.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.Check;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.Result;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.SpecialPeriod;
import org.junit.jupiter.api.Test;

class ResponsiblePersonComplianceTest {

    private static final UUID E1 = UUID.randomUUID();
    private static final UUID E2 = UUID.randomUUID();

    @Test
    void aCheckOnTheLastDayOfLastMonthDoesNotCountForThisMonth() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        Result r = ResponsiblePersonCompliance.measure(Set.of(E1), List.of(new Check(E1, LocalDate.of(2026, 5, 31))), List.of(), today);
        assertThat(r.checksThisMonth()).isZero();
        assertThat(r.monthlyOk()).isFalse();
        assertThat(r.compliant()).isFalse();
    }

    @Test
    void aCheckOnTheFirstDayOfTheMonthCounts() {
        LocalDate today = LocalDate.of(2026, 6, 30);
        Result r = ResponsiblePersonCompliance.measure(Set.of(E1), List.of(new Check(E1, LocalDate.of(2026, 6, 1))), List.of(), today);
        assertThat(r.checksThisMonth()).isEqualTo(1);
        assertThat(r.monthlyOk()).isTrue();
        assertThat(r.coveragePercent()).isEqualTo(100);
        assertThat(r.compliant()).isTrue();
    }

    @Test
    void coverageRestartsOnTheFirstOfJuly() {
        List<Check> checks = List.of(new Check(E1, LocalDate.of(2026, 6, 30)), new Check(E2, LocalDate.of(2026, 3, 2)));
        Result june30 = ResponsiblePersonCompliance.measure(Set.of(E1, E2), checks, List.of(), LocalDate.of(2026, 6, 30));
        assertThat(june30.enterprisesCheckedThisHalfYear()).isEqualTo(2);
        assertThat(june30.coveragePercent()).isEqualTo(100);

        Result july1 = ResponsiblePersonCompliance.measure(Set.of(E1, E2), checks, List.of(), LocalDate.of(2026, 7, 1));
        assertThat(july1.enterprisesCheckedThisHalfYear()).isZero();
        assertThat(july1.coveragePercent()).isZero();
        assertThat(july1.coverageOk()).isFalse();
    }

    @Test
    void coverageIsCheckedEnterprisesOverAssignedOnesRoundedDown() {
        UUID e3 = UUID.randomUUID();
        List<Check> checks = List.of(new Check(E1, LocalDate.of(2026, 1, 1)), new Check(E1, LocalDate.of(2026, 2, 1)),
                new Check(UUID.randomUUID(), LocalDate.of(2026, 2, 1)));
        Result r = ResponsiblePersonCompliance.measure(Set.of(E1, E2, e3), checks, List.of(), LocalDate.of(2026, 2, 10));
        assertThat(r.enterprisesCheckedThisHalfYear()).as("an enterprise not assigned does not count").isEqualTo(1);
        assertThat(r.coveragePercent()).isEqualTo(33);
    }

    @Test
    void halfYearStartsOnJanuaryFirstAndJulyFirst() {
        assertThat(ResponsiblePersonCompliance.halfYearStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ResponsiblePersonCompliance.halfYearStart(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(ResponsiblePersonCompliance.halfYearStart(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void anEndedSpecialPeriodWithoutACheckIsMissedARunningOneNotYet() {
        LocalDate today = LocalDate.of(2026, 3, 20);
        SpecialPeriod resumption = new SpecialPeriod("春节后复工复产", LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 10));
        SpecialPeriod flood = new SpecialPeriod("汛期险情", LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 31));
        SpecialPeriod future = new SpecialPeriod("国庆", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7));
        List<Check> checks = List.of(new Check(E1, LocalDate.of(2026, 3, 11)), new Check(E1, LocalDate.of(2026, 3, 12)));
        Result r = ResponsiblePersonCompliance.measure(Set.of(E1), checks, List.of(resumption, flood, future), today);
        assertThat(r.missedPeriods()).containsExactly("春节后复工复产");
        assertThat(r.compliant()).isFalse();

        List<Check> onLastDay = List.of(new Check(E1, LocalDate.of(2026, 3, 10)), new Check(E1, LocalDate.of(2026, 3, 12)));
        assertThat(ResponsiblePersonCompliance.measure(Set.of(E1), onLastDay, List.of(resumption), today).missedPeriods()).isEmpty();
    }

    @Test
    void aTownRollupCountsWhoIsBehind() {
        Result ok = new Result(2, 1, 1, 100, List.of());
        Result noMonth = new Result(0, 2, 2, 100, List.of());
        Result lowCoverage = new Result(1, 4, 3, 75, List.of("复工复产"));
        var rollup = ResponsiblePersonCompliance.rollup(List.of(ok, noMonth, lowCoverage));
        assertThat(rollup.persons()).isEqualTo(3);
        assertThat(rollup.compliant()).isEqualTo(1);
        assertThat(rollup.behindMonthly()).isEqualTo(1);
        assertThat(rollup.behindCoverage()).isEqualTo(1);
        assertThat(rollup.missedPeriods()).isEqualTo(1);
        assertThat(rollup.compliancePercent()).isEqualTo(33);
    }
}
