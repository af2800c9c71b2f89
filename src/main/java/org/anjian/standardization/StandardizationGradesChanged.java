package org.anjian.standardization;

import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.StandardizationGradeTally;

/**
 * The grade in force of these enterprises changed (granted, superseded, expired, revoked): each
 * enterprise with its current grade ({@code LEVEL_1}…{@code LEVEL_3}) or {@code null} for none.
 * Carrying the state rather than the change keeps listeners idempotent.
 */
public record StandardizationGradesChanged(Map<UUID, String> currentGrades) implements StandardizationGradeTally {
}
