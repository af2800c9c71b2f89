package org.anjian.enterprise.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.domain.MineGaps.PermitKind;
import org.anjian.enterprise.internal.DutiesService;
import org.anjian.enterprise.internal.EnterpriseService;
import org.anjian.enterprise.internal.MineService;
import org.anjian.enterprise.internal.OutletService;
import org.anjian.enterprise.internal.ResponsiblePersonService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Pages for licences and duties, responsible persons (with the public posting), mines and outlets. */
@Controller
class DutiesPageController {

    static final String POSTING = "enterprise/public-posting";

    private final DutiesService duties;
    private final ResponsiblePersonService responsible;
    private final MineService mines;
    private final OutletService outlets;
    private final EnterpriseService enterprises;
    private final OrganizationDirectory organization;

    DutiesPageController(DutiesService duties, ResponsiblePersonService responsible, MineService mines, OutletService outlets,
                         EnterpriseService enterprises, OrganizationDirectory organization) {
        this.duties = duties;
        this.responsible = responsible;
        this.mines = mines;
        this.outlets = outlets;
        this.enterprises = enterprises;
        this.organization = organization;
    }

    private static String back(UUID id, String tab) {
        return "redirect:/enterprises/" + id + "?tab=" + tab;
    }

    private static void errors(RedirectAttributes redirect, DomainException e) {
        redirect.addFlashAttribute("formErrors", e.fieldErrors().stream()
                .collect(Collectors.toMap(DomainException.FieldError::field, DomainException.FieldError::code, (a, b) -> a)));
    }

    @PostMapping("/enterprises/{id}/licences")
    String addLicence(@PathVariable UUID id, @RequestParam(required = false) String kind, @RequestParam(required = false) String number,
                      @RequestParam(required = false) String scope, @RequestParam(required = false) String issuer,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, RedirectAttributes redirect) {
        try {
            duties.addLicence(CurrentUser.require(), id, new DutiesService.LicenceForm(kind, number, scope, issuer, validFrom, validTo));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return back(id, "licences");
    }

    @PostMapping("/enterprises/{id}/licences/{licenceId}/delete")
    String deleteLicence(@PathVariable UUID id, @PathVariable UUID licenceId) {
        duties.deleteLicence(CurrentUser.require(), id, licenceId);
        return back(id, "licences");
    }

    @PostMapping("/enterprises/{id}/key-persons")
    String addPerson(@PathVariable UUID id, @RequestParam(required = false) String role, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String phone, @RequestParam(required = false) String certificateNo,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appointedOn,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn, RedirectAttributes redirect) {
        try {
            duties.addPerson(CurrentUser.require(), id, new DutiesService.PersonForm(role, name, phone, certificateNo, appointedOn, assessedOn));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return back(id, "licences");
    }

    @PostMapping("/enterprises/{id}/key-persons/{personId}/delete")
    String deletePerson(@PathVariable UUID id, @PathVariable UUID personId) {
        duties.deletePerson(CurrentUser.require(), id, personId);
        return back(id, "licences");
    }

    @PostMapping("/enterprises/{id}/responsible-persons")
    String assign(@PathVariable UUID id, @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String post, @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        try {
            responsible.assign(CurrentUser.require(), id, new ResponsiblePersonService.PersonForm(null, kind, name, post, phone));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return back(id, "responsible");
    }

    @PostMapping("/enterprises/{id}/responsible-persons/{personId}/checks")
    String recordCheck(@PathVariable UUID id, @PathVariable UUID personId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
                       @RequestParam(required = false) String place, @RequestParam(required = false) String findings, RedirectAttributes redirect) {
        try {
            responsible.recordCheck(CurrentUser.require(), id, personId, new ResponsiblePersonService.CheckForm(checkedOn, place, findings));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return back(id, "responsible");
    }

    @PostMapping("/enterprises/{id}/mine")
    String saveMine(@PathVariable UUID id, @RequestParam(required = false) String mineral, @RequestParam(required = false) PermitKind permitKind,
                    @RequestParam(required = false) BigDecimal outputMtPerYear, @RequestParam(required = false) Integer permitTermYears,
                    @RequestParam(defaultValue = "false") boolean crusherMechanized, RedirectAttributes redirect) {
        try {
            mines.saveProfile(CurrentUser.require(), id, new MineService.MineProfile(mineral, permitKind, outputMtPerYear, permitTermYears, crusherMechanized));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return back(id, "mine");
    }

    @PostMapping("/enterprises/{id}/mine/slopes")
    String addSlope(@PathVariable UUID id, @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                    @RequestParam(required = false) BigDecimal heightM, @RequestParam(defaultValue = "false") boolean onlineMonitoring,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastStabilityAnalysis,
                    RedirectAttributes redirect) {
        try {
            mines.addSlope(CurrentUser.require(), id, new MineService.SlopeRecord(null, kind, name, heightM, onlineMonitoring, lastStabilityAnalysis));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return back(id, "mine");
    }

    @PostMapping("/enterprises/{id}/mine/months")
    String saveMonth(@PathVariable UUID id, @RequestParam(required = false) YearMonth month, @RequestParam(required = false) Integer controllerDays,
                     @RequestParam(required = false) Integer chiefEngineerDays, @RequestParam(defaultValue = "false") boolean principalCheckSigned,
                     RedirectAttributes redirect) {
        try {
            mines.saveMonth(CurrentUser.require(), id, new MineService.Month(month, controllerDays, chiefEngineerDays, principalCheckSigned));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return back(id, "mine");
    }

    @PostMapping("/enterprises/compliance/special-periods")
    String declarePeriod(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, RedirectAttributes redirect) {
        try {
            responsible.declarePeriod(CurrentUser.require(), new ResponsiblePersonService.PeriodForm(name, kind, startsOn, endsOn));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return "redirect:/enterprises/compliance";
    }

    @PostMapping("/enterprises/outlets")
    String addOutlet(@RequestParam(required = false) String name, @RequestParam(required = false) UUID townId,
                     @RequestParam(required = false) String planPointCode, @RequestParam(required = false) String licenceNo,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate licensedOn,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate licenceValidTo,
                     RedirectAttributes redirect) {
        try {
            outlets.addOutlet(CurrentUser.require(), new OutletService.Outlet(null, name, townId, planPointCode, null, null, licenceNo, licensedOn, licenceValidTo));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return "redirect:/enterprises/outlets";
    }

    @PostMapping("/enterprises/outlets/plans")
    String savePlan(@RequestParam(required = false) UUID townId, @RequestParam(defaultValue = "0") int quota,
                    @RequestParam(required = false) String points, RedirectAttributes redirect) {
        try {
            outlets.savePlan(CurrentUser.require(), new OutletService.Plan(townId, quota,
                    points == null ? List.of() : java.util.Arrays.asList(points.split("[,，\\s]+"))));
        } catch (DomainException e) {
            errors(redirect, e);
        }
        return "redirect:/enterprises/outlets";
    }

    /** The posting anyone may open, e.g. from the QR code at the gate: names and posts, phones masked. */
    @GetMapping("/public/enterprises/{id}/responsible-persons")
    String posting(@PathVariable UUID id, Model model) {
        EnterpriseSummary e = enterprises.find(id).filter(x -> x.status() != org.anjian.enterprise.OperatingStatus.CLOSED)
                .orElseThrow(() -> DomainException.notFound("enterprise"));
        model.addAttribute("name", e.name());
        model.addAttribute("town", organization.region(e.townId()).map(Region::name).orElse(""));
        model.addAttribute("persons", responsible.personsOf(id));
        return POSTING;
    }

    @GetMapping(value = "/public/enterprises/{id}/responsible-persons/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable UUID id) throws WriterException, IOException {
        enterprises.find(id).orElseThrow(() -> DomainException.notFound("enterprise"));
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/enterprises/{id}/responsible-persons")
                .buildAndExpand(id).toUriString();
        BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 240, 240,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1))).body(png.toByteArray());
    }
}
