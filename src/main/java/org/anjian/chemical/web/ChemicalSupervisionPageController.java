package org.anjian.chemical.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.domain.PressureClass;
import org.anjian.chemical.domain.StorageSystem;
import org.anjian.chemical.internal.KeyProcesses;
import org.anjian.chemical.internal.Pipelines;
import org.anjian.chemical.internal.StorageSites;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The district's lists of key processes, storage-site gaps, pipelines (with their map) and fuel
 * users: the same service calls as the API, filters kept in the query string.
 */
@Controller
class ChemicalSupervisionPageController {

    private final KeyProcesses processes;
    private final StorageSites sites;
    private final Pipelines pipelines;
    private final OrganizationDirectory organization;

    ChemicalSupervisionPageController(KeyProcesses processes, StorageSites sites, Pipelines pipelines, OrganizationDirectory organization) {
        this.processes = processes;
        this.sites = sites;
        this.pipelines = pipelines;
        this.organization = organization;
    }

    private static String base(String path, Object... pairs) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                b.queryParam((String) pairs[i], pairs[i + 1]);
            }
        }
        return b.build().encode().toUriString();
    }

    @GetMapping("/chemical/key-processes")
    String keyProcesses(@RequestParam(required = false) String processCode, @RequestParam(required = false) UUID townId,
                        @RequestParam(required = false) Boolean automated, @RequestParam(required = false) Boolean sis,
                        @RequestParam(required = false) Integer page, Model model) {
        String code = processes.catalogue().process(processCode).map(p -> p.code()).orElse(null);
        model.addAttribute("result", processes.list(CurrentUser.require(), new KeyProcesses.Filter(code, townId, automated, sis),
                PageRequest.of(page, null)));
        model.addAttribute("catalogue", processes.catalogue());
        model.addAttribute("towns", organization.towns());
        model.addAttribute("processCode", code);
        model.addAttribute("townId", townId);
        model.addAttribute("automated", automated);
        model.addAttribute("sis", sis);
        model.addAttribute("base", base("/chemical/key-processes", "processCode", code, "townId", townId, "automated", automated, "sis", sis));
        return "chemical/key-processes";
    }

    @GetMapping("/chemical/storage-gaps")
    String storageGaps(@RequestParam(required = false) UUID townId, @RequestParam(required = false) StorageSystem gap,
                       @RequestParam(required = false) Boolean all, @RequestParam(required = false) Integer page, Model model) {
        boolean everySite = Boolean.TRUE.equals(all);
        model.addAttribute("result", sites.list(CurrentUser.require(), new StorageSites.Filter(null, townId, gap, !everySite, null),
                PageRequest.of(page, null)));
        model.addAttribute("towns", organization.towns());
        model.addAttribute("systems", Arrays.asList(StorageSystem.values()));
        model.addAttribute("townId", townId);
        model.addAttribute("gap", gap);
        model.addAttribute("all", everySite);
        model.addAttribute("base", base("/chemical/storage-gaps", "townId", townId, "gap", gap, "all", everySite ? true : null));
        return "chemical/storage-gaps";
    }

    /** A regulator turns a gap into a hazard of the enterprise from the list; the list shows the hazard it became. */
    @org.springframework.web.bind.annotation.PostMapping("/chemical/storage-sites/{id}/gaps/{system}/hazard")
    String gapToHazard(@org.springframework.web.bind.annotation.PathVariable UUID id,
                       @org.springframework.web.bind.annotation.PathVariable StorageSystem system,
                       @RequestParam(required = false) String back,
                       org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var result = sites.toHazard(CurrentUser.require(), id, system, null);
        redirect.addFlashAttribute("registeredHazard", result.hazardId());
        return "redirect:" + (back != null && back.startsWith("/chemical/storage-gaps") && !back.contains("//") ? back : "/chemical/storage-gaps");
    }

    @GetMapping("/chemical/pipelines")
    String pipelines(@RequestParam(required = false) UUID townId, @RequestParam(required = false) PressureClass pressureClass,
                     @RequestParam(required = false) Boolean withOpenHazards, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", pipelines.list(CurrentUser.require(), new Pipelines.Filter(townId, pressureClass, null, withOpenHazards, null),
                PageRequest.of(page, PageRequest.MAX_SIZE)));
        model.addAttribute("towns", organization.towns());
        model.addAttribute("classes", Arrays.asList(PressureClass.values()));
        model.addAttribute("townId", townId);
        model.addAttribute("pressureClass", pressureClass);
        model.addAttribute("withOpenHazards", withOpenHazards);
        model.addAttribute("dataUrl", base("/chemical/pipelines/data", "townId", townId, "pressureClass", pressureClass,
                "withOpenHazards", withOpenHazards));
        model.addAttribute("base", base("/chemical/pipelines", "townId", townId, "pressureClass", pressureClass, "withOpenHazards", withOpenHazards));
        return "chemical/pipelines";
    }

    /** The map's data for the signed-in page (the API takes tokens): the same query, up to the page maximum. */
    @GetMapping("/chemical/pipelines/data")
    @org.springframework.web.bind.annotation.ResponseBody
    org.anjian.shared.web.PageResult<Pipelines.PipelineView> pipelineData(@RequestParam(required = false) UUID townId,
                                                                          @RequestParam(required = false) PressureClass pressureClass,
                                                                          @RequestParam(required = false) Boolean withOpenHazards) {
        return pipelines.list(CurrentUser.require(), new Pipelines.Filter(townId, pressureClass, null, withOpenHazards, null),
                PageRequest.of(0, PageRequest.MAX_SIZE));
    }

    @GetMapping("/chemical/pipelines/{id:[0-9a-f-]{36}}")
    String pipeline(@org.springframework.web.bind.annotation.PathVariable UUID id, Model model) {
        var user = CurrentUser.require();
        model.addAttribute("p", pipelines.get(user, id));
        model.addAttribute("hazards", pipelines.hazards(user, id));
        return "chemical/pipeline";
    }

    @GetMapping("/chemical/fuel-users")
    String fuelUsers(@RequestParam(required = false) UUID townId, @RequestParam(required = false) String fuel,
                     @RequestParam(required = false) Boolean withoutAlarm, @RequestParam(required = false) Integer page, Model model) {
        String f = fuel == null || fuel.isBlank() || !List.of("PIPED_GAS", "LPG", "ALCOHOL_FUEL").contains(fuel) ? null : fuel;
        model.addAttribute("result", pipelines.fuelUsers(CurrentUser.require(), townId, f, withoutAlarm, PageRequest.of(page, null)));
        model.addAttribute("towns", organization.towns());
        model.addAttribute("fuels", List.of("PIPED_GAS", "LPG", "ALCOHOL_FUEL"));
        model.addAttribute("townId", townId);
        model.addAttribute("fuel", f);
        model.addAttribute("withoutAlarm", withoutAlarm);
        model.addAttribute("base", base("/chemical/fuel-users", "townId", townId, "fuel", f, "withoutAlarm", withoutAlarm));
        return "chemical/fuel-users";
    }
}
