package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.anjian.chemical.internal.ChemicalImports;
import org.anjian.chemical.internal.ChemicalLabels;
import org.anjian.chemical.internal.ChemicalLabels.Label;
import org.anjian.chemical.internal.MsdsFiles;
import org.anjian.chemical.internal.ProductCodes;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The catalogue's label facts and safety data sheets, and the Excel import and export of catalogue, inventories and lists. */
@RestController
@Tag(name = "chemicals", description = "辖区危险化学品目录 (district chemical catalogue)")
class ChemicalFilesApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ChemicalLabels labels;
    private final MsdsFiles msds;
    private final ChemicalImports imports;
    private final ProductCodes codes;

    ChemicalFilesApiController(ChemicalLabels labels, MsdsFiles msds, ChemicalImports imports, ProductCodes codes) {
        this.labels = labels;
        this.msds = msds;
        this.imports = imports;
        this.codes = codes;
    }

    @GetMapping("/api/v1/chemicals/{id}/label")
    @Operation(summary = "A chemical's safety-label facts (GB 15258-2009): signal word, pictograms, statements, first aid, fire fighting, leaks")
    Label label(@PathVariable UUID id) {
        return labels.get(CurrentUser.require(), id);
    }

    @PutMapping("/api/v1/chemicals/{id}/label")
    @Operation(summary = "Set a chemical's safety-label facts (district only)")
    Label putLabel(@PathVariable UUID id, @RequestBody Label body) {
        return labels.put(CurrentUser.require(), id, body);
    }

    @PostMapping(value = "/api/v1/chemicals/{id}/msds", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a chemical's safety data sheet (district only): PDF by content, at most 10 MB")
    Object uploadMsds(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file) throws IOException {
        return msds.uploadForChemical(CurrentUser.require(), id, file == null ? null : file.getOriginalFilename(), ProductApiController.bytes(file));
    }

    @GetMapping(value = "/api/v1/chemicals/{id}/msds", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A chemical's safety data sheet")
    ResponseEntity<byte[]> msds(@PathVariable UUID id) {
        return ProductApiController.pdf(msds.ofChemical(CurrentUser.require(), id));
    }

    @GetMapping({"/api/v1/chemicals/export", "/chemicals/export.xlsx"})
    @Operation(summary = "The catalogue with its label facts as .xlsx, in the import's columns")
    void exportCatalogue(@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        AnjianUser user = CurrentUser.require();
        labels.requireReader(user);
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("危险化学品目录.xlsx"));
        codes.exportCatalogue(user, q, response.getOutputStream());
    }

    @GetMapping({"/api/v1/chemicals/import/template", "/chemicals/import/catalogue-template.xlsx"})
    @Operation(summary = "The catalogue import template (.xlsx)")
    ResponseEntity<byte[]> catalogueTemplate() {
        AnjianUser user = CurrentUser.require();
        requireDistrict(user);
        return xlsx("危险化学品目录导入模板.xlsx", codes.catalogueTemplate());
    }

    @PostMapping(value = "/api/v1/chemicals/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the catalogue from .xlsx, all or nothing: 200 with the count, or 400 with every bad row (row, column, reason)")
    ResponseEntity<ChemicalImports.Result> importCatalogue(@RequestParam(required = false) MultipartFile file) throws IOException {
        AnjianUser user = CurrentUser.require();
        requireDistrict(user);
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "chemical.import.fileRequired", "请选择 .xlsx 文件");
        }
        return answer(imports.importCatalogue(user, file.getInputStream()));
    }

    @GetMapping({"/api/v1/chemical-units/import/template", "/chemicals/import/inventories-template.xlsx"})
    @Operation(summary = "The inventory import template (.xlsx): one row a substance in a unit")
    ResponseEntity<byte[]> inventoryTemplate() {
        requireKeeper(CurrentUser.require());
        return xlsx("危险化学品存量导入模板.xlsx", codes.inventoryTemplate());
    }

    @PostMapping(value = "/api/v1/chemical-units/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import units and their maximum inventories from .xlsx, all or nothing; S, R and the grade are computed")
    ResponseEntity<ChemicalImports.Result> importInventories(@RequestParam(required = false) MultipartFile file) throws IOException {
        AnjianUser user = CurrentUser.require();
        requireKeeper(user);
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "chemical.import.fileRequired", "请选择 .xlsx 文件");
        }
        return answer(imports.importInventories(user, file.getInputStream()));
    }

    @GetMapping({"/api/v1/chemical-units/export", "/chemicals/inventories.xlsx"})
    @Operation(summary = "The units and inventories in the caller's scope as .xlsx, in the import's columns")
    void exportUnits(HttpServletResponse response) throws IOException {
        AnjianUser user = CurrentUser.require();
        labels.requireReader(user);
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("危险化学品存量.xlsx"));
        codes.exportUnits(user, response.getOutputStream());
    }

    private static ResponseEntity<ChemicalImports.Result> answer(ChemicalImports.Result result) {
        return result.ok() ? ResponseEntity.ok(result) : ResponseEntity.badRequest().body(result);
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(name)).body(body);
    }

    private static void requireDistrict(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.forbidden", "only the district keeps the chemical catalogue");
        }
    }

    private static void requireKeeper(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.unit.forbidden", "only the enterprise and the district keep units");
        }
    }
}
