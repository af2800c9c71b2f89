package org.anjian.enterprise;

import java.util.List;
import java.util.UUID;

/**
 * A list of enterprises as one array per field, in the same order: the shape a set-based insert passes to
 * {@code unnest(?::uuid[], ?::text[], …) with ordinality}, so that each module copies the enterprise's name, town,
 * park and sector onto its own rows in one statement (the district-scale data set).
 */
public record EnterpriseColumns(UUID[] ids, String[] names, String[] creditCodes, UUID[] towns, UUID[] parks, String[] sectors,
                                Double[] latitudes, Double[] longitudes) {

    public static EnterpriseColumns of(List<EnterpriseSummary> enterprises) {
        int n = enterprises.size();
        EnterpriseColumns c = new EnterpriseColumns(new UUID[n], new String[n], new String[n], new UUID[n], new UUID[n], new String[n],
                new Double[n], new Double[n]);
        for (int i = 0; i < n; i++) {
            EnterpriseSummary e = enterprises.get(i);
            c.ids[i] = e.id();
            c.names[i] = e.name();
            c.creditCodes[i] = e.creditCode();
            c.towns[i] = e.townId();
            c.parks[i] = e.parkId();
            c.sectors[i] = e.sector().name();
            c.latitudes[i] = e.latitude();
            c.longitudes[i] = e.longitude();
        }
        return c;
    }
}
