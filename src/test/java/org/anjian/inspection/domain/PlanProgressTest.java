package org.anjian.inspection.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.inspection.domain.PlanProgress.Done;
import org.anjian.inspection.domain.PlanProgress.Item;
import org.anjian.inspection.domain.PlanProgress.Result;
import org.anjian.inspection.domain.PlanProgress.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanProgressTest {

    final UUID planned = UUID.randomUUID();
    final UUID other = UUID.randomUUID();
    final UUID notPlanned = UUID.randomUUID();
    final Item feb = new Item(UUID.randomUUID(), planned, 2);
    final Item may = new Item(UUID.randomUUID(), planned, 5);
    final Item apr = new Item(UUID.randomUUID(), other, 4);
    final Item oct = new Item(UUID.randomUUID(), other, 10);

    @Test
    void inspectionsCountAgainstTheEarliestOpenItemOnTimeLateOrUnplanned() {
        Result r = PlanProgress.of(2026, List.of(may, feb, apr, oct), List.of(
                new Done(UUID.randomUUID(), planned, LocalDate.of(2026, 2, 28)),   // in the item's month: on time
                new Done(UUID.randomUUID(), planned, LocalDate.of(2026, 6, 1)),    // May's item, a month late
                new Done(UUID.randomUUID(), planned, LocalDate.of(2026, 8, 3)),    // no open item left: unplanned
                new Done(UUID.randomUUID(), notPlanned, LocalDate.of(2026, 3, 9))), // not in the plan: unplanned
                LocalDate.of(2026, 9, 15), 10);
        assertThat(r.statusByItem()).containsEntry(feb.id(), Status.DONE).containsEntry(may.id(), Status.DONE_LATE)
                .containsEntry(apr.id(), Status.OVERDUE).containsEntry(oct.id(), Status.OPEN);
        assertThat(r.months().get(1)).extracting("planned", "done", "doneLate", "unplanned").containsExactly(1, 1, 0, 0);
        assertThat(r.months().get(4)).extracting("planned", "done", "doneLate").containsExactly(1, 0, 1);
        assertThat(r.months().get(2).unplanned()).isEqualTo(1);
        assertThat(r.months().get(2).unplannedShare()).isEqualTo(1.0);
        assertThat(r.months().get(7).unplanned()).isEqualTo(1);
        assertThat(r.total()).extracting("planned", "done", "doneLate", "overdue", "unplanned").containsExactly(4, 1, 1, 1, 2);
        assertThat(r.total().unplannedShare()).isEqualTo(2 / 6.0);
    }

    @Test
    void anInspectionBeforeTheItemsMonthCountsOnTime() {
        Result r = PlanProgress.of(2026, List.of(may), List.of(new Done(UUID.randomUUID(), planned, LocalDate.of(2026, 1, 5))),
                LocalDate.of(2026, 2, 1), 10);
        assertThat(r.statusByItem()).containsEntry(may.id(), Status.DONE);
    }

    @Test
    void nothingIsOverdueBeforeTheYearAndEverythingOpenIsAfterIt() {
        assertThat(PlanProgress.of(2027, List.of(feb), List.of(), LocalDate.of(2026, 12, 31), 1).statusByItem()).containsEntry(feb.id(), Status.OPEN);
        assertThat(PlanProgress.of(2025, List.of(oct), List.of(), LocalDate.of(2026, 1, 1), 1).statusByItem()).containsEntry(oct.id(), Status.OVERDUE);
        // the current month is not overdue yet
        assertThat(PlanProgress.of(2026, List.of(apr), List.of(), LocalDate.of(2026, 4, 30), 1).statusByItem()).containsEntry(apr.id(), Status.OPEN);
    }

    @Test
    void monthsOverCapacityShowTheirShortfallAndAnEmptyMonthHasNoShare() {
        Result r = PlanProgress.of(2026, List.of(feb, new Item(UUID.randomUUID(), other, 2), new Item(UUID.randomUUID(), notPlanned, 2)), List.of(),
                LocalDate.of(2026, 1, 1), 2);
        assertThat(r.months().get(1).shortfall()).isEqualTo(1);
        assertThat(r.months().get(0).unplannedShare()).isNull();
        assertThat(r.total().shortfall()).isEqualTo(1);
    }

    @Test
    void theUnplannedShareIsUnplannedOverPlannedPlusUnplanned() {
        assertThat(PlanProgress.share(1, 9)).isEqualTo(0.10);
        assertThat(PlanProgress.share(2, 9)).isGreaterThan(0.10);
        assertThat(PlanProgress.share(0, 0)).isNull();
        assertThat(PlanProgress.share(0, 5)).isEqualTo(0.0);
    }
}
