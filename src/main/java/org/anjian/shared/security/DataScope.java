package org.anjian.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The part of the district a user may see. Modules turn it into conditions on their own records;
 * a record outside the scope answers 404, so a scope never reveals what exists beyond it.
 *
 * @param kind what the scope covers
 * @param id   the region, department, enterprise or agency; {@code null} for the whole district
 */
public record DataScope(ScopeKind kind, UUID id) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final DataScope DISTRICT = new DataScope(ScopeKind.DISTRICT, null);

    public DataScope {
        Objects.requireNonNull(kind, "kind");
        if (kind == ScopeKind.DISTRICT && id != null) {
            throw new IllegalArgumentException("a district scope has no id");
        }
        if (kind != ScopeKind.DISTRICT && id == null) {
            throw new IllegalArgumentException("a " + kind + " scope needs an id");
        }
    }

    public static DataScope of(ScopeKind kind, UUID id) {
        return kind == ScopeKind.DISTRICT ? DISTRICT : new DataScope(kind, id);
    }

    public boolean isDistrict() {
        return kind == ScopeKind.DISTRICT;
    }

    /** True for an enterprise scope naming exactly this enterprise. */
    public boolean isEnterprise(UUID enterpriseId) {
        return kind == ScopeKind.ENTERPRISE && id.equals(enterpriseId);
    }
}
