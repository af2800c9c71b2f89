package org.anjian.enterprise.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.RuleSet;
import org.anjian.enterprise.internal.ClassificationService;
import org.anjian.enterprise.internal.Enterprise;
import org.anjian.enterprise.internal.EnterpriseFilter;
import org.anjian.enterprise.internal.EnterpriseForm;
import org.anjian.enterprise.internal.EnterpriseScopes;
import org.anjian.enterprise.internal.EnterpriseService;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry and its classification over REST (ENT-1, ENT-3); every answer filtered by the caller's scope. */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "enterprise", description = "企业登记与分级分类 (enterprise registry and classified supervision)")
class EnterpriseApiController {

    private final EnterpriseService enterprises;
    private final ClassificationService classification;
    private final EnterpriseScopes scopes;
    private final RuleDescriptions descriptions;

    EnterpriseApiController(EnterpriseService enterprises, ClassificationService classification, EnterpriseScopes scopes,
                            RuleDescriptions descriptions) {
        this.enterprises = enterprises;
        this.classification = classification;
        this.scopes = scopes;
        this.descriptions = descriptions;
    }

    @GetMapping
    PageResult<Enterprise> list(@RequestParam(required = false) UUID regionId, @RequestParam(required = false) Sector sector,
                                @RequestParam(required = false) SubSector subSector, @RequestParam(required = false) Scale scale,
                                @RequestParam(required = false) RiskFlag flag, @RequestParam(required = false) SupervisionClass supervisionClass,
                                @RequestParam(required = false) OperatingStatus status, @RequestParam(required = false) String q,
                                @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size,
                                @io.swagger.v3.oas.annotations.Parameter(description = "keyset cursor: the previous page's next (deep pages without an offset)")
                                @RequestParam(required = false) String after) {
        return enterprises.search(CurrentUser.require(),
                new EnterpriseFilter(regionId, sector, subSector, scale, flag, supervisionClass, status, q, sort), PageRequest.of(page, size, after));
    }

    @GetMapping("/{id}")
    Enterprise get(@PathVariable UUID id) {
        return enterprises.get(CurrentUser.require(), id);
    }

    @PostMapping
    ResponseEntity<Enterprise> create(@RequestBody EnterpriseForm form) {
        Enterprise created = enterprises.create(CurrentUser.require(), form);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Enterprise update(@PathVariable UUID id, @RequestBody EnterpriseForm form) {
        return enterprises.update(CurrentUser.require(), id, form);
    }

    record FiredRuleView(String code, String description, int points, SupervisionClass forcesClass) {
    }

    record ClassificationView(UUID enterpriseId, SupervisionClass supervisionClass, Integer score, Integer inspectionsPerYear,
                              Integer ruleSetVersion, List<FiredRuleView> firedRules, Instant classifiedAt,
                              List<ClassificationService.Record> history) {
    }

    @GetMapping("/{id}/classification")
    ClassificationView classification(@PathVariable UUID id) {
        Enterprise e = enterprises.get(CurrentUser.require(), id);
        List<ClassificationService.Record> history = classification.history(id);
        ClassificationService.Record latest = history.isEmpty() ? null : history.get(0);
        return new ClassificationView(id, e.supervisionClass(), e.classScore(), latest == null ? null : latest.inspectionsPerYear(),
                latest == null ? null : latest.ruleSetVersion(),
                latest == null ? List.of() : latest.firedRules().stream()
                        .map(f -> new FiredRuleView(f.code(), descriptions.describe(latest.ruleSetVersion(), f.code()), f.points(), f.forcesClass()))
                        .toList(),
                e.classifiedAt(), history);
    }

    /** Inputs that other modules feed by events; set by a regulator until then. {@code standardizationGrade} is read-only: the standardization module decides it. */
    record ClassificationInputsForm(String standardizationGrade, Integer accidentsIn3Years, Integer openMajorHazards,
                                    Integer enforcementCount, Integer majorHazardSources) {
    }

    @PutMapping("/{id}/classification-inputs")
    ClassificationView setInputs(@PathVariable UUID id, @RequestBody ClassificationInputsForm form) {
        AnjianUser user = CurrentUser.require();
        Enterprise e = enterprises.get(user, id);
        if (!scopes.canSetClassificationInputs(user, e)) {
            throw new AccessDeniedException("classification inputs are the regulator's");
        }
        // the grade comes from the standardization module (STD-1): a different typed grade is refused
        classification.setRegulatorInputs(e, form.standardizationGrade(),
                nz(form.accidentsIn3Years()), nz(form.openMajorHazards()), nz(form.enforcementCount()), nz(form.majorHazardSources()));
        return classification(id);
    }

    @GetMapping("/rule-set")
    RuleSet ruleSet() {
        return classification.currentRuleSet();
    }

    @GetMapping("/rule-set/versions")
    List<ClassificationService.Version> ruleSetVersions() {
        return classification.versions();
    }

    record RuleSetForm(List<RuleSet.Rule> rules, java.util.Map<SupervisionClass, Integer> thresholds,
                       java.util.Map<SupervisionClass, Integer> inspectionsPerYear, String note) {
    }

    @PutMapping("/rule-set")
    RuleSet saveRuleSet(@RequestBody RuleSetForm form) {
        RuleSet current = classification.currentRuleSet();
        return classification.saveRuleSet(CurrentUser.require(), new RuleSet(0, form.rules() == null ? current.rules() : form.rules(),
                form.thresholds() == null ? current.thresholds() : form.thresholds(),
                form.inspectionsPerYear() == null ? current.inspectionsPerYear() : form.inspectionsPerYear()), form.note());
    }

    record ReclassificationResult(int changed) {
    }

    @PostMapping("/reclassification")
    ReclassificationResult reclassifyAll() {
        AnjianUser user = CurrentUser.require();
        if (!user.hasAnyRole(org.anjian.shared.security.Role.DISTRICT_ADMIN)) {
            throw new AccessDeniedException("only the district administrator reclassifies the district");
        }
        return new ReclassificationResult(classification.reclassifyAll("ON_DEMAND"));
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }
}
