package org.anjian.governance;

import java.util.EnumSet;
import java.util.Set;

/** Where a task of the 挂图作战 board stands; a finished task stays finished. */
public enum TaskState {
    NOT_STARTED, IN_PROGRESS, DELAYED, DONE;

    /** The states a task may move to from this one. */
    public Set<TaskState> next() {
        return switch (this) {
            case NOT_STARTED -> EnumSet.of(IN_PROGRESS, DELAYED, DONE);
            case IN_PROGRESS -> EnumSet.of(DELAYED, DONE);
            case DELAYED -> EnumSet.of(IN_PROGRESS, DONE);
            case DONE -> EnumSet.noneOf(TaskState.class);
        };
    }
}
