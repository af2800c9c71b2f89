package org.anjian.hazard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardSource;
import org.anjian.hazard.HazardState;
import org.anjian.hazard.domain.Hazard;
import org.anjian.hazard.domain.ListedSupervision;
import org.anjian.hazard.internal.HazardRecord;
import org.anjian.hazard.internal.HazardRepository;
import org.anjian.hazard.internal.HazardService;
import org.anjian.hazard.internal.ImageCheck;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/hazards")
@Tag(name = "hazards", description = "隐患排查治理闭环 (hazards and their closed loop)")
class HazardApiController {

    private final HazardService service;
    private final OrganizationDirectory organization;
    private final Clock clock;

    HazardApiController(HazardService service, OrganizationDirectory organization, Clock clock) {
        this.service = service;
        this.organization = organization;
        this.clock = clock;
    }

    record HazardView(UUID id, UUID enterpriseId, String enterpriseName, String place, String description, String category,
                      HazardGrade grade, HazardSource source, HazardState state, boolean selfReported, boolean unreported,
                      String criterionCode, String finderName, Instant foundAt, Instant deadline, boolean overdue, String plan,
                      Map<String, Object> fiveAssurances, Map<String, Object> dualReport, ListedSupervision listedSupervision,
                      int rejections, Instant closedAt) {
        static HazardView of(HazardRecord r, Instant now) {
            Hazard h = r.hazard();
            var fa = h.fiveAssurances();
            Map<String, Object> five = new java.util.LinkedHashMap<>();
            five.put("responsiblePerson", fa.responsiblePerson());
            five.put("measures", fa.measures());
            five.put("funds", fa.funds());
            five.put("deadline", fa.deadline());
            five.put("contingencyPlan", fa.contingencyPlan());
            five.put("complete", fa.complete());
            Map<String, Object> dual = new java.util.LinkedHashMap<>();
            dual.put("toRegulatorOn", h.dualReport().toRegulatorOn());
            dual.put("toWorkforceOn", h.dualReport().toWorkforceOn());
            dual.put("complete", h.dualReport().complete());
            return new HazardView(h.id(), h.enterpriseId(), r.enterpriseName(), r.place(), r.description(), r.category(), h.grade(),
                    h.source(), h.state(), h.selfReported(), h.unreported(), r.criterionCode(), r.finderName(), r.foundAt(), h.deadline(),
                    h.isOverdue(now), h.plan(), five, dual, h.listedSupervision(), h.rejections(), h.closedAt());
        }
    }

    record HazardDetail(HazardView hazard, List<HazardRepository.Step> steps, List<HazardRepository.PhotoInfo> photos) {
    }

    @GetMapping
    @Operation(summary = "Hazards in the caller's scope, filtered and paged")
    PageResult<HazardView> list(@RequestParam(required = false) HazardState state, @RequestParam(required = false) HazardGrade grade,
                                @RequestParam(required = false) HazardSource source, @RequestParam(required = false) UUID enterpriseId,
                                @RequestParam(required = false) UUID regionId, @RequestParam(required = false) Boolean overdue,
                                @RequestParam(required = false) Boolean listed,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                @io.swagger.v3.oas.annotations.Parameter(description = "keyset cursor: the previous page's next (deep pages without an offset)")
                                @RequestParam(required = false) String after) {
        Instant now = clock.instant();
        List<UUID> regions = regionId == null ? null : List.copyOf(organization.regionAndDescendants(regionId));
        return service.search(CurrentUser.require(),
                new HazardRepository.Filter(state, grade, source, enterpriseId, regions, overdue, listed, now), PageRequest.of(page, size, after))
                .map(r -> HazardView.of(r, now));
    }

    @GetMapping("/{id}")
    HazardDetail get(@PathVariable UUID id) {
        HazardRecord r = service.get(CurrentUser.require(), id);
        return new HazardDetail(HazardView.of(r, clock.instant()), service.steps(r), service.photos(r));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a hazard; the source follows from the reporter's role (an enterprise's own check, an inspection …)")
    HazardView create(@RequestBody HazardService.NewHazard body) {
        return HazardView.of(service.report(CurrentUser.require(), body), clock.instant());
    }

    @PostMapping("/{id}/{action:plan|start|complete|verify|reject|close|list-supervision}")
    @Operation(summary = "One step of the loop: plan, start, complete, verify, reject, close, list-supervision")
    HazardView step(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) HazardService.StepInput body) {
        return HazardView.of(service.step(CurrentUser.require(), id, action, body), clock.instant());
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a photo (a JPEG or PNG that decodes, at most 10 MB), taken when found or after rectification")
    Map<String, UUID> photo(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                            @RequestParam(defaultValue = "FOUND") String stage) throws IOException {
        if (!stage.equals("FOUND") && !stage.equals("RECTIFIED")) {
            throw DomainException.invalid("stage", "hazard.photo.stage", "FOUND 或 RECTIFIED");
        }
        if (file.isEmpty() || file.getSize() > ImageCheck.MAX_BYTES) {
            throw DomainException.invalid("file", "hazard.photo.size", "照片须小于 10 MB");
        }
        byte[] data = file.getBytes();
        String type = ImageCheck.contentType(data).orElseThrow(() -> DomainException.invalid("file", "hazard.photo.type", "照片须为完整的 JPEG 或 PNG 图片"));
        return Map.of("id", service.addPhoto(CurrentUser.require(), id, stage, type, data));
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        HazardRepository.Photo p = service.photo(CurrentUser.require(), id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).body(p.data());
    }
}
