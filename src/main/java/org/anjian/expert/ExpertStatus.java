package org.anjian.expert;

/** Whether an expert may be called: only {@link #ACTIVE} experts are selected. */
public enum ExpertStatus {
    ACTIVE,
    /** Suspended by the district, e.g. after an unqualified annual evaluation. */
    SUSPENDED,
    RETIRED
}
