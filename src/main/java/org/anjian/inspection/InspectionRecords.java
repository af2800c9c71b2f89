package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.shared.security.AnjianUser;

/**
 * An inspection as other modules read it: the penalty module files a case (立案) from what an
 * inspection found. Access is the inspection's own: a user who may not read it gets the same 404.
 */
public interface InspectionRecords {

    record FindingFact(UUID findingId, String place, String description, boolean major, ViolationCategory category, String legalBasis) {
    }

    record InspectionFacts(UUID inspectionId, UUID enterpriseId, String enterpriseName, List<UUID> inspectorIds, LocalDate plannedOn,
                           List<FindingFact> findings) {
    }

    InspectionFacts facts(AnjianUser user, UUID inspectionId);
}
