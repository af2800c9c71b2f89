package org.anjian.hazard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One period's 日周月排查 task of a check list: pending until the enterprise works it through within the period
 * (done, with the number of hazards it found) or the period ends without it (missed). Done and missed are final.
 */
public final class CheckTask {

    public enum State {
        PENDING, DONE, MISSED
    }

    private final UUID id;
    private final LocalDate dueDate;
    private State state;
    private Instant doneAt;
    private String doneBy;
    private int hazardsFound;

    public CheckTask(UUID id, LocalDate dueDate, State state, Instant doneAt, String doneBy, int hazardsFound) {
        this.id = Objects.requireNonNull(id);
        this.dueDate = Objects.requireNonNull(dueDate);
        this.state = Objects.requireNonNull(state);
        this.doneAt = doneAt;
        this.doneBy = doneBy;
        this.hazardsFound = hazardsFound;
    }

    /** A new period's task: pending until its due date. */
    public static CheckTask open(UUID id, CheckCadence.Period period) {
        return new CheckTask(id, period.due(), State.PENDING, null, null, 0);
    }

    /** Whether the enterprise may still work this task on {@code today}: pending, and its period not over. */
    public void requireWorkable(LocalDate today) {
        if (state != State.PENDING) {
            throw new HazardRuleViolation("hazard.check.notPending", "the task is " + state);
        }
        if (today.isAfter(dueDate)) {
            throw new HazardRuleViolation("hazard.check.periodOver", "the check period ended on " + dueDate);
        }
    }

    /** Worked through on {@code today} by {@code by}; {@code found} items became hazards. */
    public void complete(LocalDate today, Instant at, String by, int found) {
        requireWorkable(today);
        if (found < 0) {
            throw new IllegalArgumentException("found < 0");
        }
        state = State.DONE;
        doneAt = Objects.requireNonNull(at);
        doneBy = by;
        hazardsFound = found;
    }

    public UUID id() {
        return id;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public State state() {
        return state;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public String doneBy() {
        return doneBy;
    }

    public int hazardsFound() {
        return hazardsFound;
    }
}
