package org.anjian.training.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.training.CertificateRegistry;
import org.anjian.training.SpecialOperationCategory;
import org.anjian.training.internal.TrainingRecords;
import org.anjian.training.internal.TrainingRepository;
import org.anjian.training.internal.TrainingService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/training")
@Tag(name = "training", description = "培训记录与持证管理 (TRN-1, TRN-2): training records, certificates, reviews, expiry, Excel")
class TrainingApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TrainingService service;

    TrainingApiController(TrainingService service) {
        this.service = service;
    }

    record CertificateView(TrainingRecords.Certificate certificate, String status) {
    }

    private CertificateView view(TrainingRecords.Certificate c) {
        return new CertificateView(c, c.status(service.today()));
    }

    @GetMapping("/records")
    PageResult<TrainingRecords.Training> records(@RequestParam(required = false) String kind, @RequestParam(required = false) UUID enterpriseId,
                                                 @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.trainings(CurrentUser.require(), new TrainingRepository.TrainingFilter(blank(kind), enterpriseId, year, blank(q)),
                PageRequest.of(page, size));
    }

    @PostMapping("/records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a training (三级安全教育, new hire, re-training, transfer, 安全大讲堂, warning video)")
    TrainingRecords.Training addRecord(@RequestBody TrainingService.NewTraining body) {
        return service.addTraining(CurrentUser.require(), body);
    }

    @GetMapping("/records/{id}")
    TrainingRecords.Training record(@PathVariable UUID id) {
        return service.training(CurrentUser.require(), id);
    }

    @GetMapping("/certificates")
    @Operation(summary = "Certificates in the caller's scope; status ACTION (review or expiry within the warning period) or INVALID")
    PageResult<CertificateView> certificates(@RequestParam(required = false) String kind, @RequestParam(required = false) String category,
                                             @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return service.certificates(CurrentUser.require(), new TrainingRepository.CertificateFilter(blank(kind), blank(category), enterpriseId,
                blank(status), blank(q), service.today()), PageRequest.of(page, size)).map(this::view);
    }

    @PostMapping("/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a certificate; validity (6 years special operation, 3 years assessments) and the first review follow the rules unless given")
    CertificateView addCertificate(@RequestBody TrainingService.NewCertificate body) {
        return view(service.addCertificate(CurrentUser.require(), body));
    }

    @GetMapping("/certificates/{id}")
    CertificateView certificate(@PathVariable UUID id) {
        return view(service.certificate(CurrentUser.require(), id));
    }

    @PostMapping("/certificates/{id}/review")
    @Operation(summary = "Record the 3-yearly review (复审), within the 60 days before it is due")
    CertificateView review(@PathVariable UUID id, @RequestBody(required = false) TrainingService.DateInput body) {
        return view(service.review(CurrentUser.require(), id, body));
    }

    @PostMapping("/certificates/{id}/revoke")
    CertificateView revoke(@PathVariable UUID id, @RequestBody TrainingService.DateInput body) {
        return view(service.revoke(CurrentUser.require(), id, body));
    }

    @GetMapping("/certificates/check")
    @Operation(summary = "Is this special-operation certificate valid on this day for this category? (无证不上岗)")
    CertificateRegistry.Check check(@RequestParam String number, @RequestParam(required = false) SpecialOperationCategory category,
                                    @RequestParam(required = false) LocalDate on) {
        service.requireReader(CurrentUser.require());
        return service.check(number, category, on == null ? service.today() : on);
    }

    @GetMapping("/figures")
    List<TrainingService.KindFigures> figures() {
        return service.figures(CurrentUser.require());
    }

    @GetMapping("/certificates/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String q) throws IOException {
        byte[] body = service.export(CurrentUser.require(), new TrainingRepository.CertificateFilter(blank(kind), null, null, blank(status), blank(q),
                service.today()));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("持证台账-" + service.today() + ".xlsx")).body(body);
    }

    @GetMapping("/certificates/import/template")
    ResponseEntity<byte[]> template() throws IOException {
        service.requireReader(CurrentUser.require());
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("持证导入模板.xlsx"))
                .body(service.template());
    }

    @PostMapping(value = "/certificates/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import certificates from an .xlsx sheet; a sheet with an error stores nothing and lists the errors by row")
    TrainingService.ImportResult importCertificates(@RequestParam(required = false) MultipartFile file) throws IOException {
        AnjianUser user = CurrentUser.require();
        service.requireKeeper(user);
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "training.import.fileRequired", "请选择 .xlsx 文件");
        }
        return service.importCertificates(user, file.getInputStream());
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
