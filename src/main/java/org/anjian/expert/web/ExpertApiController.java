package org.anjian.expert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.anjian.expert.ExpertStatus;
import org.anjian.expert.Field;
import org.anjian.expert.internal.ExpertExcel;
import org.anjian.expert.internal.ExpertImport;
import org.anjian.expert.internal.ExpertRepository;
import org.anjian.expert.internal.ExpertService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.ContentDisposition;
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

@RestController
@Tag(name = "experts", description = "专家库、专家履职记录与考核 (expert pool, services, evaluation)")
class ExpertApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ExpertService experts;
    private final ExpertImport imports;
    private final ExpertExcel excel;

    ExpertApiController(ExpertService experts, ExpertImport imports, ExpertExcel excel) {
        this.experts = experts;
        this.imports = imports;
        this.excel = excel;
    }

    @GetMapping("/api/v1/experts")
    @Operation(summary = "The pool, filtered by field, status and whether a qualification is valid today")
    PageResult<ExpertService.ExpertView> list(@RequestParam(required = false) Field field, @RequestParam(required = false) ExpertStatus status,
                                              @RequestParam(required = false) Boolean qualified, @RequestParam(required = false) String q,
                                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return experts.list(CurrentUser.require(), new ExpertRepository.Filter(field, status, qualified, q), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/experts/export")
    @Operation(summary = "The filtered pool as .xlsx (the import's columns first)")
    void export(@RequestParam(required = false) Field field, @RequestParam(required = false) ExpertStatus status,
                @RequestParam(required = false) Boolean qualified, @RequestParam(required = false) String q, HttpServletResponse response)
            throws IOException {
        write(experts, excel, new ExpertRepository.Filter(field, status, qualified, q), response);
    }

    static void write(ExpertService experts, ExpertExcel excel, ExpertRepository.Filter filter, HttpServletResponse response) throws IOException {
        AnjianUser user = CurrentUser.require();
        experts.requireReader(user);
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("专家库-" + experts.today() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        excel.export(response.getOutputStream(), each -> experts.forEach(user, filter, each));
    }

    @GetMapping("/api/v1/experts/import/template")
    ResponseEntity<byte[]> template() throws IOException {
        experts.requireReader(CurrentUser.require());
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("专家导入模板.xlsx", StandardCharsets.UTF_8).build().toString()).body(excel.template());
    }

    @PostMapping(value = "/api/v1/experts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the pool from .xlsx: good rows are added, bad rows reported with row, column and reason")
    ExpertImport.Result importPool(@RequestParam(required = false) MultipartFile file) throws IOException {
        AnjianUser user = CurrentUser.require();
        if (file == null || file.isEmpty()) {
            if (!user.hasRole(org.anjian.shared.security.Role.DISTRICT_ADMIN)) {
                throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.district", "the district keeps the expert pool");
            }
            throw DomainException.invalid("file", "expert.import.fileRequired", "choose an .xlsx file");
        }
        return imports.importPool(user, file.getInputStream());
    }

    @GetMapping("/api/v1/experts/me")
    @Operation(summary = "The signed-in expert's own record")
    ExpertService.ExpertView me() {
        return experts.me(CurrentUser.require());
    }

    @PostMapping("/api/v1/experts")
    @ResponseStatus(HttpStatus.CREATED)
    ExpertService.ExpertView create(@RequestBody ExpertService.ExpertForm body) {
        return experts.create(CurrentUser.require(), body);
    }

    @GetMapping("/api/v1/experts/{id}")
    ExpertService.ExpertView get(@PathVariable UUID id) {
        return experts.get(CurrentUser.require(), id);
    }

    @PutMapping("/api/v1/experts/{id}")
    ExpertService.ExpertView update(@PathVariable UUID id, @RequestBody ExpertService.ExpertForm body) {
        return experts.update(CurrentUser.require(), id, body);
    }

    @PutMapping("/api/v1/experts/{id}/contact")
    @Operation(summary = "The expert (or the district) changes the expert's phone number")
    ExpertService.ExpertView contact(@PathVariable UUID id, @RequestBody ExpertService.ContactForm body) {
        return experts.updateContact(CurrentUser.require(), id, body);
    }

    @GetMapping("/api/v1/experts/{id}/services")
    List<ExpertService.ServiceView> services(@PathVariable UUID id, @RequestParam(required = false) Integer year) {
        return experts.services(CurrentUser.require(), id, year);
    }

    @PostMapping("/api/v1/experts/{id}/services")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a service of the expert (专家履职记录)")
    ExpertService.ServiceView recordService(@PathVariable UUID id, @RequestBody ExpertService.ServiceForm body) {
        return experts.recordService(CurrentUser.require(), id, body);
    }

    @PutMapping("/api/v1/expert-services/{id}")
    @Operation(summary = "Fill in hours and summary of a service until it is rated")
    ExpertService.ServiceView updateService(@PathVariable UUID id, @RequestBody ExpertService.ServiceUpdate body) {
        return experts.updateService(CurrentUser.require(), id, body);
    }

    @PostMapping("/api/v1/expert-services/{id}/rating")
    @Operation(summary = "Rate a service once, 1–5 stars on quality, professionalism and timeliness; never one's own")
    ExpertService.ServiceView rate(@PathVariable UUID id, @RequestBody ExpertService.RatingForm body) {
        return experts.rate(CurrentUser.require(), id, body);
    }

    @GetMapping("/api/v1/experts/{id}/evaluation")
    ExpertService.Evaluation evaluation(@PathVariable UUID id, @RequestParam(required = false) Integer year) {
        return experts.evaluation(CurrentUser.require(), id, year == null ? experts.today().getYear() : year);
    }

    @PostMapping("/api/v1/experts/{id}/suspension")
    @Operation(summary = "Suspend an expert whose evaluation of the year is UNQUALIFIED (recorded and audited)")
    ExpertService.Evaluation suspend(@PathVariable UUID id, @RequestBody ExpertService.SuspensionForm body) {
        return experts.suspend(CurrentUser.require(), id, body);
    }

    @GetMapping("/api/v1/expert-evaluations")
    @Operation(summary = "The year's evaluation of every expert, the unqualified first")
    List<ExpertService.Evaluation> evaluations(@RequestParam(required = false) Integer year) {
        return experts.evaluations(CurrentUser.require(), year == null ? experts.today().getYear() : year);
    }
}
