package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.anjian.chemical.domain.StorageSystem;
import org.anjian.chemical.internal.StorageSites;
import org.anjian.chemical.internal.StorageSites.GapHazard;
import org.anjian.chemical.internal.StorageSites.HazardRequest;
import org.anjian.chemical.internal.StorageSites.SiteInput;
import org.anjian.chemical.internal.StorageSites.SiteView;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tank farms and oil and gas storage sites with the 四个系统 checklist and its gaps. */
@RestController
@Tag(name = "storage-sites", description = "液化烃罐区与油气储存“四个系统”")
class StorageSiteApiController {

    private final StorageSites sites;

    StorageSiteApiController(StorageSites sites) {
        this.sites = sites;
    }

    @GetMapping("/api/v1/storage-sites")
    @Operation(summary = "Storage sites in the caller's scope; gap=a system that is absent or out of order, gapsOnly=any gap; by town, kind, enterprise; paged")
    PageResult<SiteView> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID townId,
                              @RequestParam(required = false) StorageSystem gap, @RequestParam(required = false) Boolean gapsOnly,
                              @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return sites.list(CurrentUser.require(), new StorageSites.Filter(enterpriseId, townId, gap, gapsOnly, KeyProcessApiController.blank(kind)),
                PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/storage-sites/{id}")
    @Operation(summary = "A storage site with its tanks, its 四个系统 and its gaps (with the hazard each became, if open)")
    SiteView get(@PathVariable UUID id) {
        return sites.get(CurrentUser.require(), id);
    }

    @PostMapping("/api/v1/storage-sites")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a tank farm or storage site: tanks (medium, m³, pressure or atmospheric) and each of the 四个系统 PRESENT, ABSENT or OUT_OF_ORDER")
    SiteView create(@RequestBody SiteInput body) {
        return sites.create(CurrentUser.require(), body);
    }

    @PutMapping("/api/v1/storage-sites/{id}")
    @Operation(summary = "Change a storage site's tanks or checklist")
    SiteView update(@PathVariable UUID id, @RequestBody SiteInput body) {
        return sites.update(CurrentUser.require(), id, body);
    }

    @PostMapping("/api/v1/storage-sites/{id}/gaps/{system}/hazard")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turn a gap into a hazard of the enterprise in the hazard loop; major when it meets 安监总管三〔2017〕121号 item 5 or 12")
    GapHazard toHazard(@PathVariable UUID id, @PathVariable StorageSystem system, @RequestBody(required = false) HazardRequest body) {
        return sites.toHazard(CurrentUser.require(), id, system, body);
    }
}
