package org.anjian.accident.domain;

import static org.anjian.inspection.ViolationCategory.MAINTENANCE;
import static org.anjian.inspection.ViolationCategory.SPECIAL_OPERATORS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.accident.domain.ViolationAccidentRelation.Accident;
import org.anjian.accident.domain.ViolationAccidentRelation.Penalty;
import org.anjian.accident.domain.ViolationAccidentRelation.Row;
import org.anjian.accident.domain.ViolationAccidentRelation.Violation;
import org.anjian.inspection.ViolationCategory;
import org.junit.jupiter.api.Test;

class ViolationAccidentRelationTest {

    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();

    static Row row(List<Row> rows, ViolationCategory category) {
        return rows.stream().filter(r -> r.category() == category).findFirst().orElseThrow();
    }

    @Test
    void countsEnterprisesOnceFromTheirFirstFinding() {
        List<Row> rows = ViolationAccidentRelation.analyse(List.of(
                new Violation(a, SPECIAL_OPERATORS, MARCH_1),
                new Violation(a, SPECIAL_OPERATORS, MARCH_1.plusMonths(2)),
                new Violation(b, SPECIAL_OPERATORS, MARCH_1)), List.of(), List.of());
        assertThat(row(rows, SPECIAL_OPERATORS).enterprises()).isEqualTo(2);
        assertThat(row(rows, MAINTENANCE).enterprises()).isZero();
        assertThat(rows).hasSize(ViolationCategory.values().length);
    }

    @Test
    void anAccidentCountsOnlyWhenItCameAfterTheFirstFinding() {
        List<Row> rows = ViolationAccidentRelation.analyse(List.of(
                        new Violation(a, MAINTENANCE, MARCH_1), new Violation(b, MAINTENANCE, MARCH_1), new Violation(c, MAINTENANCE, MARCH_1)),
                List.of(),
                List.of(new Accident(a, MARCH_1.plusDays(1), 1),   // the day after: later
                        new Accident(b, MARCH_1, 2),               // the same day: not caused by what was found
                        new Accident(c, MARCH_1.minusDays(1), 3))); // before
        Row r = row(rows, MAINTENANCE);
        assertThat(r.laterAccident()).isEqualTo(1);
        assertThat(r.laterDeaths()).isEqualTo(1);
        assertThat(r.accidentRate()).isEqualTo(33.3);
    }

    @Test
    void aPenaltyCountsWhenItCitesTheCategoryOnOrAfterTheFinding() {
        List<Row> rows = ViolationAccidentRelation.analyse(List.of(
                        new Violation(a, MAINTENANCE, MARCH_1), new Violation(b, MAINTENANCE, MARCH_1), new Violation(c, MAINTENANCE, MARCH_1)),
                List.of(new Penalty(a, Set.of(MAINTENANCE), MARCH_1, 30_000),                     // same day: counts
                        new Penalty(b, Set.of(MAINTENANCE), MARCH_1.minusDays(1), 20_000),        // before the finding: not for it
                        new Penalty(c, Set.of(SPECIAL_OPERATORS), MARCH_1.plusDays(5), 10_000)),  // another category
                List.of(new Accident(a, MARCH_1.plusMonths(3), 0), new Accident(b, MARCH_1.plusMonths(3), 1)));
        Row r = row(rows, MAINTENANCE);
        assertThat(r.penalised()).isEqualTo(1);
        assertThat(r.penaltyRate()).isEqualTo(33.3);
        assertThat(r.laterAccident()).isEqualTo(2);
        assertThat(r.laterAccidentPenalised()).isEqualTo(1);
        assertThat(r.laterAccidentUnpenalised()).isEqualTo(1);
        assertThat(r.fineYuan()).isEqualTo(50_000);
        assertThat(row(rows, SPECIAL_OPERATORS).fineYuan()).isEqualTo(10_000);
        assertThat(row(rows, SPECIAL_OPERATORS).enterprises()).isZero();
    }

    @Test
    void focusAreasAndCauseClassesFollowTheCategory() {
        List<Row> rows = ViolationAccidentRelation.analyse(List.of(), List.of(), List.of());
        assertThat(rows.stream().filter(Row::focus).map(Row::category)).containsExactlyInAnyOrderElementsOf(ViolationAccidentRelation.FOCUS);
        assertThat(row(rows, SPECIAL_OPERATORS).causeClass()).isEqualTo(ViolationCategory.CauseClass.UNSAFE_BEHAVIOUR);
        assertThat(row(rows, SPECIAL_OPERATORS).accidentRate()).isZero();
    }
}
