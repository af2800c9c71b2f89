package org.anjian.enterprise;

import java.util.UUID;

/**
 * A fact of another module that tells how many major hazards an enterprise has open now, one of
 * the inputs of its supervision class (ENT-3). The hazard module's events implement it, so the
 * enterprise module learns of hazards without depending on that module. Carrying the count rather
 * than a change keeps the listener idempotent when an event is delivered twice.
 */
public interface MajorHazardTally {

    UUID enterpriseId();

    int openMajorHazards();
}
