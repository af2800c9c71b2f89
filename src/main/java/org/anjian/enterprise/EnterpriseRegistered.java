package org.anjian.enterprise;

import java.util.UUID;

/** A new enterprise entered the registry (by hand, API or import). */
public record EnterpriseRegistered(UUID enterpriseId, String creditCode, String name, UUID townId, Sector sector) {
}
