package org.anjian.enterprise;

import java.util.Set;
import java.util.UUID;

/** What other modules may know of an enterprise; the position is WGS-84, absent when not surveyed. */
public record EnterpriseSummary(UUID id, String creditCode, String name, UUID townId, UUID parkId, Sector sector,
                                SubSector subSector, Scale scale, OperatingStatus status, Set<RiskFlag> flags,
                                SupervisionClass supervisionClass, Double latitude, Double longitude) {
}
