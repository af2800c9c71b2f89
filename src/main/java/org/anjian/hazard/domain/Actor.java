package org.anjian.hazard.domain;

import java.util.UUID;

/**
 * Who takes a step. {@code regulatorOrExpert} is true for the emergency bureau, inspectors, towns,
 * departments and experts: only they may verify a major hazard's rectification.
 */
public record Actor(UUID id, String name, boolean regulatorOrExpert) {
}
