package org.anjian.enterprise.internal;

import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;

/** A profile as submitted by a page, the API or an import row. */
public record EnterpriseForm(String creditCode, String name, String legalRepresentative, String address, String phone,
                             Double latitude, Double longitude, UUID townId, UUID parkId, Sector sector, SubSector subSector,
                             Scale scale, Integer employees, OperatingStatus status, Set<RiskFlag> flags) {

    public EnterpriseForm {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    public static EnterpriseForm of(Enterprise e) {
        return new EnterpriseForm(e.creditCode(), e.name(), e.legalRepresentative(), e.address(), e.phone(), e.latitude(), e.longitude(),
                e.townId(), e.parkId(), e.sector(), e.subSector(), e.scale(), e.employees(), e.status(), e.flags());
    }
}
