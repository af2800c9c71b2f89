package org.anjian.organization.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.OrganizationManagement;
import org.anjian.organization.OrganizationManagement.DepartmentForm;
import org.anjian.organization.OrganizationManagement.RegionForm;
import org.anjian.organization.OrganizationManagement.SpecialOfficeForm;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.shared.error.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/organization")
class OrganizationController {

    static final String VIEW = "organization/index";
    static final String REGION_FORM = "organization/region-form";
    static final String DEPARTMENT_FORM = "organization/department-form";
    static final List<String> SECTORS = List.of("INDUSTRY_TRADE", "NON_COAL_MINE", "HAZCHEM", "FIREWORKS");

    private final OrganizationDirectory directory;
    private final OrganizationManagement management;

    OrganizationController(OrganizationDirectory directory, OrganizationManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping
    String index(Model model) {
        List<Region> regions = directory.regions();
        Map<UUID, List<Region>> children = regions.stream().filter(r -> r.parentId() != null)
                .collect(Collectors.groupingBy(Region::parentId));
        model.addAttribute("district", directory.district());
        model.addAttribute("towns", children.getOrDefault(directory.district().id(), List.of()));
        model.addAttribute("children", children);
        model.addAttribute("departments", directory.departments());
        model.addAttribute("departmentsById", directory.departments().stream().collect(Collectors.toMap(Department::id, Function.identity())));
        model.addAttribute("offices", directory.specialOffices());
        return VIEW;
    }

    @GetMapping({"/regions/new", "/regions/{id}"})
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SYSTEM_ADMIN')")
    String regionForm(@PathVariable(required = false) UUID id, Model model) {
        Region r = id == null ? null : directory.region(id).orElseThrow(() -> DomainException.notFound("region"));
        model.addAttribute("region", r == null
                ? new RegionForm(null, "", "", RegionKind.TOWN, directory.district().id(), null, null, null)
                : new RegionForm(r.id(), r.code(), r.name(), r.kind(), r.parentId(), r.latitude(), r.longitude(), r.sortOrder()));
        return regionView(model, Map.of());
    }

    @PostMapping("/regions")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SYSTEM_ADMIN')")
    String saveRegion(@RequestParam(required = false) UUID id, @RequestParam String code, @RequestParam String name,
                      @RequestParam(required = false) RegionKind kind, @RequestParam(required = false) UUID parentId,
                      @RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude,
                      @RequestParam(required = false) Integer sortOrder, Model model, RedirectAttributes redirect) {
        RegionForm form = new RegionForm(id, code, name, kind, parentId, latitude, longitude, sortOrder);
        try {
            Region saved = management.saveRegion(form);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/organization";
        } catch (DomainException e) {
            model.addAttribute("region", form);
            return regionView(model, errors(e));
        }
    }

    @GetMapping({"/departments/new", "/departments/{id}"})
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SYSTEM_ADMIN')")
    String departmentForm(@PathVariable(required = false) UUID id, Model model) {
        Department d = id == null ? null : directory.department(id).orElseThrow(() -> DomainException.notFound("department"));
        model.addAttribute("department", d == null ? new DepartmentForm(null, "", "", "", List.of(), null)
                : new DepartmentForm(d.id(), d.code(), d.name(), d.shortName(), d.sectors(), d.sortOrder()));
        return departmentView(model, Map.of());
    }

    @PostMapping("/departments")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SYSTEM_ADMIN')")
    String saveDepartment(@RequestParam(required = false) UUID id, @RequestParam String code, @RequestParam String name,
                          @RequestParam String shortName, @RequestParam(required = false) String[] sectors,
                          @RequestParam(required = false) Integer sortOrder, Model model, RedirectAttributes redirect) {
        DepartmentForm form = new DepartmentForm(id, code, name, shortName, sectors == null ? List.of() : Arrays.asList(sectors), sortOrder);
        try {
            Department saved = management.saveDepartment(form);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/organization#departments";
        } catch (DomainException e) {
            model.addAttribute("department", form);
            return departmentView(model, errors(e));
        }
    }

    @PostMapping("/special-offices")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SYSTEM_ADMIN')")
    String saveOffice(@RequestParam(required = false) UUID id, @RequestParam String code, @RequestParam String name,
                      @RequestParam(required = false) UUID leadDepartmentId, @RequestParam(required = false) Integer sortOrder,
                      RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("saved", management.saveSpecialOffice(new SpecialOfficeForm(id, code, name, leadDepartmentId, sortOrder)).name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("officeErrors", new ArrayList<>(errors(e).values()));
        }
        return "redirect:/organization#offices";
    }

    private String regionView(Model model, Map<String, String> errors) {
        model.addAttribute("parents", directory.regions().stream().filter(r -> r.kind() != RegionKind.PARK).toList());
        model.addAttribute("kinds", RegionKind.values());
        model.addAttribute("errors", errors);
        return REGION_FORM;
    }

    private String departmentView(Model model, Map<String, String> errors) {
        model.addAttribute("sectors", SECTORS);
        model.addAttribute("errors", errors);
        return DEPARTMENT_FORM;
    }

    /** Field → message key of the first error on it. */
    private static Map<String, String> errors(DomainException e) {
        return e.fieldErrors().stream().collect(Collectors.toMap(DomainException.FieldError::field, DomainException.FieldError::code, (a, b) -> a));
    }
}
