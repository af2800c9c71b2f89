package org.anjian.inspection;

import java.util.UUID;

/** A lead was closed with what was found: {@code outcome} CONFIRMED or NOT_CONFIRMED, {@code result} how. */
public record LeadClosed(UUID leadId, String outcome, String result) {
}
