package org.anjian.publicreport;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A public report passed its time limit (acceptance in working days, or verification) without being
 * handled: the district is told (its home page counts these; other modules may listen).
 */
public record PublicReportEscalated(UUID reportId, String queryCode, String state, LocalDate dueOn, LocalDate escalatedOn) {
}
