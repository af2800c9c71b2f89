package org.anjian.governance.internal;

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
import org.anjian.governance.ProblemEscalation;
import org.anjian.governance.ProblemOwnerKind;
import org.anjian.governance.ProblemState;
import org.anjian.governance.domain.Problem;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The problems of the 八张问题清单 ({@code governance_problem*}). */
@Repository
public class ProblemRepository {

    private final JdbcClient jdbc;

    ProblemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A list type (its membership is configuration: REFERENCE-RULES §6). */
    public record ProblemList(String code, String name, String description, int sortOrder) {
    }

    public record Filter(String listCode, ProblemState state, ProblemOwnerKind ownerKind, UUID townId, Boolean overdue,
                         Boolean escalated, String q, LocalDate today) {
    }

    /** The counts a list's header shows, for the same scope and filter as its rows. */
    public record Counts(long total, long open, long overdue, long escalatedToTown, long escalatedToDistrict) {
    }

    public boolean hasProblems() {
        return jdbc.sql("select exists (select 1 from governance_problem)").query(Boolean.class).single();
    }

    public List<ProblemList> lists() {
        return jdbc.sql("select code, name, description, sort_order from governance_problem_list where active order by sort_order")
                .query((rs, n) -> new ProblemList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    public Optional<ProblemList> list(String code) {
        return lists().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    private static final String SELECT = "select p.*, l.name as list_name from governance_problem p join governance_problem_list l on l.code = p.list_code";

    public Optional<ProblemRecord> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(ProblemRepository::map).optional();
    }

    /** The problem when the condition (a scope) holds for it. */
    public Optional<ProblemRecord> find(UUID id, Condition scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql(SELECT + " where p.id = :id and (" + scope.sql() + ")").params(params).query(ProblemRepository::map).optional();
    }

    public PageResult<ProblemRecord> search(Filter f, Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(f, scope, params);
        long total = jdbc.sql("select count(*) from governance_problem p" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ProblemRecord> items = jdbc.sql(SELECT + where
                        + " order by case p.state when 'CLOSED' then 1 else 0 end, p.deadline, p.registered_at desc, p.id limit :limit offset :offset")
                .params(params).query(ProblemRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public Counts counts(Filter f, Condition scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(f, scope, params);
        params.put("countToday", f.today());
        return jdbc.sql("""
                        select count(*), count(*) filter (where p.state <> 'CLOSED'),
                          count(*) filter (where p.deadline < :countToday and p.state in ('REGISTERED', 'RECTIFYING')),
                          count(*) filter (where p.escalation = 'TOWN' and p.state <> 'CLOSED'),
                          count(*) filter (where p.escalation = 'DISTRICT' and p.state <> 'CLOSED')
                        from governance_problem p""" + where)
                .params(params).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).single();
    }

    private static String where(Filter f, Condition scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where (").append(scope.sql()).append(")");
        if (f.listCode() != null) {
            where.append(" and p.list_code = :listCode");
            params.put("listCode", f.listCode());
        }
        if (f.state() != null) {
            where.append(" and p.state = :state");
            params.put("state", f.state().name());
        }
        if (f.ownerKind() != null) {
            where.append(" and p.owner_kind = :ownerKind");
            params.put("ownerKind", f.ownerKind().name());
        }
        if (f.townId() != null) {
            where.append(" and p.town_id = :townId");
            params.put("townId", f.townId());
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and" : " and not").append(" (p.deadline < :today and p.state in ('REGISTERED', 'RECTIFYING'))");
            params.put("today", f.today());
        }
        if (Boolean.TRUE.equals(f.escalated())) {
            where.append(" and p.escalation <> 'NONE' and p.state <> 'CLOSED'");
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (p.title ilike :q or p.owner_name ilike :q or p.description ilike :q)");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    /** The 举一反三 family: the origin and every problem spawned from it, in the scope. */
    public List<ProblemRecord> family(UUID rootId, Condition scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("root", rootId);
        return jdbc.sql(SELECT + " where (p.id = :root or p.origin_problem_id = :root) and (" + scope.sql() + ")"
                        + " order by case when p.id = :root then 0 else 1 end, p.owner_name")
                .params(params).query(ProblemRepository::map).list();
    }

    public void insert(ProblemRecord r) {
        Problem p = r.problem();
        jdbc.sql("""
                insert into governance_problem (id, list_code, title, description, owner_kind, owner_name, enterprise_id, town_id, park_id, sector,
                  department_id, deadline, state, escalation, origin_problem_id, supervision_visit_id, registered_by_name, registered_at)
                values (:id, :list, :title, :description, :ownerKind, :ownerName, :enterprise, :town, :park, :sector, :department, :deadline,
                  :state, :escalation, :origin, :visit, :by, :at)""")
                .param("id", p.id()).param("list", r.listCode()).param("title", r.title()).param("description", r.description())
                .param("ownerKind", p.ownerKind().name()).param("ownerName", r.ownerName()).param("enterprise", r.enterpriseId())
                .param("town", r.townId()).param("park", r.parkId()).param("sector", r.sector()).param("department", r.departmentId())
                .param("deadline", p.deadline()).param("state", p.state().name()).param("escalation", p.escalation().name())
                .param("origin", r.originProblemId()).param("visit", r.supervisionVisitId()).param("by", r.registeredByName())
                .param("at", utc(r.registeredAt()))
                .update();
    }

    /** Saves the loop's state; a concurrent change in between is refused rather than overwritten. */
    public void save(Problem p, int expectedVersion, Instant escalatedAt) {
        int n = jdbc.sql("""
                update governance_problem set state = :state, measures = :measures, escalation = :escalation,
                  escalated_at = coalesce(:escalatedAt, escalated_at), rectified_by = :rectifiedBy, rectified_at = :rectifiedAt,
                  verified_by = :verifiedBy, closed_at = :closedAt, rejections = :rejections, version = version + 1
                where id = :id and version = :version""")
                .param("state", p.state().name()).param("measures", p.measures()).param("escalation", p.escalation().name())
                .param("escalatedAt", utc(escalatedAt)).param("rectifiedBy", p.rectifiedBy()).param("rectifiedAt", utc(p.rectifiedAt()))
                .param("verifiedBy", p.verifiedBy()).param("closedAt", utc(p.closedAt())).param("rejections", p.rejections())
                .param("id", p.id()).param("version", expectedVersion)
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("problem " + p.id() + " was changed by someone else");
        }
    }

    /** Open problems past their deadline that are not yet where they belong; the job escalates them. */
    public List<UUID> overdueCandidates(LocalDate today) {
        return jdbc.sql("""
                select id from governance_problem where deadline < ? and state in ('REGISTERED', 'RECTIFYING') and escalation <> 'DISTRICT'
                order by deadline, id""").param(today).query(UUID.class).list();
    }

    public void linkVisit(UUID problemId, UUID visitId) {
        jdbc.sql("update governance_problem set supervision_visit_id = ? where id = ?").params(visitId, problemId).update();
    }

    public void addStep(UUID problemId, String action, ProblemState from, ProblemState to, String actorName, Instant at, String note) {
        jdbc.sql("insert into governance_problem_step (problem_id, action, from_state, to_state, actor_name, at, note) values (?, ?, ?, ?, ?, ?, ?)")
                .params(problemId, action, from == null ? null : from.name(), to.name(), actorName, utc(at), note).update();
    }

    public record Step(String action, String fromState, String toState, String actorName, Instant at, String note) {
    }

    public List<Step> steps(UUID problemId) {
        return jdbc.sql("select * from governance_problem_step where problem_id = ? order by id").param(problemId)
                .query((rs, n) -> new Step(rs.getString("action"), rs.getString("from_state"), rs.getString("to_state"),
                        rs.getString("actor_name"), instant(rs, "at"), rs.getString("note")))
                .list();
    }

    public record EvidenceInfo(UUID id, String fileName, String contentType, int sizeBytes, String uploadedBy, Instant uploadedAt) {
    }

    public record Evidence(String fileName, String contentType, byte[] data) {
    }

    public void addEvidence(UUID id, UUID problemId, String fileName, String contentType, byte[] data, String by, Instant at) {
        jdbc.sql("""
                insert into governance_problem_evidence (id, problem_id, file_name, content_type, size_bytes, data, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(id, problemId, fileName, contentType, data.length, data, by, utc(at)).update();
    }

    public int countEvidence(UUID problemId) {
        return jdbc.sql("select count(*) from governance_problem_evidence where problem_id = ?").param(problemId).query(Integer.class).single();
    }

    public List<EvidenceInfo> evidence(UUID problemId) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from governance_problem_evidence
                        where problem_id = ? order by uploaded_at, id""").param(problemId)
                .query((rs, n) -> new EvidenceInfo(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getInt("size_bytes"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
                .list();
    }

    public Optional<Evidence> evidence(UUID problemId, UUID evidenceId) {
        return jdbc.sql("select file_name, content_type, data from governance_problem_evidence where problem_id = ? and id = ?")
                .params(problemId, evidenceId).query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static ProblemRecord map(ResultSet rs, int n) throws SQLException {
        Problem p = new Problem(rs.getObject("id", UUID.class), ProblemOwnerKind.valueOf(rs.getString("owner_kind")),
                rs.getObject("deadline", LocalDate.class), ProblemState.valueOf(rs.getString("state")), rs.getString("measures"),
                ProblemEscalation.valueOf(rs.getString("escalation")), rs.getObject("rectified_by", UUID.class), instant(rs, "rectified_at"),
                rs.getObject("verified_by", UUID.class), instant(rs, "closed_at"), rs.getInt("rejections"));
        return new ProblemRecord(p, rs.getString("list_code"), rs.getString("list_name"), rs.getString("title"), rs.getString("description"),
                rs.getString("owner_name"), rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class),
                rs.getObject("park_id", UUID.class), rs.getString("sector"), rs.getObject("department_id", UUID.class),
                rs.getObject("origin_problem_id", UUID.class), rs.getObject("supervision_visit_id", UUID.class),
                rs.getString("registered_by_name"), instant(rs, "registered_at"), instant(rs, "escalated_at"), rs.getInt("version"));
    }
}
