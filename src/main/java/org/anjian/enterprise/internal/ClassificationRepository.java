package org.anjian.enterprise.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.Classification;
import org.anjian.enterprise.domain.RuleSet;
import org.anjian.enterprise.internal.ClassificationService.Record;
import org.anjian.enterprise.internal.ClassificationService.Version;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The versioned 分级分类 rule sets and every enterprise's classification history, with the class kept on the enterprise row. */
@Repository
class ClassificationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    ClassificationRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** One enterprise's new classification, as stored in its history. */
    record Classified(UUID enterpriseId, Classification classification, String trigger) {
    }

    Optional<RuleSet> latestRuleSet() {
        return jdbc.sql("select body from ent_rule_set order by version desc limit 1").query(String.class).optional()
                .map(body -> json.readValue(body, RuleSet.class));
    }

    Optional<RuleSet> ruleSet(int version) {
        return jdbc.sql("select body from ent_rule_set where version = ?").param(version).query(String.class).optional()
                .map(body -> json.readValue(body, RuleSet.class));
    }

    List<Version> versions() {
        return jdbc.sql("select version, note, created_by, created_at from ent_rule_set order by version desc")
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant())).list();
    }

    /** Stores the rule set as its version, unless that version is already stored (by a concurrent save); false then. */
    boolean insertRuleSet(RuleSet r, String note, String createdBy, Instant now) {
        return jdbc.sql("insert into ent_rule_set (version, body, note, created_by, created_at) values (?, cast(? as jsonb), ?, ?, ?) on conflict do nothing")
                .params(r.version(), json.writeValueAsString(r), note, createdBy, EnterpriseRepository.ts(now)).update() == 1;
    }

    /** Sets the enterprises' class and score and adds each classification to their history, in two batches. */
    void store(List<Classified> changes, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Object[]> classes = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (Classified c : changes) {
            Classification k = c.classification();
            classes.add(new Object[] {k.supervisionClass().name(), k.score(), at, c.enterpriseId()});
            history.add(new Object[] {UUID.randomUUID(), c.enterpriseId(), k.supervisionClass().name(), k.score(), k.inspectionsPerYear(),
                    k.ruleSetVersion(), json.writeValueAsString(k.firedRules()), c.trigger(), at});
        }
        batch.batchUpdate("update ent_enterprise set supervision_class = ?, class_score = ?, classified_at = ? where id = ?", classes);
        batch.batchUpdate("""
                insert into ent_classification (id, enterprise_id, supervision_class, score, inspections_per_year, rule_set_version,
                  fired_rules, trigger, classified_at) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""", history);
    }

    /** The enterprise's latest 50 classifications, newest first. */
    List<Record> history(UUID enterpriseId) {
        return jdbc.sql("select * from ent_classification where enterprise_id = ? order by classified_at desc, id limit 50")
                .param(enterpriseId)
                .query((rs, n) -> new Record(rs.getObject("id", UUID.class), SupervisionClass.valueOf(rs.getString("supervision_class").trim()),
                        rs.getInt("score"), rs.getInt("inspections_per_year"), rs.getInt("rule_set_version"),
                        List.of(json.readValue(rs.getString("fired_rules"), Classification.FiredRule[].class)), rs.getString("trigger"),
                        rs.getObject("classified_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
