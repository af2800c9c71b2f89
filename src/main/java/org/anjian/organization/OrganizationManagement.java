package org.anjian.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Changes to the district's organisation, for the district administrator (ORG-1). Every change is audited. */
public interface OrganizationManagement {

    Region saveRegion(RegionForm form);

    Department saveDepartment(DepartmentForm form);

    SpecialOffice saveSpecialOffice(SpecialOfficeForm form);

    /** A region as edited: {@code id} null creates one. */
    record RegionForm(UUID id, String code, String name, RegionKind kind, UUID parentId, Double latitude, Double longitude, Integer sortOrder) {
    }

    record DepartmentForm(UUID id, String code, String name, String shortName, List<String> sectors, Integer sortOrder) {
        public DepartmentForm {
            sectors = sectors == null ? List.of() : new ArrayList<>(sectors);
        }
    }

    record SpecialOfficeForm(UUID id, String code, String name, UUID leadDepartmentId, Integer sortOrder) {
    }
}
