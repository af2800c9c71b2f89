package org.anjian.standardization.internal;

import java.time.ZoneId;
import org.anjian.accident.AccidentRecorded;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * 应急〔2021〕83号: a fatal accident is a ground for revoking the grade. A death accident in a graded
 * enterprise proposes it; the district decides. An accident without deaths, outside the registry or
 * outside the grade's validity proposes nothing; a revised accident (补报) finds its proposal there.
 */
@Component
class AccidentRevocationProposals {

    private final StandardizationService service;
    private final ZoneId zone;

    AccidentRevocationProposals(StandardizationService service, DistrictProperties district) {
        this.service = service;
        this.zone = district.zone();
    }

    @ApplicationModuleListener
    void on(AccidentRecorded e) {
        if (e.enterpriseId() == null || e.deaths() < 1) {
            return;
        }
        service.proposeForAccident(e.enterpriseId(), e.accidentId(), e.occurredAt().atZone(zone).toLocalDate(), e.deaths(), e.summary());
    }
}
