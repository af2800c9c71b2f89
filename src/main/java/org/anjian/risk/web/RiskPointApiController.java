package org.anjian.risk.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskLevel;
import org.anjian.risk.RiskPointKind;
import org.anjian.risk.domain.Assessment;
import org.anjian.risk.domain.ControlMeasure;
import org.anjian.risk.internal.PostCards;
import org.anjian.risk.internal.PostRecord;
import org.anjian.risk.internal.RiskPointRecord;
import org.anjian.risk.internal.RiskRepository;
import org.anjian.risk.internal.RiskService;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Risk points and posts over REST (DP-1); every answer filtered by the caller's scope. */
@RestController
@RequestMapping("/api/v1/risk-points")
@Tag(name = "risk-points", description = "风险点、岗位与两单两卡 (risk points, posts and their cards)")
class RiskPointApiController {

    private final RiskService service;
    private final OrganizationDirectory organization;
    private final PostCards cards;

    RiskPointApiController(RiskService service, OrganizationDirectory organization, PostCards cards) {
        this.service = service;
        this.organization = organization;
        this.cards = cards;
    }

    record AssessmentView(AssessmentMethod method, BigDecimal l, BigDecimal e, BigDecimal c, Integer likelihood, Integer severity,
                          BigDecimal score) {
        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.method(), a.l(), a.e(), a.c(), a.likelihood(), a.severity(), a.score());
        }
    }

    record RiskPointView(UUID id, UUID enterpriseId, String enterpriseName, String unitName, String name, RiskPointKind kind, UUID postId,
                         List<String> hazardousFactors, List<String> possibleAccidents, AssessmentView assessment, RiskLevel level,
                         String colour, List<ControlMeasure> controlMeasures, ResponsibleLevel responsibleLevel, String responsiblePerson,
                         String responsiblePhone, boolean retired, Instant updatedAt) {
        static RiskPointView of(RiskPointRecord r) {
            RiskLevel level = r.assessment().level();
            return new RiskPointView(r.id(), r.enterpriseId(), r.enterpriseName(), r.unitName(), r.name(), r.kind(), r.postId(),
                    r.hazardousFactors(), r.possibleAccidents(), AssessmentView.of(r.assessment()), level, level.colour(),
                    r.controlMeasures(), r.responsibleLevel(), r.responsiblePerson(), r.responsiblePhone(), r.retired(), r.updatedAt());
        }
    }

    record PostView(UUID id, UUID enterpriseId, String enterpriseName, String name, String workshop, List<String> duties,
                    List<String> operationSteps, List<String> prohibitions, List<String> emergencyMeasures, List<String> emergencyContacts,
                    boolean retired, Instant updatedAt) {
        static PostView of(PostRecord p) {
            return new PostView(p.id(), p.enterpriseId(), p.enterpriseName(), p.name(), p.workshop(), p.duties(), p.operationSteps(),
                    p.prohibitions(), p.emergencyMeasures(), p.emergencyContacts(), p.retired(), p.updatedAt());
        }
    }

    /** A post with its post risk list (岗位风险清单). */
    record PostDetail(PostView post, List<RiskPointView> risks) {
    }

    @GetMapping
    @Operation(summary = "Risk points in the caller's scope, highest level first; filters enterpriseId, level, regionId (a town or park and below), postId")
    PageResult<RiskPointView> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) RiskLevel level,
                                   @RequestParam(required = false) UUID regionId, @RequestParam(required = false) UUID postId,
                                   @RequestParam(defaultValue = "false") boolean includeRetired,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        List<UUID> regions = regionId == null ? null : List.copyOf(organization.regionAndDescendants(regionId));
        return service.search(CurrentUser.require(), new RiskRepository.Filter(enterpriseId, level, regions, postId, includeRetired),
                PageRequest.of(page, size)).map(RiskPointView::of);
    }

    @GetMapping("/{id}")
    RiskPointView get(@PathVariable UUID id) {
        return RiskPointView.of(service.get(CurrentUser.require(), id));
    }

    @PostMapping
    @Operation(summary = "Register a risk point; the level is computed from the method (LEC: l, e, c; LS: likelihood, severity)")
    ResponseEntity<RiskPointView> create(@RequestBody RiskService.RiskPointInput body) {
        RiskPointRecord r = service.create(CurrentUser.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/risk-points/" + r.id())).body(RiskPointView.of(r));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Reassess or change a risk point; the whole point is sent, the level is computed again")
    RiskPointView update(@PathVariable UUID id, @RequestBody RiskService.RiskPointInput body) {
        return RiskPointView.of(service.update(CurrentUser.require(), id, body));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Retire a risk point (it stays in the register, marked retired)")
    RiskPointView retire(@PathVariable UUID id) {
        return RiskPointView.of(service.retire(CurrentUser.require(), id));
    }

    // ---- posts and 两单两卡 ----

    @GetMapping("/posts")
    @Operation(summary = "Posts in the caller's scope, optionally of one enterprise")
    List<PostView> posts(@RequestParam(required = false) UUID enterpriseId) {
        return service.posts(CurrentUser.require(), enterpriseId).stream().map(PostView::of).toList();
    }

    @GetMapping("/posts/{postId}")
    PostDetail post(@PathVariable UUID postId) {
        AnjianUser user = CurrentUser.require();
        return new PostDetail(PostView.of(service.post(user, postId)),
                service.postRisks(user, postId).stream().map(RiskPointView::of).toList());
    }

    @PostMapping("/posts")
    ResponseEntity<PostView> createPost(@RequestBody RiskService.PostInput body) {
        PostRecord p = service.createPost(CurrentUser.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/risk-points/posts/" + p.id())).body(PostView.of(p));
    }

    @PutMapping("/posts/{postId}")
    @Operation(summary = "Edit a post's duty list, operation card and emergency card")
    PostView updatePost(@PathVariable UUID postId, @RequestBody RiskService.PostInput body) {
        return PostView.of(service.updatePost(CurrentUser.require(), postId, body));
    }

    @DeleteMapping("/posts/{postId}")
    PostView retirePost(@PathVariable UUID postId) {
        return PostView.of(service.retirePost(CurrentUser.require(), postId));
    }

    @GetMapping(value = "/posts/{postId}/cards.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "两单两卡 of the post as a printable A4 PDF, with a QR code that opens the post's page")
    ResponseEntity<byte[]> cardsPdf(@PathVariable UUID postId) {
        AnjianUser user = CurrentUser.require();
        PostRecord post = service.post(user, postId);
        List<RiskPointRecord> risks = service.postRisks(user, postId);
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/risk/posts/{id}").buildAndExpand(postId).toUriString();
        byte[] pdf = cards.render(post, risks, pageUrl);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("cards-" + postId + ".pdf").build().toString())
                .body(pdf);
    }
}
