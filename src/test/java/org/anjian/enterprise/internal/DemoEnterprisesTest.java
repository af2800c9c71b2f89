package org.anjian.enterprise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@EnterpriseIntegrationTest
class DemoEnterprisesTest {

    @Autowired
    EnterpriseRepository repository;
    @Autowired
    ClassificationService classification;
    @Autowired
    OrganizationDirectory organization;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;
    @Autowired
    EnterpriseValidator validator;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    DutiesService duties;

    @Test
    void theDemoDistrictHasTheDemoUsersEnterpriseAndEverySectorFlagAndTownWithValidData() {
        DemoEnterprises demo = new DemoEnterprises(repository, classification, organization, jdbc, txManager, audit, clock, org.anjian.shared.config.DistrictProperties.jiangjin());
        new TransactionTemplate(txManager).executeWithoutResult(s -> demo.generate(400));
        classification.reclassifyAll("DEMO");

        UUID demoId = UUID.nameUUIDFromBytes("demo-enterprise:1".getBytes(StandardCharsets.UTF_8));
        Enterprise e = repository.find(demoId).orElseThrow();
        assertThat(e.townId()).isEqualTo(organization.regionByName("双福街道").orElseThrow().id());
        assertThat(e.supervisionClass()).isNotNull();
        assertThat(classification.history(demoId).get(0).firedRules()).extracting(f -> f.code())
                .contains("SECTOR_INDUSTRY_TRADE", "ABOVE_SIZE", "DUST_EXPLOSION", "CONFINED_SPACE");
        assertThat(enterprises.inScope(new DataScope(org.anjian.shared.security.ScopeKind.ENTERPRISE, demoId), demoId)).isTrue();

        List<Enterprise> generated = jdbc.queryForList("select id from ent_enterprise where name like '%（%）'", UUID.class).stream()
                .map(id -> repository.find(id).orElseThrow()).toList();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(399);
        assertThat(generated).extracting(Enterprise::sector).contains(Sector.values());
        assertThat(generated.stream().flatMap(x -> x.flags().stream()).distinct()).hasSize(6);
        assertThat(generated.stream().map(Enterprise::townId).distinct().count()).isGreaterThan(organization.towns().size() / 2);
        assertThat(generated).allSatisfy(x -> {
            assertThat(CreditCode.isValid(x.creditCode())).isTrue();
            assertThat(x.creditCode().substring(2, 8)).isEqualTo("500116");
            assertThat(validator.insideDistrict(x.latitude(), x.longitude())).isTrue();
        });
        assertThat(jdbc.queryForObject("select count(distinct supervision_class) from ent_enterprise", Integer.class)).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from ent_licence where valid_to between current_date and current_date + 90", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from ent_responsible_check", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from ent_mine_slope where height_m >= 100", Integer.class)).isPositive();
    }
}
