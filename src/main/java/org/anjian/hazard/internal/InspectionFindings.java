package org.anjian.hazard.internal;

import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardSource;
import org.anjian.inspection.InspectionFindingRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An inspection's finding becomes a hazard of source INSPECTION, once per finding (DP-3, ENF-3). */
@Component
class InspectionFindings {

    private final HazardService hazards;

    InspectionFindings(HazardService hazards) {
        this.hazards = hazards;
    }

    @ApplicationModuleListener
    void on(InspectionFindingRecorded f) {
        hazards.registerFrom(HazardSource.INSPECTION, f.findingId().toString(), f.enterpriseId(), f.major() ? HazardGrade.MAJOR : HazardGrade.GENERAL,
                f.place(), f.description(), f.criterionCode(), f.inspectorName(), f.deadline());
    }
}
