package org.anjian.enterprise.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.domain.LicenceDuties;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.SpecialPeriod;
import org.anjian.enterprise.internal.DutiesService;
import org.anjian.enterprise.internal.MineService;
import org.anjian.enterprise.internal.OutletService;
import org.anjian.enterprise.internal.ResponsiblePersonService;
import org.anjian.shared.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Licences and duties (ENT-4), responsible persons (ENT-5), mines (ENT-6) and outlets (ENT-8) over REST. */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "enterprise-duties", description = "证照、三个责任人、矿山与烟花爆竹网点 (licences, responsible persons, mines, outlets)")
class DutiesApiController {

    private final DutiesService duties;
    private final ResponsiblePersonService responsible;
    private final MineService mines;
    private final OutletService outlets;

    DutiesApiController(DutiesService duties, ResponsiblePersonService responsible, MineService mines, OutletService outlets) {
        this.duties = duties;
        this.responsible = responsible;
        this.mines = mines;
        this.outlets = outlets;
    }

    @GetMapping("/{id}/licences")
    List<DutiesService.LicenceStatus> licences(@PathVariable UUID id) {
        return duties.licenceStatuses(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/licences")
    @ResponseStatus(HttpStatus.CREATED)
    DutiesService.Licence addLicence(@PathVariable UUID id, @RequestBody DutiesService.LicenceForm form) {
        return duties.addLicence(CurrentUser.require(), id, form);
    }

    @DeleteMapping("/{id}/licences/{licenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLicence(@PathVariable UUID id, @PathVariable UUID licenceId) {
        duties.deleteLicence(CurrentUser.require(), id, licenceId);
    }

    @GetMapping("/{id}/key-persons")
    List<DutiesService.Person> keyPersons(@PathVariable UUID id) {
        return duties.persons(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/key-persons")
    @ResponseStatus(HttpStatus.CREATED)
    DutiesService.Person addKeyPerson(@PathVariable UUID id, @RequestBody DutiesService.PersonForm form) {
        return duties.addPerson(CurrentUser.require(), id, form);
    }

    @DeleteMapping("/{id}/key-persons/{personId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteKeyPerson(@PathVariable UUID id, @PathVariable UUID personId) {
        duties.deletePerson(CurrentUser.require(), id, personId);
    }

    @GetMapping("/{id}/gaps")
    List<LicenceDuties.Finding> gaps(@PathVariable UUID id) {
        return duties.gaps(CurrentUser.require(), id);
    }

    @GetMapping("/due-soon")
    List<DutiesService.LicenceStatus> dueSoon(@RequestParam(defaultValue = "200") int limit) {
        return duties.dueSoon(CurrentUser.require(), Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/gaps")
    List<DutiesService.EnterpriseGaps> allGaps(@RequestParam(defaultValue = "200") int limit) {
        return duties.allGaps(CurrentUser.require(), Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/{id}/responsible-persons")
    List<ResponsiblePersonService.Person> responsiblePersons(@PathVariable UUID id) {
        return responsible.persons(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/responsible-persons")
    @ResponseStatus(HttpStatus.CREATED)
    ResponsiblePersonService.Person assign(@PathVariable UUID id, @RequestBody ResponsiblePersonService.PersonForm form) {
        return responsible.assign(CurrentUser.require(), id, form);
    }

    @DeleteMapping("/{id}/responsible-persons/{personId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unassign(@PathVariable UUID id, @PathVariable UUID personId) {
        responsible.unassign(CurrentUser.require(), id, personId);
    }

    @GetMapping("/{id}/responsible-checks")
    List<ResponsiblePersonService.CheckRecord> checks(@PathVariable UUID id) {
        return responsible.checks(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/responsible-persons/{personId}/checks")
    @ResponseStatus(HttpStatus.CREATED)
    ResponsiblePersonService.CheckRecord recordCheck(@PathVariable UUID id, @PathVariable UUID personId,
                                                     @RequestBody ResponsiblePersonService.CheckForm form) {
        return responsible.recordCheck(CurrentUser.require(), id, personId, form);
    }

    @GetMapping("/responsible-compliance")
    List<ResponsiblePersonService.PersonCompliance> compliance(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return responsible.compliance(CurrentUser.require(), asOf == null ? responsible.today() : asOf);
    }

    @GetMapping("/responsible-compliance/towns")
    List<ResponsiblePersonService.TownCompliance> complianceByTown(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return responsible.byTown(responsible.compliance(CurrentUser.require(), asOf == null ? responsible.today() : asOf));
    }

    @PostMapping("/special-periods")
    @ResponseStatus(HttpStatus.CREATED)
    SpecialPeriod declarePeriod(@RequestBody ResponsiblePersonService.PeriodForm form) {
        return responsible.declarePeriod(CurrentUser.require(), form);
    }

    @GetMapping("/{id}/mine")
    MineService.MineView mine(@PathVariable UUID id) {
        return mines.view(CurrentUser.require(), id);
    }

    @PutMapping("/{id}/mine")
    MineService.MineProfile saveMine(@PathVariable UUID id, @RequestBody MineService.MineProfile profile) {
        return mines.saveProfile(CurrentUser.require(), id, profile);
    }

    @PostMapping("/{id}/mine/slopes")
    @ResponseStatus(HttpStatus.CREATED)
    MineService.SlopeRecord addSlope(@PathVariable UUID id, @RequestBody MineService.SlopeRecord slope) {
        return mines.addSlope(CurrentUser.require(), id, slope);
    }

    @PutMapping("/{id}/mine/months")
    MineService.Month saveMonth(@PathVariable UUID id, @RequestBody MineService.Month month) {
        return mines.saveMonth(CurrentUser.require(), id, month);
    }

    @GetMapping("/fireworks-outlets")
    List<OutletService.OutletStatus> outlets() {
        return outlets.outlets(CurrentUser.require());
    }

    @PostMapping("/fireworks-outlets")
    @ResponseStatus(HttpStatus.CREATED)
    OutletService.Outlet addOutlet(@RequestBody OutletService.Outlet outlet) {
        return outlets.addOutlet(CurrentUser.require(), outlet);
    }

    @PutMapping("/fireworks-outlets/plans/{townId}")
    OutletService.Plan savePlan(@PathVariable UUID townId, @RequestBody OutletService.Plan plan) {
        return outlets.savePlan(CurrentUser.require(), new OutletService.Plan(townId, plan.quota(), plan.points()));
    }
}
