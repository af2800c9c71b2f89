package org.anjian.enterprise;

import java.util.UUID;

/**
 * An enterprise's name, town, park or sector changed (by hand, API or import). Modules that copy
 * these onto their records for scope filters refresh their open records from it (ADR 0009); the
 * event carries the new values, so a listener needs no look-up.
 */
public record EnterpriseUpdated(UUID enterpriseId, String name, UUID townId, UUID parkId, Sector sector) {
}
