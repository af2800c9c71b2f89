package org.anjian.enterprise.internal;

import java.util.UUID;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;

/**
 * The list filters shared by the page, the API and the export.
 *
 * @param regionId a town or park: the enterprises in it and below it
 * @param sort     one of {@link #SORTS}, optionally prefixed by {@code -} for descending
 */
public record EnterpriseFilter(UUID regionId, Sector sector, SubSector subSector, Scale scale, RiskFlag flag,
                               SupervisionClass supervisionClass, OperatingStatus status, String q, String sort) {

    public static final java.util.Map<String, String> SORTS = java.util.Map.of(
            "name", "e.name", "creditCode", "e.credit_code", "class", "coalesce(e.supervision_class, 'Z')",
            "score", "coalesce(e.class_score, -999)", "employees", "e.employees", "updated", "e.updated_at");

    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null, null, null, null, null, null);
    }

    /** The SQL type of each sort key, for a keyset cursor's value (every key is not null). */
    static final java.util.Map<String, String> SORT_TYPES = java.util.Map.of(
            "name", "text", "creditCode", "text", "class", "text", "score", "numeric", "employees", "numeric", "updated", "timestamptz");

    private String sortName() {
        String s = sort == null || sort.isBlank() ? "name" : sort;
        String name = s.startsWith("-") ? s.substring(1) : s;
        return SORTS.containsKey(name) ? name : "name";
    }

    /** The sort key's expression (before the id that breaks ties). */
    public String sortKey() {
        return SORTS.get(sortName());
    }

    public String sortType() {
        return SORT_TYPES.get(sortName());
    }

    public boolean descending() {
        return sort != null && sort.startsWith("-");
    }

    /** ORDER BY from the whitelist only; the id keeps paging stable between equal keys. */
    public String orderBy() {
        return sortKey() + (descending() ? " desc" : " asc") + ", e.id";
    }
}
