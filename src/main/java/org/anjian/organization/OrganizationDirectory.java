package org.anjian.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.ScopeKind;

/** Read access to the district's organisation for every other module. */
public interface OrganizationDirectory {

    Region district();

    List<Region> regions();

    Optional<Region> region(UUID id);

    Optional<Region> regionByName(String name);

    /** The region and every region below it: the ids a town official's scope covers. */
    Set<UUID> regionAndDescendants(UUID id);

    List<Region> towns();

    /**
     * The towns a filter offers to someone with this scope: a town's official only their own town (a park's,
     * the town the park lies in), everybody else every town. Offering the other 29 would only lead to empty lists.
     */
    default List<Region> towns(DataScope scope) {
        if (scope == null || scope.kind() != ScopeKind.REGION) {
            return towns();
        }
        Set<UUID> covered = regionAndDescendants(scope.id());
        List<Region> mine = towns().stream().filter(t -> covered.contains(t.id())).toList();
        if (!mine.isEmpty()) {
            return mine;
        }
        return region(scope.id()).map(Region::parentId).flatMap(this::region).filter(r -> r.kind() == RegionKind.TOWN)
                .map(List::of).orElse(List.of());
    }

    /** {@link #towns(DataScope)} for the signed-in user (every town when nobody is). */
    default List<Region> townsForCurrentUser() {
        return towns(CurrentUser.get().map(u -> u.scope()).orElse(null));
    }

    List<Department> departments();

    Optional<Department> department(UUID id);

    List<SpecialOffice> specialOffices();
}
