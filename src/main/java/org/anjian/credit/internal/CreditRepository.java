package org.anjian.credit.internal;

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
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreditRepository {

    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;

    CreditRepository(JdbcClient jdbc, EnterpriseLookup enterprises) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
    }

    public Optional<CreditRecord> find(UUID id) {
        return jdbc.sql("select * from credit_record where id = ?").param(id).query(CreditRepository::map).optional();
    }

    /** The entry when it lies within the scope condition (on alias {@code c}), else empty. */
    public Optional<CreditRecord> find(UUID id, ScopeConditions.Condition scope) {
        return jdbc.sql("select * from credit_record c where c.id = :id and " + scope.sql()).params(scope.params()).param("id", id)
                .query(CreditRepository::map).optional();
    }

    public boolean existsForSource(String sourceRef) {
        return jdbc.sql("select count(*) from credit_record where source_ref = ?").param(sourceRef).query(Long.class).single() > 0;
    }

    /**
     * Entries within the scope condition (on alias {@code c}), filtered and paged; {@code text}: part of
     * the subject's name or of its unified social credit code.
     */
    public PageResult<CreditRecord> search(String status, String kind, UUID enterpriseId, String text, ScopeConditions.Condition scope,
                                           PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where " + scope.sql());
        if (text != null && !text.isBlank()) {
            where.append(" and (subject_name ilike :text or credit_code ilike :text)");
            params.put("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (enterpriseId != null) {
            where.append(" and enterprise_id = :enterpriseId");
            params.put("enterpriseId", enterpriseId);
        }
        long total = jdbc.sql("select count(*) from credit_record c" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<CreditRecord> items = jdbc.sql("select * from credit_record c" + where
                        + " order by case status when 'PROPOSED' then 0 else 1 end, coalesce(decision_date, created_at::date) desc, created_at desc"
                        + " limit :limit offset :offset")
                .params(params).query(CreditRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Every published entry, newest decision first: what 信用重庆 receives. */
    public List<CreditRecord> published() {
        return jdbc.sql("select * from credit_record where published_at is not null order by decision_date desc, id").query(CreditRepository::map).list();
    }

    /**
     * Stores a new entry with the town, park and sector of its enterprise (by id, else by credit
     * code), which the scope conditions read; an entry of no known enterprise is the district's alone.
     */
    public void insert(CreditRecord r) {
        Optional<EnterpriseSummary> enterprise = r.enterpriseId() != null ? enterprises.find(r.enterpriseId())
                : r.creditCode() != null ? enterprises.findByCreditCode(r.creditCode()) : Optional.empty();
        jdbc.sql("""
                insert into credit_record (id, subject_type, subject_name, credit_code, enterprise_id, kind, cause, cause_detail, source_ref,
                  authority, decision_date, term_months, expires_on, status, published_at, created_at, updated_at, town_id, park_id, sector)
                values (:id, :subjectType, :subjectName, :creditCode, :enterpriseId, :kind, :cause, :causeDetail, :sourceRef, :authority,
                  :decisionDate, :termMonths, :expiresOn, :status, :publishedAt, :createdAt, :createdAt, :townId, :parkId, :sector)
                on conflict (source_ref) do nothing""")
                .param("townId", enterprise.map(EnterpriseSummary::townId).orElse(null))
                .param("parkId", enterprise.map(EnterpriseSummary::parkId).orElse(null))
                .param("sector", enterprise.map(e -> e.sector().name()).orElse(null))
                .param("id", r.id()).param("subjectType", r.subjectType()).param("subjectName", r.subjectName())
                .param("creditCode", r.creditCode()).param("enterpriseId", r.enterpriseId()).param("kind", r.kind()).param("cause", r.cause())
                .param("causeDetail", r.causeDetail()).param("sourceRef", r.sourceRef()).param("authority", r.authority())
                .param("decisionDate", r.decisionDate()).param("termMonths", r.termMonths()).param("expiresOn", r.expiresOn())
                .param("status", r.status()).param("publishedAt", utc(r.publishedAt())).param("createdAt", utc(r.createdAt()))
                .update();
    }

    public void save(CreditRecord r, Instant now) {
        int n = jdbc.sql("""
                update credit_record set kind = :kind, authority = :authority, decision_date = :decisionDate, term_months = :termMonths,
                  expires_on = :expiresOn, status = :status, published_at = :publishedAt, repair_on = :repairOn, repair_note = :repairNote,
                  removed_on = :removedOn, removal_reason = :removalReason, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("kind", r.kind()).param("authority", r.authority()).param("decisionDate", r.decisionDate())
                .param("termMonths", r.termMonths()).param("expiresOn", r.expiresOn()).param("status", r.status())
                .param("publishedAt", utc(r.publishedAt())).param("repairOn", r.repairOn()).param("repairNote", r.repairNote())
                .param("removedOn", r.removedOn()).param("removalReason", r.removalReason()).param("now", utc(now))
                .param("id", r.id()).param("version", r.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("credit record " + r.id() + " was changed by someone else");
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static CreditRecord map(ResultSet rs, int n) throws SQLException {
        return new CreditRecord(rs.getObject("id", UUID.class), rs.getString("subject_type"), rs.getString("subject_name"),
                rs.getString("credit_code"), rs.getObject("enterprise_id", UUID.class), rs.getString("kind"), rs.getString("cause"),
                rs.getString("cause_detail"), rs.getString("source_ref"), rs.getString("authority"), rs.getObject("decision_date", LocalDate.class),
                (Integer) rs.getObject("term_months"), rs.getObject("expires_on", LocalDate.class), rs.getString("status"),
                instant(rs, "published_at"), rs.getObject("repair_on", LocalDate.class), rs.getString("repair_note"),
                rs.getObject("removed_on", LocalDate.class), rs.getString("removal_reason"), instant(rs, "created_at"), rs.getInt("version"));
    }
}
