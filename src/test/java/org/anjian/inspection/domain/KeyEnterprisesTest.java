package org.anjian.inspection.domain;

import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 重点企业 (ENF-8): class A, or any enterprise of 危险化学品, 非煤矿山 or 烟花爆竹. */
class KeyEnterprisesTest {

    @Test
    void classAEnterprisesAreKeyInEverySector() {
        for (Sector s : Sector.values()) {
            assertThat(KeyEnterprises.isKey(s, SupervisionClass.A)).isTrue();
        }
    }

    @Test
    void highRiskSectorsAreKeyWhateverTheClass() {
        for (SupervisionClass c : SupervisionClass.values()) {
            assertThat(KeyEnterprises.isKey(Sector.HAZCHEM, c)).isTrue();
            assertThat(KeyEnterprises.isKey(Sector.NON_COAL_MINE, c)).isTrue();
            assertThat(KeyEnterprises.isKey(Sector.FIREWORKS, c)).isTrue();
        }
        assertThat(KeyEnterprises.isKey(Sector.FIREWORKS, null)).isTrue();
    }

    @Test
    void otherSectorsBelowClassAAreNotKey() {
        for (Sector s : Sector.values()) {
            if (KeyEnterprises.HIGH_RISK_SECTORS.contains(s)) {
                continue;
            }
            for (SupervisionClass c : SupervisionClass.values()) {
                if (c != SupervisionClass.A) {
                    assertThat(KeyEnterprises.isKey(s, c)).as(s + "/" + c).isFalse();
                }
            }
            assertThat(KeyEnterprises.isKey(s, null)).isFalse();
        }
    }
}
