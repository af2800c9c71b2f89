package org.anjian.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Read access to the district's organisation for every other module. */
public interface OrganizationDirectory {

    Region district();

    List<Region> regions();

    Optional<Region> region(UUID id);

    Optional<Region> regionByName(String name);

    /** The region and every region below it: the ids a town official's scope covers. */
    Set<UUID> regionAndDescendants(UUID id);

    List<Region> towns();

    List<Department> departments();

    Optional<Department> department(UUID id);

    List<SpecialOffice> specialOffices();
}
