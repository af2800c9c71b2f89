package org.anjian.enterprise.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.internal.ClassificationService;
import org.anjian.enterprise.internal.Enterprise;
import org.anjian.enterprise.internal.EnterpriseFilter;
import org.anjian.enterprise.internal.EnterpriseForm;
import org.anjian.enterprise.internal.EnterpriseScopes;
import org.anjian.enterprise.internal.EnterpriseService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The registry's pages: the list, the profile (一企一档) with its tabs, the form and the map. */
@Controller
@RequestMapping("/enterprises")
class EnterprisePageController {

    static final String LIST = "enterprise/list";
    static final String PROFILE = "enterprise/profile";
    static final String FORM = "enterprise/form";
    static final String MAP = "enterprise/map";
    static final List<String> SORTS = List.of("name", "class", "-score", "-employees", "-updated");

    private final EnterpriseService enterprises;
    private final ClassificationService classification;
    private final EnterpriseScopes scopes;
    private final OrganizationDirectory organization;
    private final RuleDescriptions descriptions;
    private final ProfileTabs tabs;
    private final List<org.anjian.enterprise.EnterpriseProfileTab> moduleTabs;
    private final org.anjian.enterprise.internal.EnterpriseValidator validator;

    EnterprisePageController(EnterpriseService enterprises, ClassificationService classification, EnterpriseScopes scopes,
                             OrganizationDirectory organization, RuleDescriptions descriptions, ProfileTabs tabs,
                             org.springframework.beans.factory.ObjectProvider<org.anjian.enterprise.EnterpriseProfileTab> moduleTabs,
                             org.anjian.enterprise.internal.EnterpriseValidator validator) {
        this.validator = validator;
        this.moduleTabs = moduleTabs.orderedStream()
                .sorted(java.util.Comparator.comparingInt(org.anjian.enterprise.EnterpriseProfileTab::order)).toList();
        this.enterprises = enterprises;
        this.classification = classification;
        this.scopes = scopes;
        this.organization = organization;
        this.descriptions = descriptions;
        this.tabs = tabs;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID regionId, @RequestParam(required = false) Sector sector,
                @RequestParam(required = false) SubSector subSector, @RequestParam(required = false) Scale scale,
                @RequestParam(required = false) RiskFlag flag, @RequestParam(required = false) SupervisionClass supervisionClass,
                @RequestParam(required = false) OperatingStatus status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
        AnjianUser user = CurrentUser.require();
        EnterpriseFilter filter = new EnterpriseFilter(regionId, sector, subSector, scale, flag, supervisionClass, status, q, sort);
        model.addAttribute("result", enterprises.search(user, filter, PageRequest.of(page, 20)));
        model.addAttribute("filter", filter);
        model.addAttribute("classCounts", enterprises.countByClass(user));
        model.addAttribute("canRegister", scopes.canRegister(user));
        model.addAttribute("base", query("/enterprises", filter));
        model.addAttribute("exportUrl", query("/enterprises/export", filter));
        model.addAttribute("sorts", SORTS);
        return withChoices(model, LIST);
    }

    /** The filter as a query string, for the pager, the export and the map. */
    static String query(String path, EnterpriseFilter f) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("regionId", Optional.ofNullable(f.regionId()))
                .queryParamIfPresent("sector", Optional.ofNullable(f.sector()))
                .queryParamIfPresent("subSector", Optional.ofNullable(f.subSector()))
                .queryParamIfPresent("scale", Optional.ofNullable(f.scale()))
                .queryParamIfPresent("flag", Optional.ofNullable(f.flag()))
                .queryParamIfPresent("supervisionClass", Optional.ofNullable(f.supervisionClass()))
                .queryParamIfPresent("status", Optional.ofNullable(f.status()))
                .queryParamIfPresent("q", Optional.ofNullable(f.q()).filter(s -> !s.isBlank()))
                .queryParamIfPresent("sort", Optional.ofNullable(f.sort()).filter(s -> !s.isBlank()))
                .build().encode().toUriString();
    }

    @GetMapping("/{id}")
    String profile(@PathVariable UUID id, @RequestParam(defaultValue = "profile") String tab, Model model) {
        AnjianUser user = CurrentUser.require();
        Enterprise e = enterprises.get(user, id);
        model.addAttribute("e", e);
        model.addAttribute("tab", tab);
        model.addAttribute("town", organization.region(e.townId()).map(Region::name).orElse("—"));
        model.addAttribute("park", e.parkId() == null ? null : organization.region(e.parkId()).map(Region::name).orElse(null));
        model.addAttribute("canEdit", scopes.canEditProfile(user, e) || scopes.canEditOwnContact(user, e));
        model.addAttribute("canSetInputs", scopes.canSetClassificationInputs(user, e));
        model.addAttribute("canEditDuties", scopes.canEditDuties(user, e));
        if ("classification".equals(tab)) {
            List<ClassificationService.Record> history = classification.history(id);
            model.addAttribute("history", history);
            model.addAttribute("latest", history.isEmpty() ? null : history.get(0));
            model.addAttribute("descriptions", history.isEmpty() ? Map.of() : history.get(0).firedRules().stream()
                    .collect(Collectors.toMap(f -> f.code(), f -> descriptions.describe(history.get(0).ruleSetVersion(), f.code()), (a, b) -> a)));
        }
        tabs.fill(tab, user, e, model);
        // tabs other modules contribute: listed when they apply, filled only when open
        List<org.anjian.enterprise.EnterpriseProfileTab> extra = moduleTabs.stream().filter(t -> t.appliesTo(e.summary())).toList();
        model.addAttribute("moduleTabs", extra);
        extra.stream().filter(t -> t.key().equals(tab)).findFirst().ifPresent(t -> {
            Map<String, Object> attributes = new java.util.HashMap<>();
            t.fill(e.summary(), attributes);
            model.addAllAttributes(attributes);
            model.addAttribute("moduleFragment", t.fragment());
        });
        return PROFILE;
    }

    @PostMapping("/{id}/classification-inputs")
    String setInputs(@PathVariable UUID id, @RequestParam(required = false) String standardizationGrade,
                     @RequestParam(defaultValue = "0") int accidentsIn3Years, @RequestParam(defaultValue = "0") int openMajorHazards,
                     @RequestParam(defaultValue = "0") int enforcementCount, @RequestParam(defaultValue = "0") int majorHazardSources,
                     RedirectAttributes redirect) {
        AnjianUser user = CurrentUser.require();
        Enterprise e = enterprises.get(user, id);
        if (!scopes.canSetClassificationInputs(user, e)) {
            throw new AccessDeniedException("classification inputs are the regulator's");
        }
        try {
            // the grade comes from the standardization module (STD-1): a different typed grade is refused
            classification.setRegulatorInputs(e, standardizationGrade,
                    accidentsIn3Years, openMajorHazards, enforcementCount, majorHazardSources);
            redirect.addFlashAttribute("saved", e.name());
        } catch (DomainException ex) {
            redirect.addFlashAttribute("inputErrors", ex.fieldErrors().stream().map(DomainException.FieldError::code).distinct().toList());
        }
        return "redirect:/enterprises/" + id + "?tab=classification";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        if (!scopes.canRegister(CurrentUser.require())) {
            throw new AccessDeniedException("may not register");
        }
        model.addAttribute("form", new EnterpriseForm("", "", "", "", "", null, null, null, null, null, null, null, 0,
                OperatingStatus.PRODUCING, Set.of()));
        model.addAttribute("id", null);
        model.addAttribute("contactOnly", false);
        model.addAttribute("errors", Map.of());
        return withChoices(model, FORM);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        Enterprise e = enterprises.get(user, id);
        boolean full = scopes.canEditProfile(user, e);
        if (!full && !scopes.canEditOwnContact(user, e)) {
            throw new AccessDeniedException("may not edit");
        }
        model.addAttribute("form", EnterpriseForm.of(e));
        model.addAttribute("id", id);
        model.addAttribute("contactOnly", !full);
        model.addAttribute("errors", Map.of());
        return withChoices(model, FORM);
    }

    @PostMapping({"", "/{id}"})
    String save(@PathVariable(required = false) UUID id, @RequestParam(required = false) String creditCode,
                @RequestParam(required = false) String name, @RequestParam(required = false) String legalRepresentative,
                @RequestParam(required = false) String address, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String latitude, @RequestParam(required = false) String longitude,
                @RequestParam(required = false) UUID townId, @RequestParam(required = false) UUID parkId,
                @RequestParam(required = false) Sector sector, @RequestParam(required = false) SubSector subSector,
                @RequestParam(required = false) Scale scale, @RequestParam(required = false) String employees,
                @RequestParam(required = false) OperatingStatus status, @RequestParam(required = false) RiskFlag[] flags,
                Model model, RedirectAttributes redirect) {
        AnjianUser user = CurrentUser.require();
        Map<String, String> errors = new LinkedHashMap<>();
        Double lat = number(latitude, "latitude", errors);
        Double lon = number(longitude, "longitude", errors);
        Double emp = number(employees, "employees", errors);
        EnterpriseForm form = new EnterpriseForm(creditCode, name, legalRepresentative, address, phone, lat, lon, townId, parkId, sector,
                subSector, scale, emp == null ? null : emp.intValue(), status, flags == null ? Set.of() : Set.copyOf(Arrays.asList(flags)));
        if (errors.isEmpty()) {
            try {
                Enterprise saved = id == null ? enterprises.create(user, form) : enterprises.update(user, id, form);
                redirect.addFlashAttribute("saved", saved.name());
                return "redirect:/enterprises/" + saved.id();
            } catch (DomainException e) {
                e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), f.code()));
            }
        } else {
            // a number that is not one: still show every other field's error at once, not one at a time
            validator.validate(form, id, id == null).forEach(f -> errors.putIfAbsent(f.field(), f.code()));
        }
        Map<String, String> raw = new java.util.HashMap<>();
        raw.put("latitude", latitude);
        raw.put("longitude", longitude);
        raw.put("employees", employees);
        model.addAttribute("raw", raw);
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("contactOnly", id != null && !scopes.canEditProfile(user, enterprises.get(user, id)));
        model.addAttribute("errors", errors);
        return withChoices(model, FORM);
    }

    private static Double number(String s, String field, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "shared.validation.type");
            return null;
        }
    }

    @GetMapping("/map")
    String map(@RequestParam(required = false) UUID regionId, @RequestParam(required = false) Sector sector,
               @RequestParam(required = false) RiskFlag flag, @RequestParam(required = false) SupervisionClass supervisionClass, Model model) {
        EnterpriseFilter filter = new EnterpriseFilter(regionId, sector, null, null, flag, supervisionClass, null, null, null);
        model.addAttribute("filter", filter);
        model.addAttribute("dataUrl", query("/enterprises/map/data", filter));
        return withChoices(model, MAP);
    }

    record MapPoint(UUID id, String name, double lat, double lon, String c) {
    }

    record TownPoint(String name, double lat, double lon) {
    }

    record MapData(List<MapPoint> points, List<TownPoint> towns) {
    }

    /** Markers for the map, in the caller's scope; compact because a district has thousands. */
    @GetMapping("/map/data")
    @ResponseBody
    MapData mapData(@RequestParam(required = false) UUID regionId, @RequestParam(required = false) Sector sector,
                    @RequestParam(required = false) RiskFlag flag, @RequestParam(required = false) SupervisionClass supervisionClass) {
        EnterpriseFilter filter = new EnterpriseFilter(regionId, sector, null, null, flag, supervisionClass, null, null, null);
        List<MapPoint> points = new ArrayList<>();
        enterprises.forEach(CurrentUser.require(), filter, e -> {
            if (e.latitude() != null && e.longitude() != null) {
                points.add(new MapPoint(e.id(), e.name(), e.latitude(), e.longitude(),
                        e.supervisionClass() == null ? "-" : e.supervisionClass().name()));
            }
        });
        List<TownPoint> towns = organization.towns().stream().filter(t -> t.latitude() != null)
                .map(t -> new TownPoint(t.name(), t.latitude(), t.longitude())).toList();
        return new MapData(points, towns);
    }

    private String withChoices(Model model, String view) {
        model.addAttribute("towns", organization.townsForCurrentUser());
        model.addAttribute("parks", organization.regions().stream().filter(r -> r.kind() == RegionKind.PARK).toList());
        model.addAttribute("regionNames", organization.regions().stream().collect(Collectors.toMap(Region::id, Region::name)));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("subSectors", SubSector.values());
        model.addAttribute("scales", Scale.values());
        model.addAttribute("statuses", OperatingStatus.values());
        model.addAttribute("flags", RiskFlag.values());
        model.addAttribute("classes", SupervisionClass.values());
        model.addAttribute("grades", List.of("LEVEL_1", "LEVEL_2", "LEVEL_3"));
        return view;
    }
}
