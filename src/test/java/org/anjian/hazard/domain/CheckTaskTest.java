package org.anjian.hazard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A 日周月排查 task's life cycle: workable while pending up to and including its due date; done and missed are final. */
class CheckTaskTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    CheckTask weekly() {
        return CheckTask.open(UUID.randomUUID(), CheckCadence.WEEKLY.periodOf(MONDAY));
    }

    @Test
    void aWeeklyTaskOpensPendingAndIsDueOnSundayOfItsWeek() {
        CheckTask t = weekly();
        assertThat(t.state()).isEqualTo(CheckTask.State.PENDING);
        assertThat(t.dueDate()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(t.hazardsFound()).isZero();
    }

    @Test
    void itCanBeCompletedOnItsDueDateButNotTheDayAfter() {
        CheckTask onTime = weekly();
        onTime.complete(LocalDate.of(2026, 12, 6), AT, "张三", 2);
        assertThat(onTime.state()).isEqualTo(CheckTask.State.DONE);
        assertThat(onTime.doneAt()).isEqualTo(AT);
        assertThat(onTime.doneBy()).isEqualTo("张三");
        assertThat(onTime.hazardsFound()).isEqualTo(2);

        CheckTask late = weekly();
        assertThatThrownBy(() -> late.complete(LocalDate.of(2026, 12, 7), AT, "张三", 0))
                .isInstanceOfSatisfying(HazardRuleViolation.class, v -> assertThat(v.reason()).isEqualTo("hazard.check.periodOver"));
        assertThat(late.state()).isEqualTo(CheckTask.State.PENDING);
    }

    @Test
    void doneAndMissedAreFinal() {
        CheckTask done = weekly();
        done.complete(MONDAY, AT, "张三", 0);
        assertThatThrownBy(() -> done.complete(MONDAY, AT, "李四", 1))
                .isInstanceOfSatisfying(HazardRuleViolation.class, v -> assertThat(v.reason()).isEqualTo("hazard.check.notPending"));
        assertThat(done.doneBy()).isEqualTo("张三");

        CheckTask missed = new CheckTask(UUID.randomUUID(), LocalDate.of(2026, 12, 6), CheckTask.State.MISSED, null, null, 0);
        assertThatThrownBy(() -> missed.requireWorkable(MONDAY))
                .isInstanceOfSatisfying(HazardRuleViolation.class, v -> assertThat(v.reason()).isEqualTo("hazard.check.notPending"));
    }
}
