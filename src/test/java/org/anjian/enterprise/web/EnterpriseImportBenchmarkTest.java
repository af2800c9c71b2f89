package org.anjian.enterprise.web;

import static org.anjian.enterprise.EnterpriseTestData.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.anjian.enterprise.EnterpriseIntegrationTest;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * ENT-1's import budget: 20,000 rows in under 30 s, end to end through the API (parse, validate,
 * upsert, classify, audit). Run on demand, figures go to docs/benchmarks.md:
 * {@code ./mvnw -o -q -B test -Dtest=EnterpriseImportBenchmarkTest -Danjian.benchmark=true}
 */
@EnterpriseIntegrationTest
@EnabledIfSystemProperty(named = "anjian.benchmark", matches = "true")
class EnterpriseImportBenchmarkTest {

    static final int ROWS = 20_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationDirectory organization;

    @Test
    void twentyThousandRowsImportInUnderThirtySeconds() throws Exception {
        List<Region> towns = organization.towns();
        List<Object[]> rows = new ArrayList<>(ROWS);
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < ROWS; i++) {
            Region t = towns.get(i % towns.size());
            String body = String.format("91500116BM%07d", i);
            rows.add(EnterpriseImportTest.row(CreditCode.complete(body), "重庆基准测试企业" + i + "有限公司", t.name(),
                    t.longitude() + rnd.nextGaussian() * 0.01, t.latitude() + rnd.nextGaussian() * 0.01));
        }
        byte[] xlsx = EnterpriseImportTest.workbook(rows);
        EnterpriseImportTest helper = new EnterpriseImportTest();
        helper.mvc = mvc;

        long start = System.nanoTime();
        String job = helper.importAndWait(mvc, admin(), xlsx);
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        String again = helper.importAndWait(mvc, admin(), xlsx);
        double secondSeconds = (System.nanoTime() - start) / 1e9;

        System.err.printf("ENTERPRISE IMPORT BENCHMARK: %d rows (%.1f MB) first import %.1f s (created %s), re-import %.1f s (updated %s)%n",
                ROWS, xlsx.length / 1e6, firstSeconds, JsonPath.read(job, "$.created"), secondSeconds, JsonPath.read(again, "$.updated"));
        assertThat(JsonPath.<Integer>read(job, "$.created")).isEqualTo(ROWS);
        assertThat(JsonPath.<Integer>read(again, "$.updated")).isEqualTo(ROWS);
        assertThat(firstSeconds).isLessThan(30);
        assertThat(secondSeconds).isLessThan(30);
    }
}
