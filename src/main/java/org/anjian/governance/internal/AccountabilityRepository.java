package org.anjian.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.governance.AccountabilityDocumentKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Responsibility lists, 明查暗访 records and accountability documents with their per-kind, per-year counter. */
@Repository
public class AccountabilityRepository {

    private final JdbcClient jdbc;

    AccountabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Duty(UUID id, String holderKind, String holder, String principle, String duty, int sortOrder) {
    }

    public record Visit(UUID id, LocalDate visitedOn, String mode, String place, String team, String findings, String createdBy, Instant createdAt) {
    }

    public record Document(UUID id, AccountabilityDocumentKind kind, int year, int seq, String number, String addressee, String subject,
                           String body, LocalDate issuedOn, String issuedBy, Instant createdAt) {
    }

    // ------------------------------------------------------------------ duties

    public List<Duty> duties() {
        return jdbc.sql("select * from governance_accountability_duty order by holder_kind desc, sort_order, holder")
                .query((rs, n) -> new Duty(rs.getObject("id", UUID.class), rs.getString("holder_kind"), rs.getString("holder"),
                        rs.getString("principle"), rs.getString("duty"), rs.getInt("sort_order"))).list();
    }

    public Optional<Duty> duty(UUID id) {
        return duties().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public void insertDuty(Duty d, Instant at) {
        jdbc.sql("insert into governance_accountability_duty (id, holder_kind, holder, principle, duty, sort_order, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.holderKind(), d.holder(), d.principle(), d.duty(), d.sortOrder(), ProblemRepository.utc(at)).update();
    }

    public void updateDuty(Duty d, Instant at) {
        jdbc.sql("update governance_accountability_duty set holder_kind = ?, holder = ?, principle = ?, duty = ?, updated_at = ? where id = ?")
                .params(d.holderKind(), d.holder(), d.principle(), d.duty(), ProblemRepository.utc(at), d.id()).update();
    }

    public void deleteDuty(UUID id) {
        jdbc.sql("delete from governance_accountability_duty where id = ?").param(id).update();
    }

    // ------------------------------------------------------------------ 明查暗访

    public PageResult<Visit> visits(PageRequest page) {
        long total = jdbc.sql("select count(*) from governance_supervision_visit").query(Long.class).single();
        List<Visit> items = jdbc.sql("select * from governance_supervision_visit order by visited_on desc, created_at desc limit ? offset ?")
                .params(page.size(), page.offset()).query(AccountabilityRepository::visit).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public Optional<Visit> visit(UUID id) {
        return jdbc.sql("select * from governance_supervision_visit where id = ?").param(id).query(AccountabilityRepository::visit).optional();
    }

    public void insertVisit(Visit v) {
        jdbc.sql("""
                insert into governance_supervision_visit (id, visited_on, mode, place, team, findings, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), v.visitedOn(), v.mode(), v.place(), v.team(), v.findings(), v.createdBy(), ProblemRepository.utc(v.createdAt()))
                .update();
    }

    /** The problems registered from a visit (ids and titles; the problem pages apply their own scope). */
    public List<Map<String, Object>> visitProblems(UUID visitId) {
        return jdbc.sql("select id, title, owner_name, state from governance_problem where supervision_visit_id = ? order by registered_at")
                .param(visitId).query().listOfRows();
    }

    private static Visit visit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Visit(rs.getObject("id", UUID.class), rs.getObject("visited_on", LocalDate.class), rs.getString("mode"), rs.getString("place"),
                rs.getString("team"), rs.getString("findings"), rs.getString("created_by"), ProblemRepository.instant(rs, "created_at"));
    }

    // ------------------------------------------------------------------ documents

    /** Increments the counter of the kind and year in the caller's transaction and returns the new sequence number. */
    public int nextSeq(AccountabilityDocumentKind kind, int year) {
        return jdbc.sql("""
                insert into governance_accountability_counter (year, kind, last_seq) values (?, ?, 1)
                on conflict (year, kind) do update set last_seq = governance_accountability_counter.last_seq + 1
                returning last_seq""").params(year, kind.name()).query(Integer.class).single();
    }

    public void insertDocument(Document d) {
        jdbc.sql("""
                insert into governance_accountability_document (id, kind, year, seq, number, addressee, subject, body, issued_on, issued_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.kind().name(), d.year(), d.seq(), d.number(), d.addressee(), d.subject(), d.body(), d.issuedOn(), d.issuedBy(),
                        ProblemRepository.utc(d.createdAt()))
                .update();
    }

    public PageResult<Document> documents(AccountabilityDocumentKind kind, Integer year, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind.name());
        }
        if (year != null) {
            where.append(" and year = :year");
            params.put("year", year);
        }
        long total = jdbc.sql("select count(*) from governance_accountability_document" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Document> items = jdbc.sql("select * from governance_accountability_document" + where
                        + " order by issued_on desc, created_at desc limit :limit offset :offset")
                .params(params).query(AccountabilityRepository::document).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public Optional<Document> document(UUID id) {
        return jdbc.sql("select * from governance_accountability_document where id = ?").param(id).query(AccountabilityRepository::document).optional();
    }

    private static Document document(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Document(rs.getObject("id", UUID.class), AccountabilityDocumentKind.valueOf(rs.getString("kind")), rs.getInt("year"),
                rs.getInt("seq"), rs.getString("number"), rs.getString("addressee"), rs.getString("subject"), rs.getString("body"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("issued_by"), ProblemRepository.instant(rs, "created_at"));
    }
}
