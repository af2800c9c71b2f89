package org.anjian.publicreport.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.publicreport.domain.PublicReport;
import org.anjian.publicreport.domain.PublicReport.AssigneeKind;
import org.anjian.publicreport.domain.ReportCategory;
import org.anjian.publicreport.domain.ReportState;
import org.anjian.publicreport.domain.Reward;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports, their photos and rewards; the reporter's identity only ever as SM4 bytes. */
@Repository
public class PublicReportRepository {

    /** A stored report with its version and encrypted identity. */
    public record Stored(PublicReport.Snapshot report, int version, byte[] name, byte[] phone, byte[] idNumber) {
    }

    /** A photo of a report. */
    public record Photo(UUID id, UUID reportId, String contentType, String fileName, byte[] data) {
    }

    /** A paid reward as the public page lists it: no reporter, no report text. */
    public record PaidReward(LocalDate paidOn, String category, long amountYuan) {
    }

    private final JdbcClient jdbc;

    PublicReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PublicReport.Snapshot r, byte[] name, byte[] phone, byte[] idNumber) {
        jdbc.sql("""
                insert into publicreport_report (id, query_code, state, category, description, location, enterprise_id, enterprise_name,
                  anonymous, reporter_name, reporter_phone, reporter_id_number, received_at, received_on, accept_due_on)
                values (:id, :code, :state, :category, :description, :location, :enterpriseId, :enterpriseName, :anonymous, :name, :phone,
                  :idNumber, :receivedAt, :receivedOn, :acceptDueOn)""")
                .param("id", r.id()).param("code", r.queryCode()).param("state", r.state().name()).param("category", r.category().name())
                .param("description", r.description()).param("location", r.location()).param("enterpriseId", r.enterpriseId())
                .param("enterpriseName", r.enterpriseName()).param("anonymous", r.anonymous()).param("name", name).param("phone", phone)
                .param("idNumber", idNumber).param("receivedAt", OffsetDateTime.ofInstant(r.receivedAt(), java.time.ZoneOffset.UTC))
                .param("receivedOn", r.receivedOn()).param("acceptDueOn", r.acceptDueOn())
                .update();
    }

    void update(PublicReport.Snapshot r, int version) {
        int n = jdbc.sql("""
                update publicreport_report set state = :state, accepted_on = :acceptedOn, reject_reason = :rejectReason,
                  assignee_kind = :assigneeKind, assignee_id = :assigneeId, verify_due_on = :verifyDueOn, extended = :extended,
                  extension_reason = :extensionReason, substantiated = :substantiated, result = :result, fine_yuan = :fineYuan,
                  feedback = :feedback, feedback_on = :feedbackOn, closed_on = :closedOn, escalated_on = :escalatedOn, lead_id = :leadId,
                  version = version + 1
                where id = :id and version = :version""")
                .param("state", r.state().name()).param("acceptedOn", r.acceptedOn()).param("rejectReason", r.rejectReason())
                .param("assigneeKind", r.assigneeKind() == null ? null : r.assigneeKind().name()).param("assigneeId", r.assigneeId())
                .param("verifyDueOn", r.verifyDueOn()).param("extended", r.extended()).param("extensionReason", r.extensionReason())
                .param("substantiated", r.substantiated()).param("result", r.result()).param("fineYuan", r.fineYuan())
                .param("feedback", r.feedback()).param("feedbackOn", r.feedbackOn()).param("closedOn", r.closedOn())
                .param("escalatedOn", r.escalatedOn()).param("leadId", r.leadId()).param("id", r.id()).param("version", version)
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("public report " + r.id() + " changed meanwhile");
        }
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from publicreport_report where id = ?").param(id).query(PublicReportRepository::map).optional();
    }

    Optional<Stored> findByLead(UUID leadId) {
        return jdbc.sql("select * from publicreport_report where lead_id = ?").param(leadId).query(PublicReportRepository::map).optional();
    }

    Optional<Stored> findByCode(String code) {
        return jdbc.sql("select * from publicreport_report where query_code = ?").param(code).query(PublicReportRepository::map).optional();
    }

    boolean codeExists(String code) {
        return jdbc.sql("select count(*) from publicreport_report where query_code = ?").param(code).query(Long.class).single() > 0;
    }

    /**
     * Reports in a scope: everything for the district ({@code assignees} null), else those assigned to
     * a unit of the given kind among the given ids.
     */
    PageResult<Stored> search(AssigneeKind kind, List<UUID> assignees, ReportState state, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (assignees != null) {
            if (assignees.isEmpty()) {
                return new PageResult<>(List.of(), 0, page.page(), page.size());
            }
            where.append(" and assignee_kind = :kind and assignee_id in (:assignees)");
            params.put("kind", kind.name());
            params.put("assignees", assignees);
        }
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state.name());
        }
        long total = jdbc.sql("select count(*) from publicreport_report" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Stored> items = jdbc.sql("select * from publicreport_report" + where + " order by received_at desc limit :limit offset :offset")
                .params(params).query(PublicReportRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Reports whose time limit may be running (for the escalation job). */
    long escalatedRunning() {
        return jdbc.sql("select count(*) from publicreport_report where state in ('RECEIVED','ACCEPTED','ASSIGNED','VERIFYING')"
                + " and escalated_on is not null").query(Long.class).single();
    }

    List<Stored> running() {
        return jdbc.sql("select * from publicreport_report where state in ('RECEIVED','ACCEPTED','ASSIGNED','VERIFYING') and escalated_on is null")
                .query(PublicReportRepository::map).list();
    }

    void insertPhoto(Photo p) {
        jdbc.sql("insert into publicreport_photo (id, report_id, content_type, file_name, data) values (?, ?, ?, ?, ?)")
                .params(p.id(), p.reportId(), p.contentType(), p.fileName(), p.data()).update();
    }

    List<Photo> photos(UUID reportId) {
        return jdbc.sql("select id, report_id, content_type, file_name, null::bytea as data from publicreport_photo where report_id = ? order by file_name")
                .param(reportId)
                .query((rs, i) -> new Photo(rs.getObject("id", UUID.class), reportId, rs.getString("content_type"), rs.getString("file_name"), null))
                .list();
    }

    Optional<Photo> photo(UUID reportId, UUID photoId) {
        return jdbc.sql("select * from publicreport_photo where report_id = ? and id = ?").params(reportId, photoId)
                .query((rs, i) -> new Photo(rs.getObject("id", UUID.class), reportId, rs.getString("content_type"), rs.getString("file_name"),
                        rs.getBytes("data")))
                .optional();
    }

    void saveReward(Reward.Snapshot r, boolean isNew) {
        if (isNew) {
            jdbc.sql("""
                    insert into publicreport_reward (id, report_id, state, amount_yuan, basis, decided_on)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), r.reportId(), r.state().name(), r.amountYuan(), r.basis(), r.decidedOn()).update();
        } else {
            jdbc.sql("update publicreport_reward set state = ?, approved_on = ?, paid_on = ?, payment_ref = ? where id = ?")
                    .params(r.state().name(), r.approvedOn(), r.paidOn(), r.paymentRef(), r.id()).update();
        }
    }

    Optional<Reward.Snapshot> rewardOf(UUID reportId) {
        return jdbc.sql("select * from publicreport_reward where report_id = ?").param(reportId)
                .query((rs, i) -> new Reward.Snapshot(rs.getObject("id", UUID.class), reportId, Reward.State.valueOf(rs.getString("state")),
                        rs.getLong("amount_yuan"), rs.getString("basis"), rs.getObject("decided_on", LocalDate.class),
                        rs.getObject("approved_on", LocalDate.class), rs.getObject("paid_on", LocalDate.class), rs.getString("payment_ref")))
                .optional();
    }

    List<PaidReward> paidRewards(int limit) {
        return jdbc.sql("""
                select w.paid_on, r.category, w.amount_yuan from publicreport_reward w join publicreport_report r on r.id = w.report_id
                where w.state = 'PAID' order by w.paid_on desc limit ?""")
                .param(limit)
                .query((rs, i) -> new PaidReward(rs.getObject("paid_on", LocalDate.class), rs.getString("category"), rs.getLong("amount_yuan")))
                .list();
    }

    private static Stored map(ResultSet rs, int i) throws SQLException {
        String kind = rs.getString("assignee_kind");
        PublicReport.Snapshot s = new PublicReport.Snapshot(rs.getObject("id", UUID.class), rs.getString("query_code"),
                ReportState.valueOf(rs.getString("state")), ReportCategory.valueOf(rs.getString("category")), rs.getString("description"),
                rs.getString("location"), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getBoolean("anonymous"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getObject("received_on", LocalDate.class),
                rs.getObject("accept_due_on", LocalDate.class), rs.getObject("accepted_on", LocalDate.class), rs.getString("reject_reason"),
                kind == null ? null : AssigneeKind.valueOf(kind), rs.getObject("assignee_id", UUID.class),
                rs.getObject("verify_due_on", LocalDate.class), rs.getBoolean("extended"), rs.getString("extension_reason"),
                (Boolean) rs.getObject("substantiated"), rs.getString("result"), (Long) rs.getObject("fine_yuan"), rs.getString("feedback"),
                rs.getObject("feedback_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getObject("escalated_on", LocalDate.class), rs.getObject("lead_id", UUID.class));
        return new Stored(s, rs.getInt("version"), rs.getBytes("reporter_name"), rs.getBytes("reporter_phone"), rs.getBytes("reporter_id_number"));
    }
}
