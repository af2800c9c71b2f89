package org.anjian.permit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.permit.domain.PermitAction;
import org.anjian.permit.domain.PermitState;
import org.anjian.permit.domain.WorkGrade;
import org.anjian.permit.domain.WorkType;
import org.anjian.permit.internal.PermitDocument;
import org.anjian.permit.internal.PermitService;
import org.anjian.permit.internal.PermitService.PermitDetail;
import org.anjian.permit.internal.PermitService.PermitRow;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "permits", description = "特殊作业电子作业票 (special work permits, GB 30871-2022)")
class PermitApiController {

    private static final String BASE = "/api/v1/permits";
    private final PermitService service;
    private final PermitDocument document;

    PermitApiController(PermitService service, PermitDocument document) {
        this.service = service;
        this.document = document;
    }

    @GetMapping(BASE + "/{id}/pdf")
    @Operation(summary = "The printed permit (PDF, embedded CJK font) with a QR code that opens its live state")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        String live = ServletUriComponentsBuilder.fromCurrentContextPath().path("/permits/{id}").buildAndExpand(id).toUriString();
        byte[] pdf = document.render(CurrentUser.require(), id, live);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"permit-" + id + ".pdf\"").body(pdf);
    }

    @GetMapping(BASE)
    @Operation(summary = "Permits the caller may read, filtered by type, grade, state, enterprise and town, paged")
    PageResult<PermitRow> list(@RequestParam(required = false) WorkType type, @RequestParam(required = false) WorkGrade grade,
                               @RequestParam(required = false) PermitState state, @RequestParam(required = false) UUID enterpriseId,
                               @RequestParam(required = false) UUID townId, @RequestParam(required = false) java.time.LocalDate date,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.search(CurrentUser.require(), new PermitService.Filter(type, grade, state, enterpriseId, townId, date),
                PageRequest.of(page, size));
    }

    @GetMapping(BASE + "/under-way")
    @Operation(summary = "Work under way (作业中 and 暂停) in the caller's scope, counted by type and grade")
    List<Map<String, Object>> underWay() {
        return service.underWayCounts(CurrentUser.require());
    }

    @GetMapping(BASE + "/{id}")
    @Operation(summary = "A permit with its people, measures, gas analyses, signatures and the actions possible next")
    PermitDetail get(@PathVariable UUID id) {
        return service.detail(CurrentUser.require(), id);
    }

    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "填写: an enterprise fills in a permit (draft); grade, validity and workers' certificates are checked by GB 30871-2022")
    PermitDetail create(@RequestBody PermitService.NewPermit body) {
        return service.create(CurrentUser.require(), body);
    }

    @PostMapping(BASE + "/{id}/gas-analyses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "气体分析: sampling time, place, analyst and readings (combustible with LEL, oxygen, toxic with its GBZ 2.1 limit)")
    PermitDetail gasAnalysis(@PathVariable UUID id, @RequestBody PermitService.NewGasAnalysis body) {
        return service.recordGasAnalysis(CurrentUser.require(), id, body);
    }

    @PostMapping(path = BASE + "/{id}/measures/{index}/confirmation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Confirm a safety measure on site, with an optional photo (JPEG or PNG)")
    PermitDetail confirmMeasure(@PathVariable UUID id, @PathVariable int index, @RequestParam(required = false) MultipartFile photo)
            throws IOException {
        return service.confirmMeasure(CurrentUser.require(), id, index, photo == null ? null : photo.getBytes(),
                photo == null ? null : photo.getOriginalFilename());
    }

    @PostMapping(path = BASE + "/{id}/measures/{index}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm a safety measure on site without a photo")
    PermitDetail confirmMeasureWithoutPhoto(@PathVariable UUID id, @PathVariable int index) {
        return service.confirmMeasure(CurrentUser.require(), id, index, null, null);
    }

    @GetMapping(BASE + "/{id}/photos/{photoId}")
    @Operation(summary = "A photo of a confirmed measure")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        var p = service.photo(CurrentUser.require(), id, photoId).orElseThrow(() -> DomainException.notFound("photo"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("X-Content-SHA256", p.sha256()).body(p.content());
    }

    record NewSignature(String role, String name, String png) {
    }

    @PostMapping(BASE + "/{id}/signatures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A signature drawn on the phone (PNG data URL, at most 200 KB): applicant, work leader, guardian, approver or acceptance")
    PermitDetail sign(@PathVariable UUID id, @RequestBody NewSignature body) {
        return service.sign(CurrentUser.require(), id, body.role(), body.name(), body.png());
    }

    @GetMapping(BASE + "/{id}/signatures/{signatureId}")
    @Operation(summary = "A signature's PNG")
    ResponseEntity<byte[]> signature(@PathVariable UUID id, @PathVariable UUID signatureId) {
        byte[] png = service.signaturePng(CurrentUser.require(), id, signatureId).orElseThrow(() -> DomainException.notFound("signature"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    @GetMapping(BASE + "/supervisions")
    @Operation(summary = "Third-party on-site supervision records (第三方旁站) of the permits in the caller's scope, newest visit first")
    PageResult<PermitService.Supervision> supervisions(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.supervisions(CurrentUser.require(), PageRequest.of(page, size));
    }

    @GetMapping(BASE + "/{id}/supervisions")
    @Operation(summary = "The third-party on-site supervision records of a permit")
    List<PermitService.Supervision> permitSupervisions(@PathVariable UUID id) {
        return service.supervisions(CurrentUser.require(), id);
    }

    @PostMapping(BASE + "/{id}/supervisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records a third-party on-site supervision visit: agency, person, visitedAt, findings (photos: the next endpoint)")
    PermitService.Supervision supervise(@PathVariable UUID id, @RequestBody PermitService.NewSupervision body) {
        return service.recordSupervision(CurrentUser.require(), id, body, List.of());
    }

    @PostMapping(path = BASE + "/{id}/supervisions/{supervisionId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A photo (JPEG or PNG, at most 10 MB, six a record) of a supervision visit")
    PermitService.Supervision supervisionPhoto(@PathVariable UUID id, @PathVariable UUID supervisionId, @RequestParam MultipartFile photo)
            throws IOException {
        return service.addSupervisionPhoto(CurrentUser.require(), id, supervisionId, new PermitService.Upload(photo.getOriginalFilename(),
                photo.getBytes()));
    }

    @GetMapping(BASE + "/{id}/supervision-photos/{photoId}")
    @Operation(summary = "A photo of a supervision visit")
    ResponseEntity<byte[]> supervisionPhotoContent(@PathVariable UUID id, @PathVariable UUID photoId) {
        var p = service.supervisionPhoto(CurrentUser.require(), id, photoId).orElseThrow(() -> DomainException.notFound("photo"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).header("X-Content-SHA256", p.sha256()).body(p.content());
    }

    @PostMapping(BASE + "/{id}/{action}")
    @Operation(summary = "A step of the life cycle: apply, approve (approver, approvalLevel), start, suspend (reason), resume, complete, "
            + "close (handedBackTo), cancel (reason); an illegal step answers 409 naming the state and the action")
    PermitDetail act(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) PermitService.ActionInput body) {
        PermitAction a = PermitAction.ofPath(action).filter(x -> x != PermitAction.EXPIRE)
                .orElseThrow(() -> DomainException.notFound("action"));
        return service.act(CurrentUser.require(), id, a, body);
    }
}
