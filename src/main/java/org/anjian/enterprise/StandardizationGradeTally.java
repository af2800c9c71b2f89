package org.anjian.enterprise;

import java.util.Map;
import java.util.UUID;

/**
 * A fact of the standardization module: the grade in force of some enterprises ({@code LEVEL_1},
 * {@code LEVEL_2}, {@code LEVEL_3}, or {@code null} for none), one of the inputs of the supervision
 * class (ENT-3). The registry no longer takes the grade typed in; it follows this.
 */
public interface StandardizationGradeTally {

    Map<UUID, String> currentGrades();
}
