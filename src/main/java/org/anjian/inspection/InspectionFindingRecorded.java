package org.anjian.inspection;

import java.time.Instant;
import java.util.UUID;

/**
 * An inspector recorded a finding on site (ENF-3). The hazard module makes it a hazard of source
 * INSPECTION, once per finding however often the event is delivered.
 *
 * @param major         whether the finding is a major hazard (重大事故隐患)
 * @param criterionCode the item of the official criteria it matches, if any
 * @param category      the kind of violation, for the violation–penalty–accident analysis (ENF-9)
 */
public record InspectionFindingRecorded(UUID inspectionId, UUID findingId, UUID enterpriseId, boolean major, String place,
                                        String description, String criterionCode, String inspectorName, Instant deadline,
                                        ViolationCategory category) {
}
