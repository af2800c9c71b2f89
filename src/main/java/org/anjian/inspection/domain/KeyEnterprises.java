package org.anjian.inspection.domain;

import java.util.EnumSet;
import java.util.Set;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;

/**
 * 重点企业 for the key-enterprise data entry rate (ENF-8): an enterprise in production of
 * supervision class A, or of a high-risk sector (危险化学品, 非煤矿山, 烟花爆竹) whatever its class.
 */
public final class KeyEnterprises {

    /** The high-risk sectors whose enterprises are all key enterprises. */
    public static final Set<Sector> HIGH_RISK_SECTORS = EnumSet.of(Sector.HAZCHEM, Sector.NON_COAL_MINE, Sector.FIREWORKS);

    private KeyEnterprises() {
    }

    public static boolean isKey(Sector sector, SupervisionClass supervisionClass) {
        return supervisionClass == SupervisionClass.A || (sector != null && HIGH_RISK_SECTORS.contains(sector));
    }
}
