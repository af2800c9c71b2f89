package org.anjian.enterprise.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.internal.EnterpriseExcel;
import org.anjian.enterprise.internal.ImportService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel import and export over the API; errors as problem details like the rest of /api. */
@RestController
@RequestMapping("/api/v1/enterprises")
class ImportApiController {

    private final ImportService imports;
    private final EnterpriseExcel excel;
    private final EnterpriseExport export;

    ImportApiController(ImportService imports, EnterpriseExcel excel, EnterpriseExport export) {
        this.imports = imports;
        this.excel = excel;
        this.export = export;
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() throws IOException {
        return ImportExportController.xlsx(excel.template(), "企业导入模板.xlsx");
    }

    /** Starts an import job: 202 with the job; poll {@code /import/{id}} for progress. */
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportService.Job> start(@RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "enterprise.import.fileRequired", "请选择 .xlsx 文件");
        }
        ImportService.Job job = imports.start(CurrentUser.require(), file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.accepted().location(URI.create("/api/v1/enterprises/import/" + job.id())).body(job);
    }

    @GetMapping("/import/{id}")
    ImportService.Job job(@PathVariable UUID id) {
        return imports.job(CurrentUser.require(), id);
    }

    @GetMapping("/import/{id}/errors")
    ResponseEntity<byte[]> errors(@PathVariable UUID id) {
        byte[] sheet = imports.errorSheet(CurrentUser.require(), id).orElseThrow(() -> DomainException.notFound("error sheet"));
        return ImportExportController.xlsx(sheet, "import-errors-" + id + ".xlsx");
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) UUID regionId, @RequestParam(required = false) Sector sector,
                @RequestParam(required = false) SubSector subSector, @RequestParam(required = false) Scale scale,
                @RequestParam(required = false) RiskFlag flag, @RequestParam(required = false) SupervisionClass supervisionClass,
                @RequestParam(required = false) OperatingStatus status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        export.write(new org.anjian.enterprise.internal.EnterpriseFilter(regionId, sector, subSector, scale, flag, supervisionClass, status, q, sort),
                response);
    }
}
