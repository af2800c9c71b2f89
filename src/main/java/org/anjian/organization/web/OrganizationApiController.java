package org.anjian.organization.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.OrganizationManagement;
import org.anjian.organization.OrganizationManagement.DepartmentForm;
import org.anjian.organization.OrganizationManagement.RegionForm;
import org.anjian.organization.OrganizationManagement.SpecialOfficeForm;
import org.anjian.organization.Region;
import org.anjian.organization.SpecialOffice;
import org.anjian.organization.internal.RegionOutlines;
import org.anjian.shared.error.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The district's reference data: everybody signed in reads it, the district administrator edits it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "organization", description = "区划、部门与专项办 (regions, departments, special offices)")
class OrganizationApiController {

    private final OrganizationDirectory directory;
    private final OrganizationManagement management;
    private final RegionOutlines outlines;

    OrganizationApiController(OrganizationDirectory directory, OrganizationManagement management, RegionOutlines outlines) {
        this.directory = directory;
        this.management = management;
        this.outlines = outlines;
    }

    @GetMapping("/regions")
    List<Region> regions() {
        return directory.regions();
    }

    /** The district's and towns' outlines (GeoJSON), the base layer of every map; they change only with a new release. */
    @GetMapping(path = {"/regions/outlines"}, produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> outlines() {
        return OutlinePageController.geoJson(outlines);
    }

    @GetMapping("/regions/{id}")
    Region region(@PathVariable UUID id) {
        return directory.region(id).orElseThrow(() -> DomainException.notFound("region"));
    }

    @PostMapping("/regions")
    @ResponseStatus(HttpStatus.CREATED)
    Region createRegion(@RequestBody RegionForm form) {
        return management.saveRegion(new RegionForm(null, form.code(), form.name(), form.kind(), form.parentId(), form.latitude(),
                form.longitude(), form.sortOrder()));
    }

    @PutMapping("/regions/{id}")
    Region updateRegion(@PathVariable UUID id, @RequestBody RegionForm form) {
        return management.saveRegion(new RegionForm(id, form.code(), form.name(), form.kind(), form.parentId(), form.latitude(),
                form.longitude(), form.sortOrder()));
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return directory.departments();
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    Department createDepartment(@RequestBody DepartmentForm form) {
        return management.saveDepartment(new DepartmentForm(null, form.code(), form.name(), form.shortName(), form.sectors(), form.sortOrder()));
    }

    @PutMapping("/departments/{id}")
    Department updateDepartment(@PathVariable UUID id, @RequestBody DepartmentForm form) {
        return management.saveDepartment(new DepartmentForm(id, form.code(), form.name(), form.shortName(), form.sectors(), form.sortOrder()));
    }

    @GetMapping("/special-offices")
    List<SpecialOffice> specialOffices() {
        return directory.specialOffices();
    }

    @PostMapping("/special-offices")
    @ResponseStatus(HttpStatus.CREATED)
    SpecialOffice createSpecialOffice(@RequestBody SpecialOfficeForm form) {
        return management.saveSpecialOffice(new SpecialOfficeForm(null, form.code(), form.name(), form.leadDepartmentId(), form.sortOrder()));
    }

    @PutMapping("/special-offices/{id}")
    SpecialOffice updateSpecialOffice(@PathVariable UUID id, @RequestBody SpecialOfficeForm form) {
        return management.saveSpecialOffice(new SpecialOfficeForm(id, form.code(), form.name(), form.leadDepartmentId(), form.sortOrder()));
    }
}
