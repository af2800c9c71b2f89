package org.anjian.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.governance.ProblemEscalation;
import org.anjian.governance.ProblemOwnerKind;
import org.anjian.governance.ProblemState;
import org.anjian.governance.internal.ProblemRecord;
import org.anjian.governance.internal.ProblemRepository;
import org.anjian.governance.internal.ProblemService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/problems")
@Tag(name = "problems", description = "八张问题清单 (GOV-3): problems with their closed loop 登记 → 整改中 → 待核查 → 已销号, 举一反三 and overdue escalation")
class ProblemApiController {

    private final ProblemService service;

    ProblemApiController(ProblemService service) {
        this.service = service;
    }

    /** A problem as the API shows it. */
    record ProblemView(UUID id, String listCode, String listName, String title, String description, ProblemOwnerKind ownerKind, String ownerName,
                       UUID enterpriseId, UUID townId, UUID departmentId, LocalDate deadline, ProblemState state, boolean overdue,
                       ProblemEscalation escalation, String measures, int rejections, UUID originProblemId, UUID supervisionVisitId,
                       String registeredBy, Instant registeredAt, Instant closedAt) {
        static ProblemView of(ProblemRecord r, LocalDate today) {
            var p = r.problem();
            return new ProblemView(r.id(), r.listCode(), r.listName(), r.title(), r.description(), p.ownerKind(), r.ownerName(), r.enterpriseId(),
                    r.townId(), r.departmentId(), p.deadline(), p.state(), p.isOverdue(today), p.escalation(), p.measures(), p.rejections(),
                    r.originProblemId(), r.supervisionVisitId(), r.registeredByName(), r.registeredAt(), p.closedAt());
        }
    }

    record ProblemDetail(ProblemView problem, List<ProblemRepository.Step> steps, List<ProblemRepository.EvidenceInfo> evidence,
                         List<ProblemView> family) {
    }

    record ProblemPage(PageResult<ProblemView> page, ProblemRepository.Counts counts) {
    }

    @GetMapping("/lists")
    @Operation(summary = "The problem list types (configuration: the official membership of the 八张问题清单 is to be confirmed)")
    List<ProblemRepository.ProblemList> lists() {
        service.requireReader(CurrentUser.require());
        return service.lists();
    }

    @GetMapping
    @Operation(summary = "Problems in the caller's scope, with the counts (open, overdue, escalated) for the same filter")
    ProblemPage search(@RequestParam(required = false) String listCode, @RequestParam(required = false) ProblemState state,
                       @RequestParam(required = false) ProblemOwnerKind ownerKind, @RequestParam(required = false) UUID townId,
                       @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
                       @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size) {
        var user = CurrentUser.require();
        LocalDate today = service.today();
        var filter = new ProblemRepository.Filter(ProblemService.blankOrNull(listCode), state, ownerKind, townId, overdue, escalated,
                ProblemService.blankOrNull(q), today);
        return new ProblemPage(service.search(user, filter, PageRequest.of(page, size)).map(r -> ProblemView.of(r, today)), service.counts(user, filter));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a problem on a list, owned by a town, a department or an enterprise in the caller's scope")
    ProblemView register(@RequestBody ProblemService.NewProblem body) {
        return ProblemView.of(service.register(CurrentUser.require(), body), service.today());
    }

    @GetMapping("/{id}")
    ProblemDetail get(@PathVariable UUID id) {
        var user = CurrentUser.require();
        var r = service.get(user, id);
        LocalDate today = service.today();
        return new ProblemDetail(ProblemView.of(r, today), service.steps(r), service.evidence(r),
                service.family(user, r).stream().map(x -> ProblemView.of(x, today)).toList());
    }

    @PostMapping("/{id}/{action:start|submit|verify|reject}")
    @Operation(summary = "A step of the loop: start (the owner), submit (measures taken, after evidence), verify (the district closes), reject (退回, with a note)")
    ProblemView step(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) ProblemService.StepInput body) {
        return ProblemView.of(service.step(CurrentUser.require(), id, action, body), service.today());
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Evidence of rectification: a JPEG or PNG photo or a PDF, under 10 MB")
    Map<String, UUID> evidence(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        return Map.of("id", service.addEvidence(CurrentUser.require(), id, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        var e = service.evidence(CurrentUser.require(), id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(e.fileName() == null ? "佐证材料" : e.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(e.data());
    }

    @PostMapping("/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "举一反三: the same check for other towns (the district) or the other enterprises of the sector in the caller's scope")
    List<ProblemView> followUps(@PathVariable UUID id, @RequestBody ProblemService.FollowUpRequest body) {
        if (body == null) {
            throw DomainException.invalid("target", "shared.validation.required", "必填");
        }
        LocalDate today = service.today();
        return service.followUps(CurrentUser.require(), id, body).stream().map(r -> ProblemView.of(r, today)).toList();
    }
}
