package org.anjian.organization.internal;

import java.util.Optional;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.ScopeNames;
import org.springframework.stereotype.Component;

/** Names the scopes this module owns: a town's or park's name, a department's. */
@Component
class OrganizationScopeNames implements ScopeNames {

    private final OrganizationDirectory directory;

    OrganizationScopeNames(OrganizationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> name(DataScope scope) {
        return switch (scope.kind()) {
            case REGION -> directory.region(scope.id()).map(Region::name);
            case DEPARTMENT -> directory.department(scope.id()).map(Department::name);
            default -> Optional.empty();
        };
    }
}
