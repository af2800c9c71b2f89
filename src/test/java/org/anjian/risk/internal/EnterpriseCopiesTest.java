package org.anjian.risk.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.ControlMeasureType;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskPointKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** A moved enterprise takes its risk points and posts with it, so town scopes follow; a second delivery changes nothing. */
@AnjianIntegrationTest
@Transactional
class EnterpriseCopiesTest {

    @Autowired RiskService service;
    @Autowired EnterpriseCopies copies;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    static EnterpriseSummary summary(UUID id, UUID town, String name) {
        return new EnterpriseSummary(id, "91500116MA5U000002", name, town, null, Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.ABOVE_SIZE,
                OperatingStatus.PRODUCING, Set.of(), SupervisionClass.C, 29.39, 106.29);
    }

    @Test
    void aMovedEnterpriseTakesItsRiskRecordsToItsNewTown() {
        UUID id = UUID.randomUUID();
        UUID shuangfu = organization.regionByName("双福街道").orElseThrow().id();
        UUID degan = organization.regionByName("德感街道").orElseThrow().id();
        service.createPostFor(summary(id, shuangfu, "旧名公司"), new RiskService.PostInput(id, "叉车工", null, List.of(), List.of(), List.of(),
                List.of(), List.of()));
        service.createFor(summary(id, shuangfu, "旧名公司"), new RiskService.RiskPointInput(id, "仓库", "叉车作业", RiskPointKind.ACTIVITY, null,
                List.of("视线受阻"), List.of(), AssessmentMethod.LS, null, null, null, 2, 2,
                List.of(new RiskService.MeasureInput(ControlMeasureType.TRAINING, "持证驾驶")), ResponsibleLevel.TEAM, "仓库主管", null));

        assertThat(copies.refresh(summary(id, degan, "新名公司"))).isEqualTo(2);
        assertThat(jdbc.sql("select town_id from risk_point where enterprise_id = ?").param(id).query(UUID.class).single()).isEqualTo(degan);
        assertThat(jdbc.sql("select enterprise_name from risk_post where enterprise_id = ?").param(id).query(String.class).single()).isEqualTo("新名公司");
        assertThat(copies.refresh(summary(id, degan, "新名公司"))).isZero();
    }
}
