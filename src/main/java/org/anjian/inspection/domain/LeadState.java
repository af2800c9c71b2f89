package org.anjian.inspection.domain;

/** Where a 举报线索 stands: received, assigned to inspectors, closed with what was found. */
public enum LeadState {
    NEW,
    ASSIGNED,
    CLOSED
}
