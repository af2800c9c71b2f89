package org.anjian.trusteeship.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.organization.AgencyServedEnterprises;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.stereotype.Component;

/** The AGENCY data scope: the enterprises under the agency's contracts in force today (district time). */
@Component
class AgencyScope implements AgencyServedEnterprises {

    private final TrusteeshipRepository repository;
    private final Clock clock;
    private final ZoneId zone;

    AgencyScope(TrusteeshipRepository repository, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.clock = clock;
        this.zone = district.zone();
    }

    @Override
    public ScopeConditions.Condition servedBy(UUID agencyId, String enterpriseColumn) {
        return repository.servedBy(agencyId, enterpriseColumn, LocalDate.ofInstant(clock.instant(), zone));
    }

    @Override
    public boolean serves(UUID agencyId, UUID enterpriseId) {
        return repository.serves(agencyId, enterpriseId, LocalDate.ofInstant(clock.instant(), zone));
    }
}
