package org.anjian.organization;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.shared.security.DataScope;
import org.springframework.stereotype.Component;

/**
 * A data scope as a SQL condition on a table that carries an enterprise's id, town, park and sector
 * (the columns {@code enterprise_id}, {@code town_id}, {@code park_id}, {@code sector} under an alias).
 * One rule for every module: a town sees its enterprises and its parks', a department the sectors it
 * regulates, an enterprise itself, a service agency the enterprises it serves under trusteeship. Modules that copy those four columns onto their records filter
 * lists with it; single records are checked with the enterprise module's {@code inScope}.
 */
@Component
public class ScopeConditions {

    private final OrganizationDirectory organization;
    private final org.springframework.beans.factory.ObjectProvider<AgencyServedEnterprises> agencies;

    ScopeConditions(OrganizationDirectory organization, org.springframework.beans.factory.ObjectProvider<AgencyServedEnterprises> agencies) {
        this.organization = organization;
        this.agencies = agencies;
    }

    /** Whether a service agency serves the enterprise today (its trusteeship contracts in force); never without the trusteeship module. */
    public boolean agencyServes(UUID agencyId, UUID enterpriseId) {
        AgencyServedEnterprises served = agencies.getIfAvailable();
        return served != null && agencyId != null && enterpriseId != null && served.serves(agencyId, enterpriseId);
    }

    /** A where-clause fragment with its named parameters (prefixed {@code scope}). */
    public record Condition(String sql, Map<String, Object> params) {
        public static final Condition ALWAYS = new Condition("true", Map.of());
        public static final Condition NEVER = new Condition("false", Map.of());
    }

    /** On a record that copies an enterprise's columns: its enterprise is {@code alias.enterprise_id}. */
    public Condition of(DataScope scope, String alias) {
        return of(scope, alias, "enterprise_id");
    }

    /** On the enterprise table itself: the enterprise is {@code alias.id}. */
    public Condition ofEnterprises(DataScope scope, String alias) {
        return of(scope, alias, "id");
    }

    private Condition of(DataScope scope, String alias, String enterpriseColumn) {
        return switch (scope.kind()) {
            case DISTRICT -> Condition.ALWAYS;
            case REGION -> {
                List<UUID> regions = List.copyOf(organization.regionAndDescendants(scope.id()));
                // a region that no longer exists covers nothing
                yield regions.isEmpty() ? Condition.NEVER
                        : new Condition("(" + alias + ".town_id in (:scopeRegions) or " + alias + ".park_id in (:scopeRegions))",
                                Map.of("scopeRegions", regions));
            }
            case DEPARTMENT -> {
                List<String> sectors = organization.department(scope.id()).map(Department::sectors).orElse(List.of());
                yield sectors.isEmpty() ? Condition.NEVER : new Condition(alias + ".sector in (:scopeSectors)", Map.of("scopeSectors", sectors));
            }
            case ENTERPRISE -> new Condition(alias + "." + enterpriseColumn + " = :scopeEnterprise", Map.of("scopeEnterprise", scope.id()));
            // a service agency sees the enterprises under its trusteeship contracts in force (SVC-1),
            // as the trusteeship module answers through AgencyServedEnterprises; without it, none
            case AGENCY -> {
                AgencyServedEnterprises served = agencies.getIfAvailable();
                yield served == null ? Condition.NEVER : served.servedBy(scope.id(), alias + "." + enterpriseColumn);
            }
        };
    }
}
