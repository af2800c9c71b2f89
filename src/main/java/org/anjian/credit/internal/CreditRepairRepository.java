package org.anjian.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.credit.domain.CreditRepair;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Credit repair applications ({@code credit_repair}) with their proof; scope columns copied from the entry. */
@Repository
class CreditRepairRepository {

    /** An application as stored, with the entry's subject for lists. */
    record Stored(CreditRepair.Snapshot repair, String subjectName, String kind, LocalDate decisionDate, String proofType, String proofName,
                  int version) {
    }

    record Proof(String contentType, String fileName, byte[] data) {
    }

    private static final String SELECT = """
            select r.id, r.record_id, r.state, r.rectification, r.applied_on, r.applied_by, r.decided_on, r.decided_by, r.decision_reason,
              r.proof_type, r.proof_name, r.version, c.subject_name, c.kind, c.decision_date
            from credit_repair r join credit_record c on c.id = r.record_id""";

    private final JdbcClient jdbc;

    CreditRepairRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CreditRepair.Snapshot s, String proofType, String proofName, byte[] proof) {
        jdbc.sql("""
                insert into credit_repair (id, record_id, enterprise_id, town_id, park_id, sector, state, rectification, proof_type, proof_name,
                  proof, applied_on, applied_by)
                select :id, c.id, c.enterprise_id, c.town_id, c.park_id, c.sector, :state, :rectification, :proofType, :proofName, :proof,
                  :appliedOn, :appliedBy from credit_record c where c.id = :recordId""")
                .param("id", s.id()).param("recordId", s.recordId()).param("state", s.state().name()).param("rectification", s.rectification())
                .param("proofType", proofType).param("proofName", proofName).param("proof", proof).param("appliedOn", s.appliedOn())
                .param("appliedBy", s.appliedBy()).update();
    }

    void update(CreditRepair.Snapshot s, int version) {
        int n = jdbc.sql("""
                update credit_repair set state = ?, decided_on = ?, decided_by = ?, decision_reason = ?, version = version + 1
                where id = ? and version = ?""")
                .params(s.state().name(), s.decidedOn(), s.decidedBy(), s.decisionReason(), s.id(), version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("credit repair " + s.id() + " was changed by someone else");
        }
    }

    boolean pendingFor(UUID recordId) {
        return jdbc.sql("select count(*) from credit_repair where record_id = ? and state = 'PENDING'").param(recordId).query(Long.class).single() > 0;
    }

    /** The application when it lies within the scope condition (on alias {@code r}). */
    Optional<Stored> find(UUID id, ScopeConditions.Condition scope) {
        return jdbc.sql(SELECT + " where r.id = :id and " + scope.sql()).params(scope.params()).param("id", id)
                .query(CreditRepairRepository::map).optional();
    }

    Optional<Proof> proof(UUID id) {
        return jdbc.sql("select proof_type, proof_name, proof from credit_repair where id = ?").param(id)
                .query((rs, n) -> new Proof(rs.getString("proof_type"), rs.getString("proof_name"), rs.getBytes("proof"))).optional();
    }

    /** Applications within the scope (alias {@code r}), pending first, newest first. */
    PageResult<Stored> search(String state, UUID recordId, ScopeConditions.Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where " + scope.sql());
        if (state != null) {
            where.append(" and r.state = :state");
            params.put("state", state);
        }
        if (recordId != null) {
            where.append(" and r.record_id = :recordId");
            params.put("recordId", recordId);
        }
        long total = jdbc.sql("select count(*) from credit_repair r" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Stored> items = jdbc.sql(SELECT + where + " order by case r.state when 'PENDING' then 0 else 1 end, r.applied_on desc, r.id"
                + " limit :limit offset :offset").params(params).query(CreditRepairRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private static Stored map(ResultSet rs, int n) throws SQLException {
        CreditRepair.Snapshot s = new CreditRepair.Snapshot(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
                CreditRepair.State.valueOf(rs.getString("state")), rs.getString("rectification"), rs.getObject("applied_on", LocalDate.class),
                rs.getString("applied_by"), rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"), rs.getString("decision_reason"));
        return new Stored(s, rs.getString("subject_name"), rs.getString("kind"), rs.getObject("decision_date", LocalDate.class),
                rs.getString("proof_type"), rs.getString("proof_name"), rs.getInt("version"));
    }
}
