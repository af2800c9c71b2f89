package org.anjian.risk.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.risk.RiskProperties;
import org.anjian.shared.security.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo generator: deterministic, only into empty tables, with some major and high points. Rolled back after each test. */
@AnjianIntegrationTest
@Transactional
class RiskDemoDataTest {

    static final UUID DEMO_ENTERPRISE = UUID.nameUUIDFromBytes("demo-enterprise:1".getBytes(StandardCharsets.UTF_8));

    @Autowired RiskService service;
    @Autowired RiskRepository repository;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationDirectory organization;

    RiskDemoData generator(int enterprises) {
        UUID town = organization.regionByName("双福街道").orElseThrow().id();
        EnterpriseLookup lookup = new EnterpriseLookup() {
            @Override
            public Optional<EnterpriseSummary> find(UUID id) {
                return id.equals(DEMO_ENTERPRISE) ? Optional.of(new EnterpriseSummary(id, "91500116MA5U000001", "重庆演示机械有限公司", town, null,
                        Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.ABOVE_SIZE, OperatingStatus.PRODUCING, Set.of(), SupervisionClass.C, 29.39, 106.29))
                        : Optional.empty();
            }

            @Override
            public java.util.List<EnterpriseSummary> pool(org.anjian.enterprise.Sector sector, UUID regionId,
                                                         org.anjian.enterprise.SupervisionClass supervisionClass) {
                return java.util.List.of();
            }

            @Override
            public boolean inScope(DataScope scope, UUID enterpriseId) {
                return true;
            }

            @Override
            public Set<UUID> idsInScope(DataScope scope) {
                return Set.of(DEMO_ENTERPRISE);
            }
        };
        return new RiskDemoData(service, repository, lookup, new RiskProperties(3, 8, 16, "", enterprises));
    }

    /** The demo module hands over the registry demo's ids; the first is the demo enterprise. */
    static List<UUID> demoIds(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(k -> UUID.nameUUIDFromBytes(("demo-enterprise:" + k).getBytes(StandardCharsets.UTF_8))).toList();
    }

    void empty() {
        jdbc.sql("delete from risk_control_measure").update();
        jdbc.sql("delete from risk_point").update();
        jdbc.sql("delete from risk_post").update();
    }

    List<String> points() {
        return jdbc.sql("select unit_name || '/' || name || '/' || level || '/' || score from risk_point where enterprise_id = ? order by 1")
                .param(DEMO_ENTERPRISE).query(String.class).list();
    }

    @Test
    void theDemoEnterpriseGetsTheSamePointsEveryTimeIncludingAMajorOne() throws Exception {
        empty();
        generator(5).load(demoIds(5));
        List<String> first = points();
        assertThat(first).hasSizeGreaterThanOrEqualTo(2).anyMatch(p -> p.contains("/MAJOR/"));
        assertThat(jdbc.sql("select count(*) from risk_post where enterprise_id = ?").param(DEMO_ENTERPRISE).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where action = 'RISK_POINT_CREATED' and entity_id in "
                + "(select id::text from risk_point)").query(Long.class).single()).isEqualTo(first.size());

        empty();
        generator(5).load(demoIds(5));
        assertThat(points()).isEqualTo(first);
    }

    @Test
    void itAddsNothingWhenTheTablesHoldData() throws Exception {
        empty();
        generator(1).load(demoIds(5));
        long count = repository.countPoints();
        generator(1).load(demoIds(5));
        assertThat(repository.countPoints()).isEqualTo(count);
    }
}
