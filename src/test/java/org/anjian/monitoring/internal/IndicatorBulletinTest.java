package org.anjian.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.monitoring.internal.MonitoringIndicators.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulletin's worst enterprises: the lowest of the four rates first, at most ten, without any rate last. */
class IndicatorBulletinTest {

    static Row row(String name, Double online, Double commitment, Double duty, Double reply) {
        return new Row(UUID.randomUUID(), name, 2, 1, online, 1, 1, commitment, 2, 1, reply, 2, 1, duty);
    }

    @Test
    void theLowestOfTheFourRatesRanksAnEnterprise() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("甲", 100.0, 100.0, 100.0, null));
        rows.add(row("乙", 90.0, 100.0, 0.0, 100.0));
        rows.add(row("丙", 50.0, 100.0, 100.0, 100.0));
        rows.add(row("丁", null, null, null, null));
        assertThat(IndicatorBulletin.worst(rows)).extracting(Row::name).containsExactly("乙", "丙", "甲", "丁");
        for (int i = 0; i < 12; i++) {
            rows.add(row("戊" + i, 10.0 + i, 100.0, 100.0, 100.0));
        }
        assertThat(IndicatorBulletin.worst(rows)).hasSize(10).first().extracting(Row::name).isEqualTo("乙");
        assertThat(IndicatorBulletin.rate(50.0, 1, 2)).isEqualTo("50.0% (1/2)");
        assertThat(IndicatorBulletin.rate(null, 0, 0)).isEqualTo("—");
    }
}
