package org.anjian.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * 分级分类监管 (ENT-3): keeps the versioned rule set, classifies enterprises by it on every profile or
 * input change, nightly and on demand, and records each change of class or score with its reasons.
 */
@Service
public class ClassificationService {

    private static final Logger log = LoggerFactory.getLogger(ClassificationService.class);
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final EnterpriseRepository enterprises;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClassificationService(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, EnterpriseRepository enterprises, JsonMapper json, AuditTrail audit,
                          ApplicationEventPublisher events, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.enterprises = enterprises;
        this.json = json;
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
        Optional<RuleSet> latest = jdbc.sql("select body from ent_rule_set order by version desc limit 1").query(String.class).optional()
                .map(body -> json.readValue(body, RuleSet.class));
        if (latest.isPresent()) {
            return latest.get();
        }
        RuleSet defaults = RuleSet.defaults();
        jdbc.sql("insert into ent_rule_set (version, body, note, created_by, created_at) values (1, cast(? as jsonb), ?, 'system', ?) on conflict do nothing")
                .params(json.writeValueAsString(defaults), "默认规则", EnterpriseRepository.ts(clock.instant())).update();
        return defaults;
    }

    @Transactional(readOnly = true)
    public List<Version> versions() {
        return jdbc.sql("select version, note, created_by, created_at from ent_rule_set order by version desc")
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.OffsetDateTime.class).toInstant())).list();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSet> ruleSet(int version) {
        return jdbc.sql("select body from ent_rule_set where version = ?").param(version).query(String.class).optional()
                .map(body -> json.readValue(body, RuleSet.class));
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
        jdbc.sql("insert into ent_rule_set (version, body, note, created_by, created_at) values (?, cast(? as jsonb), ?, ?, ?)")
                .params(version, json.writeValueAsString(saved), note == null ? null : note.substring(0, Math.min(note.length(), 300)),
                        user.getUsername(), EnterpriseRepository.ts(clock.instant())).update();
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
        List<Object[]> classes = new java.util.ArrayList<>();
        List<Object[]> history = new java.util.ArrayList<>();
        List<Map<String, Object>> changes = new java.util.ArrayList<>();
        for (Enterprise e : list) {
            Classification c = rules.classify(e.classificationInputs());
            if (c.supervisionClass() == e.supervisionClass() && Integer.valueOf(c.score()).equals(e.classScore())) {
                continue;
            }
            classes.add(new Object[] {c.supervisionClass().name(), c.score(), java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), e.id()});
            history.add(new Object[] {UUID.randomUUID(), e.id(), c.supervisionClass().name(), c.score(), c.inspectionsPerYear(), c.ruleSetVersion(),
                    json.writeValueAsString(c.firedRules()), trigger, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)});
            changes.add(Map.of("id", e.id(), "from", String.valueOf(e.supervisionClass()), "to", c.supervisionClass().name(), "score", c.score()));
            if (c.supervisionClass() != e.supervisionClass()) {
                events.publishEvent(new EnterpriseReclassified(e.id(), e.supervisionClass(), c.supervisionClass(), c.score(),
                        c.inspectionsPerYear(), c.ruleSetVersion()));
            }
        }
        if (classes.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("update ent_enterprise set supervision_class = ?, class_score = ?, classified_at = ? where id = ?", classes);
        batch.batchUpdate("""
                insert into ent_classification (id, enterprise_id, supervision_class, score, inspections_per_year, rule_set_version,
                  fired_rules, trigger, classified_at) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""", history);
        audit.record("ENTERPRISES_CLASSIFIED", "enterprise", null, null,
                Map.of("trigger", trigger, "ruleSetVersion", rules.ruleSetVersion(), "changes", changes));
        return classes.size();
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
        enterprises.updateClass(e.id(), c.supervisionClass(), c.score(), now);
        jdbc.sql("""
                insert into ent_classification (id, enterprise_id, supervision_class, score, inspections_per_year, rule_set_version,
                  fired_rules, trigger, classified_at) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(UUID.randomUUID(), e.id(), c.supervisionClass().name(), c.score(), c.inspectionsPerYear(), c.ruleSetVersion(),
                        json.writeValueAsString(c.firedRules()), trigger, EnterpriseRepository.ts(now)).update();
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
        return jdbc.sql("select * from ent_classification where enterprise_id = ? order by classified_at desc, id limit 50")
                .param(enterpriseId).query(this::record).list();
    }

    private Record record(ResultSet rs, int n) throws SQLException {
        List<Classification.FiredRule> fired = List.of(json.readValue(rs.getString("fired_rules"), Classification.FiredRule[].class));
        return new Record(rs.getObject("id", UUID.class), SupervisionClass.valueOf(rs.getString("supervision_class").trim()),
                rs.getInt("score"), rs.getInt("inspections_per_year"), rs.getInt("rule_set_version"), fired, rs.getString("trigger"),
                rs.getObject("classified_at", java.time.OffsetDateTime.class).toInstant());
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
