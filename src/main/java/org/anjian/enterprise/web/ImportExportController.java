package org.anjian.enterprise.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.internal.EnterpriseExcel;
import org.anjian.enterprise.internal.EnterpriseFilter;
import org.anjian.enterprise.internal.ImportService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Excel in and out (ENT-1) for pages and the API: the template, the import job with its progress
 * and error sheet, and the export of the filtered list.
 */
@Controller
class ImportExportController {

    static final String IMPORT = "enterprise/import";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService imports;
    private final EnterpriseExcel excel;
    private final EnterpriseExport export;

    ImportExportController(ImportService imports, EnterpriseExcel excel, EnterpriseExport export) {
        this.imports = imports;
        this.excel = excel;
        this.export = export;
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/enterprises/import/template.xlsx")
    @org.springframework.web.bind.annotation.ResponseBody
    ResponseEntity<byte[]> template() throws IOException {
        return xlsx(excel.template(), "企业导入模板.xlsx");
    }

    @GetMapping("/enterprises/import")
    String importForm(Model model) {
        model.addAttribute("job", null);
        return IMPORT;
    }

    @PostMapping("/enterprises/import")
    String startImport(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importError", "enterprise.import.fileRequired");
            return "redirect:/enterprises/import";
        }
        ImportService.Job job = imports.start(CurrentUser.require(), file.getOriginalFilename(), file.getBytes());
        return "redirect:/enterprises/import/" + job.id();
    }

    @GetMapping("/enterprises/import/{id}")
    String importJob(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.job(CurrentUser.require(), id));
        return IMPORT;
    }

    /** The progress bar alone, polled by htmx every second until the job is finished. */
    @GetMapping("/enterprises/import/{id}/progress")
    String importProgress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.job(CurrentUser.require(), id));
        return IMPORT + " :: progress";
    }

    @GetMapping("/enterprises/import/{id}/errors.xlsx")
    @org.springframework.web.bind.annotation.ResponseBody
    ResponseEntity<byte[]> errors(@PathVariable UUID id) {
        byte[] sheet = imports.errorSheet(CurrentUser.require(), id).orElseThrow(() -> DomainException.notFound("error sheet"));
        return xlsx(sheet, "导入错误-" + id.toString().substring(0, 8) + ".xlsx");
    }

    @GetMapping("/enterprises/export")
    void export(@RequestParam(required = false) UUID regionId, @RequestParam(required = false) Sector sector,
                @RequestParam(required = false) SubSector subSector, @RequestParam(required = false) Scale scale,
                @RequestParam(required = false) RiskFlag flag, @RequestParam(required = false) SupervisionClass supervisionClass,
                @RequestParam(required = false) OperatingStatus status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        export.write(new EnterpriseFilter(regionId, sector, subSector, scale, flag, supervisionClass, status, q, sort), response);
    }
}
