package org.anjian.standardization.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.standardization.domain.ApplicationState;
import org.anjian.standardization.domain.GradeApplication;
import org.anjian.standardization.domain.GradeLevel;
import org.anjian.standardization.domain.ReviewingLevel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StandardizationRepository {

    private final JdbcClient jdbc;

    StandardizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String state, String level, UUID enterpriseId, String text, Integer expiringWithinDays, LocalDate today) {
    }

    public Optional<ApplicationRecord> find(UUID id, ScopeConditions.Condition scope) {
        return jdbc.sql("select * from std_application a where a.id = :id and " + scope.sql()).params(scope.params()).param("id", id)
                .query(StandardizationRepository::map).optional();
    }

    public Optional<ApplicationRecord> find(UUID id) {
        return find(id, ScopeConditions.Condition.ALWAYS);
    }

    public PageResult<ApplicationRecord> search(Filter f, ScopeConditions.Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where " + scope.sql());
        if (f.state() != null) {
            if ("EXPIRED".equals(f.state())) {
                where.append(" and (a.state = 'EXPIRED' or (a.state = 'GRADED' and a.valid_until < :today))");
            } else if ("GRADED".equals(f.state())) {
                where.append(" and a.state = 'GRADED' and a.valid_until >= :today");
            } else {
                where.append(" and a.state = :state");
                params.put("state", f.state());
            }
            params.put("today", f.today());
        }
        if (f.level() != null) {
            where.append(" and a.level = :level");
            params.put("level", f.level());
        }
        if (f.enterpriseId() != null) {
            where.append(" and a.enterprise_id = :enterpriseId");
            params.put("enterpriseId", f.enterpriseId());
        }
        if (f.expiringWithinDays() != null) {
            where.append(" and a.state = 'GRADED' and a.valid_until between :today and :until");
            params.put("today", f.today());
            params.put("until", f.today().plusDays(f.expiringWithinDays()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and a.enterprise_name ilike :text");
            params.put("text", "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from std_application a" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ApplicationRecord> items = jdbc.sql("select * from std_application a" + where
                        + " order by case when a.state in ('SUBMITTED','ONSITE_REVIEWED') then 0 when a.revocation_proposed_on is not null and a.state = 'GRADED' then 1 else 2 end,"
                        + " coalesce(a.valid_until, a.submitted_on) asc, a.id limit :limit offset :offset")
                .params(params).query(StandardizationRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** The grades in force (state GRADED and not past their last day): enterprise → level. */
    public Map<UUID, String> gradesInForce(LocalDate today) {
        Map<UUID, String> out = new HashMap<>();
        jdbc.sql("select enterprise_id, level from std_application where state = 'GRADED' and valid_until >= ?").param(today)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return out;
    }

    public Optional<ApplicationRecord> gradeOf(UUID enterpriseId) {
        return jdbc.sql("select * from std_application a where a.enterprise_id = ? and a.state = 'GRADED'").param(enterpriseId)
                .query(StandardizationRepository::map).optional();
    }

    public List<ApplicationRecord> ofEnterprise(UUID enterpriseId) {
        return jdbc.sql("select * from std_application a where a.enterprise_id = ? order by a.submitted_on desc, a.created_at desc")
                .param(enterpriseId).query(StandardizationRepository::map).list();
    }

    public List<ApplicationRecord> pastTheirLastDay(LocalDate today) {
        return jdbc.sql("select * from std_application a where a.state = 'GRADED' and a.valid_until < ?").param(today)
                .query(StandardizationRepository::map).list();
    }

    /** Grades expiring by {@code until}, enterprises whose last grade expired without a new one, revocation proposals, open applications. */
    public record Figures(long expiring, long expired, long proposals, long open) {
    }

    public Figures figures(ScopeConditions.Condition scope, LocalDate today, LocalDate until) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", today);
        params.put("until", until);
        return jdbc.sql("""
                select count(*) filter (where a.state = 'GRADED' and a.valid_until between :today and :until),
                       count(distinct a.enterprise_id) filter (where (a.state = 'EXPIRED' or (a.state = 'GRADED' and a.valid_until < :today))
                         and not exists (select 1 from std_application b where b.enterprise_id = a.enterprise_id and b.state = 'GRADED'
                                         and b.valid_until >= :today)),
                       count(*) filter (where a.state = 'GRADED' and a.revocation_proposed_on is not null),
                       count(*) filter (where a.state in ('SUBMITTED', 'ONSITE_REVIEWED'))
                from std_application a""" + " where " + scope.sql())
                .params(params).query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    public boolean hasAny() {
        return jdbc.sql("select exists (select 1 from std_application)").query(Boolean.class).single();
    }

    public void insert(ApplicationRecord r, Instant now) {
        GradeApplication a = r.application();
        jdbc.sql("""
                insert into std_application (id, enterprise_id, enterprise_name, town_id, park_id, sector, level, reviewing_level, self_score,
                  submitted_on, state, onsite_inspection_id, onsite_score, onsite_on, onsite_note, decided_on, authority, document_no, decision_note,
                  valid_from, valid_until, revocation_reason, revocation_source, revocation_proposed_on, revoked_on, note, created_at, updated_at)
                values (:id, :enterpriseId, :name, :townId, :parkId, :sector, :level, :reviewer, :selfScore, :submittedOn, :state, :inspection,
                  :onsiteScore, :onsiteOn, :onsiteNote, :decidedOn, :authority, :documentNo, :decisionNote, :validFrom, :validUntil,
                  :revocationReason, :revocationSource, :proposedOn, :revokedOn, :note, :now, :now)""")
                .param("id", a.id()).param("enterpriseId", a.enterpriseId()).param("name", r.enterpriseName()).param("townId", r.townId())
                .param("parkId", r.parkId()).param("sector", r.sector()).param("level", a.level().name()).param("reviewer", a.reviewingLevel().name())
                .param("selfScore", a.selfScore()).param("submittedOn", a.submittedOn()).param("state", a.state().name())
                .param("inspection", a.onsiteInspectionId()).param("onsiteScore", a.onsiteScore())
                .param("onsiteOn", a.onsiteOn()).param("onsiteNote", a.onsiteNote()).param("decidedOn", a.decidedOn()).param("authority", a.authority())
                .param("documentNo", a.documentNo()).param("decisionNote", a.decisionNote()).param("validFrom", a.validFrom())
                .param("validUntil", a.validUntil()).param("revocationReason", a.revocationReason()).param("revocationSource", a.revocationSource())
                .param("proposedOn", a.revocationProposedOn()).param("revokedOn", a.revokedOn())
                .param("note", r.note()).param("now", utc(now)).update();
    }

    public void save(GradeApplication a, int version, Instant now) {
        int n = jdbc.sql("""
                update std_application set state = :state, onsite_inspection_id = :inspection, onsite_score = :onsiteScore, onsite_on = :onsiteOn,
                  onsite_note = :onsiteNote, decided_on = :decidedOn, authority = :authority, document_no = :documentNo, decision_note = :decisionNote,
                  valid_from = :validFrom, valid_until = :validUntil, revocation_reason = :revocationReason, revocation_source = :revocationSource,
                  revocation_proposed_on = :proposedOn, revoked_on = :revokedOn, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("state", a.state().name()).param("inspection", a.onsiteInspectionId()).param("onsiteScore", a.onsiteScore())
                .param("onsiteOn", a.onsiteOn()).param("onsiteNote", a.onsiteNote()).param("decidedOn", a.decidedOn()).param("authority", a.authority())
                .param("documentNo", a.documentNo()).param("decisionNote", a.decisionNote()).param("validFrom", a.validFrom())
                .param("validUntil", a.validUntil()).param("revocationReason", a.revocationReason()).param("revocationSource", a.revocationSource())
                .param("proposedOn", a.revocationProposedOn()).param("revokedOn", a.revokedOn()).param("now", utc(now))
                .param("id", a.id()).param("version", version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("standardization application " + a.id() + " was changed by someone else");
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static ApplicationRecord map(ResultSet rs, int n) throws SQLException {
        GradeApplication a = new GradeApplication(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                GradeLevel.valueOf(rs.getString("level")), ReviewingLevel.valueOf(rs.getString("reviewing_level")), rs.getBigDecimal("self_score"),
                rs.getObject("submitted_on", LocalDate.class), ApplicationState.valueOf(rs.getString("state")),
                rs.getObject("onsite_inspection_id", UUID.class), rs.getBigDecimal("onsite_score"), rs.getObject("onsite_on", LocalDate.class),
                rs.getString("onsite_note"), rs.getObject("decided_on", LocalDate.class), rs.getString("authority"), rs.getString("document_no"),
                rs.getString("decision_note"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("revocation_reason"), rs.getString("revocation_source"), rs.getObject("revocation_proposed_on", LocalDate.class),
                rs.getObject("revoked_on", LocalDate.class));
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new ApplicationRecord(a, rs.getString("enterprise_name"), rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class),
                rs.getString("sector"), rs.getString("note"), created == null ? null : created.toInstant(), rs.getInt("version"));
    }

    static BigDecimal score(double d) {
        return BigDecimal.valueOf(Math.round(d * 10) / 10.0);
    }
}
