package org.anjian.inspection.internal;

import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 重点企业信息录入率: what "complete enough to inspect" means, field by field. */
class KeyEnterpriseCompletenessTest {

    static EnterpriseSummary summary(String code, UUID town, SupervisionClass c, Double lat, Double lon) {
        return new EnterpriseSummary(UUID.randomUUID(), code, "重庆某化工有限公司", town, null, Sector.HAZCHEM, SubSector.HAZCHEM_PRODUCTION,
                Scale.ABOVE_SIZE, OperatingStatus.PRODUCING, Set.of(), c, lat, lon);
    }

    @Test
    void completeMeansCreditCodeTownClassAndASurveyedPosition() {
        UUID town = UUID.randomUUID();
        assertThat(EnforcementIndicators.complete(summary("91500116MA5U000000", town, SupervisionClass.A, 29.2, 106.2))).isTrue();
        assertThat(EnforcementIndicators.complete(summary("91500116MA5U000000", town, SupervisionClass.A, null, 106.2))).isFalse();
        assertThat(EnforcementIndicators.complete(summary("91500116MA5U000000", town, SupervisionClass.A, 29.2, null))).isFalse();
        assertThat(EnforcementIndicators.complete(summary("91500116MA5U000000", town, null, 29.2, 106.2))).isFalse();
        assertThat(EnforcementIndicators.complete(summary("91500116MA5U000000", null, SupervisionClass.A, 29.2, 106.2))).isFalse();
        assertThat(EnforcementIndicators.complete(summary(" ", town, SupervisionClass.A, 29.2, 106.2))).isFalse();
    }
}
