package org.anjian.expert;

import java.util.Set;
import java.util.UUID;

/**
 * What other modules may know of an expert. The phone is the full number: callers that show it to
 * people decide themselves whether to mask it.
 */
public record ExpertSummary(UUID id, String name, String title, Set<Field> fields, String employerName, UUID employerEnterpriseId,
                            String phone, ExpertStatus status, UUID userId) {
}
