package org.anjian.penalty.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.DiscretionRule;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The discretion table (自由裁量基准), kept as data so that the district changes it without a release. */
@Service
@Transactional
public class DiscretionRules {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DiscretionRules(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<DiscretionRule> all() {
        return jdbc.sql("select * from penalty_discretion_rule order by priority, code").query((rs, n) -> new DiscretionRule(rs.getString("code"),
                rs.getInt("priority"), bool(rs, "major_hazard"), bool(rs, "self_reported"), bool(rs, "rectifying"), bool(rs, "hidden"),
                bool(rs, "first_offence"), bool(rs, "minor"), bool(rs, "corrected_promptly"), bool(rs, "refused_to_rectify"),
                DiscretionRule.Recommendation.valueOf(rs.getString("recommendation")), rs.getLong("min_yuan"), rs.getLong("max_yuan"),
                rs.getString("description"), rs.getString("legal_basis"))).list();
    }

    @Transactional(readOnly = true)
    public List<DiscretionRule> all(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "penalty.forbidden", "forbidden");
        }
        return all();
    }

    public Optional<DiscretionRule> recommend(CaseFacts facts) {
        return DiscretionRule.first(all(), facts);
    }

    /** Replaces the whole table: rules are read together, so they are edited together. */
    public List<DiscretionRule> replace(AnjianUser user, List<DiscretionRule> rules) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "penalty.forbidden", "only the district edits the discretion rules");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (rules == null || rules.isEmpty()) {
            throw DomainException.invalid("rules", "penalty.rules.empty", "至少保留一条裁量规则");
        }
        if (rules.contains(null)) {
            throw DomainException.invalid("rules", "shared.validation.required", "必填");
        }
        for (int i = 0; i < rules.size(); i++) {
            DiscretionRule r = rules.get(i);
            String at = "[" + i + "]";
            if (r.code() == null || !r.code().matches("[A-Z0-9_]{1,40}") || !codes.add(r.code())) {
                errors.add(new FieldError(at + ".code", "penalty.rules.code", "规则代码须为唯一的大写字母、数字或下划线"));
            }
            if (r.recommendation() == null) {
                errors.add(new FieldError(at + ".recommendation", "shared.validation.required", "必填"));
            }
            if (r.minYuan() < 0 || r.maxYuan() < r.minYuan()) {
                errors.add(new FieldError(at + ".maxYuan", "penalty.rules.band", "罚款幅度须满足 0 ≤ 下限 ≤ 上限"));
            }
            if (r.description() == null || r.description().isBlank() || r.description().length() > 200) {
                errors.add(new FieldError(at + ".description", "shared.validation.required", "必填"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        List<DiscretionRule> before = all();
        jdbc.sql("delete from penalty_discretion_rule").update();
        for (DiscretionRule r : rules) {
            jdbc.sql("""
                    insert into penalty_discretion_rule (code, priority, major_hazard, self_reported, rectifying, hidden, first_offence, minor,
                      corrected_promptly, refused_to_rectify, recommendation, min_yuan, max_yuan, description, legal_basis)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.code(), r.priority(), r.majorHazard(), r.selfReported(), r.rectifying(), r.hidden(), r.firstOffence(), r.minor(),
                            r.correctedPromptly(), r.refusedToRectify(), r.recommendation().name(), r.minYuan(), r.maxYuan(), r.description().strip(),
                            r.legalBasis()).update();
        }
        audit.record("PENALTY_DISCRETION_RULES_REPLACED", "penalty-discretion-rules", "all", before, rules);
        return all();
    }

    private static Boolean bool(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }
}
