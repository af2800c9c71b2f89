package org.anjian.inspection.internal;

import java.util.UUID;
import org.anjian.inspection.InspectionRecords;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Component;

/** {@link InspectionRecords} over the inspection service, with its access rule. */
@Component
class InspectionRecordsAdapter implements InspectionRecords {

    private final InspectionService inspections;

    InspectionRecordsAdapter(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Override
    public InspectionFacts facts(AnjianUser user, UUID inspectionId) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        return new InspectionFacts(i.id(), i.enterpriseId(), i.enterpriseName(), i.inspectorIds(), i.plannedOn(), i.findings().stream()
                .map(f -> new FindingFact(f.id(), f.place(), f.description(), f.major(), f.category(), f.legalBasis())).toList());
    }
}
