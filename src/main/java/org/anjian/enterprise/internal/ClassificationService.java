package org.anjian.enterprise.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.anjian.enterprise.EnterpriseReclassified;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.Classification;
import org.anjian.enterprise.domain.RuleSet;
import org.anjian.enterprise.domain.SupervisionClassRules;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 分级分类监管 (ENT-3): keeps the versioned rule set, classifies enterprises by it on every profile or
 * input change, nightly and on demand, and records each change of class or score with its reasons.
 */
@Service
public class ClassificationService {

    private static final Logger log = LoggerFactory.getLogger(ClassificationService.class);
    private static final int CHUNK = 500;

    private final ClassificationRepository repository;
    private final EnterpriseRepository enterprises;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClassificationService(ClassificationRepository repository, EnterpriseRepository enterprises, AuditTrail audit,
                          ApplicationEventPublisher events, PlatformTransactionManager txManager, Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** A past classification as stored, with its reasons. */
    public record Record(UUID id, SupervisionClass supervisionClass, int score, int inspectionsPerYear, int ruleSetVersion,
                         List<Classification.FiredRule> firedRules, String trigger, Instant classifiedAt) {
    }

    public record Version(int version, String note, String createdBy, Instant createdAt) {
    }

    /** The rule set in force: the highest version, or the defaults saved as version 1 on first use. */
    @Transactional
    public RuleSet currentRuleSet() {
        Optional<RuleSet> latest = repository.latestRuleSet();
        if (latest.isPresent()) {
            return latest.get();
        }
        RuleSet defaults = RuleSet.defaults();
        // a concurrent first use may have saved them already: the same defaults either way
        repository.insertRuleSet(defaults, "默认规则", "system", clock.instant());
        return defaults;
    }

    @Transactional(readOnly = true)
    public List<Version> versions() {
        return repository.versions();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSet> ruleSet(int version) {
        return repository.ruleSet(version);
    }

    /** Saves an edited rule set as the next version; classes change at the next reclassification. */
    @Transactional
    public RuleSet saveRuleSet(AnjianUser user, RuleSet edited, String note) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new AccessDeniedException("only the district administrator edits the rule set");
        }
        List<String> problems = SupervisionClassRules.problems(edited);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems.stream().distinct()
                    .map(p -> new FieldError(p, "enterprise.ruleSet." + p, "规则集有误")).toList());
        }
        RuleSet before = currentRuleSet();
        int version = before.version() + 1;
        RuleSet saved = new RuleSet(version, edited.rules(), edited.thresholds(), edited.inspectionsPerYear());
        if (!repository.insertRuleSet(saved, note == null ? null : note.substring(0, Math.min(note.length(), 300)), user.getUsername(), clock.instant())) {
            throw DomainException.conflict("enterprise.ruleSet.concurrent", "version " + version + " was saved meanwhile");
        }
        audit.record("RULE_SET_SAVED", "enterprise-rule-set", version, before, saved);
        return saved;
    }

    /** Classifies one enterprise by the rule set in force; records and announces only a change. */
    @Transactional
    public Optional<Classification> reclassify(UUID enterpriseId, String trigger) {
        return enterprises.find(enterpriseId).map(e -> apply(e, new SupervisionClassRules(currentRuleSet()), trigger));
    }

    /** Every enterprise, in chunks of its own transaction so a long run holds no lock for long. */
    public int reclassifyAll(String trigger) {
        SupervisionClassRules rules = new SupervisionClassRules(tx.execute(s -> currentRuleSet()));
        List<UUID> ids = enterprises.allIds();
        int changed = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Integer n = tx.execute(s -> applyBatch(enterprises.findAll(chunk), rules, trigger));
            changed += n == null ? 0 : n;
        }
        return changed;
    }

    /** Classifies the given enterprises (joining the caller's transaction); returns how many changed. */
    @Transactional
    public int reclassify(List<UUID> ids, String trigger) {
        return applyBatch(enterprises.findAll(ids), new SupervisionClassRules(currentRuleSet()), trigger);
    }

    /**
     * Many enterprises at once: batched writes and one audit entry listing every change, so that a
     * nightly run or a 20,000-row import stays within seconds.
     */
    private int applyBatch(List<Enterprise> list, SupervisionClassRules rules, String trigger) {
        Instant now = clock.instant();
        List<ClassificationRepository.Classified> classified = new java.util.ArrayList<>();
        List<Map<String, Object>> changes = new java.util.ArrayList<>();
        for (Enterprise e : list) {
            Classification c = rules.classify(e.classificationInputs());
            if (c.supervisionClass() == e.supervisionClass() && Integer.valueOf(c.score()).equals(e.classScore())) {
                continue;
            }
            classified.add(new ClassificationRepository.Classified(e.id(), c, trigger));
            changes.add(Map.of("id", e.id(), "from", String.valueOf(e.supervisionClass()), "to", c.supervisionClass().name(), "score", c.score()));
            if (c.supervisionClass() != e.supervisionClass()) {
                events.publishEvent(new EnterpriseReclassified(e.id(), e.supervisionClass(), c.supervisionClass(), c.score(),
                        c.inspectionsPerYear(), c.ruleSetVersion()));
            }
        }
        if (classified.isEmpty()) {
            return 0;
        }
        repository.store(classified, now);
        audit.record("ENTERPRISES_CLASSIFIED", "enterprise", null, null,
                Map.of("trigger", trigger, "ruleSetVersion", rules.ruleSetVersion(), "changes", changes));
        return classified.size();
    }

    /** Nightly, after the other modules' day has been fed in: 02:30 in Chongqing. */
    @Scheduled(cron = "${anjian.enterprise.reclassify-cron:0 30 2 * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "enterprise-reclassify", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    public void nightly() {
        int changed = reclassifyAll("NIGHTLY");
        log.info("nightly reclassification: {} enterprises changed class or score", changed);
    }

    private Classification apply(Enterprise e, SupervisionClassRules rules, String trigger) {
        Classification c = rules.classify(e.classificationInputs());
        boolean changed = c.supervisionClass() != e.supervisionClass() || !Integer.valueOf(c.score()).equals(e.classScore());
        if (!changed) {
            return c;
        }
        Instant now = clock.instant();
        repository.store(List.of(new ClassificationRepository.Classified(e.id(), c, trigger)), now);
        audit.record("ENTERPRISE_CLASSIFIED", "enterprise", e.id(),
                e.supervisionClass() == null ? null : Map.of("class", e.supervisionClass(), "score", e.classScore()),
                Map.of("class", c.supervisionClass(), "score", c.score(), "ruleSetVersion", c.ruleSetVersion(), "trigger", trigger));
        if (c.supervisionClass() != e.supervisionClass()) {
            events.publishEvent(new EnterpriseReclassified(e.id(), e.supervisionClass(), c.supervisionClass(), c.score(),
                    c.inspectionsPerYear(), c.ruleSetVersion()));
        }
        return c;
    }

    @Transactional(readOnly = true)
    public List<Record> history(UUID enterpriseId) {
        return repository.history(enterpriseId);
    }

    /**
     * The inputs a regulator may still set by hand. The standardization grade is not one of them any
     * more (STD-1: it comes from the standardization module): a typed grade other than the one in
     * force is refused with a field error, together with any other invalid input.
     */
    @Transactional
    public Classification setRegulatorInputs(Enterprise before, String typedGrade, int accidents, int openMajorHazards, int enforcement,
                                             int majorHazardSources) {
        if (typedGrade != null && !typedGrade.isBlank() && !typedGrade.equals(before.standardizationGrade())) {
            List<FieldError> errors = new java.util.ArrayList<>();
            errors.add(new FieldError("standardizationGrade", "enterprise.standardizationGrade.readOnly", "标准化等级由标准化定级决定，不能手工填写"));
            for (var entry : Map.of("accidentsIn3Years", accidents, "openMajorHazards", openMajorHazards, "enforcementCount", enforcement,
                    "majorHazardSources", majorHazardSources).entrySet()) {
                if (entry.getValue() < 0 || entry.getValue() > 10_000) {
                    errors.add(new FieldError(entry.getKey(), "enterprise.count.invalid", "应为 0 或正整数"));
                }
            }
            throw DomainException.invalid(errors);
        }
        return setInputs(before, before.standardizationGrade(), accidents, openMajorHazards, enforcement, majorHazardSources);
    }

    /** Sets the inputs other modules will feed by events (ENT-3), then reclassifies. */
    @Transactional
    public Classification setInputs(Enterprise before, String grade, int accidents, int openMajorHazards, int enforcement, int majorHazardSources) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (grade != null && !List.of("LEVEL_1", "LEVEL_2", "LEVEL_3").contains(grade)) {
            errors.add(new FieldError("standardizationGrade", "enterprise.standardizationGrade.invalid", "标准化等级无效"));
        }
        for (var entry : Map.of("accidentsIn3Years", accidents, "openMajorHazards", openMajorHazards, "enforcementCount", enforcement,
                "majorHazardSources", majorHazardSources).entrySet()) {
            if (entry.getValue() < 0 || entry.getValue() > 10_000) {
                errors.add(new FieldError(entry.getKey(), "enterprise.count.invalid", "应为 0 或正整数"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        enterprises.updateInputs(before.id(), grade, accidents, openMajorHazards, enforcement, majorHazardSources, clock.instant());
        audit.record("ENTERPRISE_INPUTS_SET", "enterprise", before.id(),
                Map.of("standardizationGrade", String.valueOf(before.standardizationGrade()), "accidentsIn3Years", before.accidentsIn3Years(),
                        "openMajorHazards", before.openMajorHazards(), "enforcementCount", before.enforcementCount(),
                        "majorHazardSources", before.majorHazardSources()),
                Map.of("standardizationGrade", String.valueOf(grade), "accidentsIn3Years", accidents, "openMajorHazards", openMajorHazards,
                        "enforcementCount", enforcement, "majorHazardSources", majorHazardSources));
        return reclassify(before.id(), "INPUTS_CHANGED").orElseThrow();
    }
}
