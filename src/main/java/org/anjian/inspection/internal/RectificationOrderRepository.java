package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.domain.OrderState;
import org.anjian.inspection.domain.RectificationOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rectification orders ({@code inspection_order}), each kept against the document that issued it. */
@Repository
class RectificationOrderRepository {

    private static final String VIEW = "select o.*, d.number from inspection_order o join inspection_document d on d.id = o.document_id";
    private final JdbcClient jdbc;

    RectificationOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A decided reinspection of an order, for the archive's timeline. */
    record Reinspection(UUID documentId, String number, String state, String decidedBy, java.time.Instant decidedAt, String opinion) {
    }

    /** The inspection's orders that were reinspected, with their document number. */
    List<Reinspection> reinspections(UUID inspectionId) {
        return jdbc.sql("""
                select o.document_id, d.number, o.state, o.decided_by, o.decided_at, o.opinion from inspection_order o
                join inspection_document d on d.id = o.document_id where o.inspection_id = ? and o.decided_at is not null""").param(inspectionId)
                .query((rs, n) -> new Reinspection(rs.getObject("document_id", UUID.class), rs.getString("number"), rs.getString("state"),
                        rs.getString("decided_by"), rs.getObject("decided_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("opinion")))
                .list();
    }

    void insert(RectificationOrder o) {
        jdbc.sql("""
                insert into inspection_order (document_id, inspection_id, enterprise_id, deadline, reinspect_by, state)
                values (?, ?, ?, ?, ?, ?)""").params(o.documentId(), o.inspectionId(), o.enterpriseId(), o.deadline(), o.reinspectBy(), o.state().name())
                .update();
    }

    /** The order with what an escalation hands on: its inspection's team and the kinds of the inspection's findings. */
    Optional<RectificationOrder> load(UUID id) {
        return jdbc.sql("""
                select o.*, d.number, i.inspector_ids,
                  array(select distinct f.category from inspection_finding f where f.inspection_id = o.inspection_id and f.category is not null) as categories
                from inspection_order o join inspection_document d on d.id = o.document_id join inspection_inspection i on i.id = o.inspection_id
                where o.document_id = ?""").param(id).query((rs, n) -> {
                    Set<ViolationCategory> categories = EnumSet.noneOf(ViolationCategory.class);
                    for (String c : (String[]) rs.getArray("categories").getArray()) {
                        categories.add(ViolationCategory.valueOf(c));
                    }
                    return new RectificationOrder(id, rs.getString("number"), rs.getObject("inspection_id", UUID.class),
                            rs.getObject("enterprise_id", UUID.class), rs.getObject("deadline", LocalDate.class), rs.getObject("reinspect_by", LocalDate.class),
                            OrderState.valueOf(rs.getString("state")), rs.getObject("reinspection_doc_id", UUID.class), rs.getString("opinion"),
                            Arrays.asList((UUID[]) rs.getArray("inspector_ids").getArray()), categories);
                }).optional();
    }

    void save(RectificationOrder o) {
        jdbc.sql("update inspection_order set state = ?, reinspection_doc_id = ?, opinion = ?, decided_by = ?, decided_at = ? where document_id = ?")
                .params(o.state().name(), o.reinspectionDocumentId(), o.opinion(), o.decidedBy(), InspectionRepository.utc(o.decidedAt()), o.documentId())
                .update();
    }

    Optional<EnforcementDocuments.Order> find(UUID id, LocalDate today) {
        return jdbc.sql(VIEW + " where o.document_id = ?").param(id).query((rs, n) -> view(rs, today)).optional();
    }

    List<EnforcementDocuments.Order> ofInspection(UUID inspectionId, LocalDate today) {
        return jdbc.sql(VIEW + " where o.inspection_id = ? order by d.seq").param(inspectionId).query((rs, n) -> view(rs, today)).list();
    }

    /** Open orders whose re-inspection date has passed. */
    List<EnforcementDocuments.Order> overdue(LocalDate today) {
        return jdbc.sql(VIEW + " where o.state = 'OPEN' and o.reinspect_by < ? order by o.reinspect_by").param(today).query((rs, n) -> view(rs, today))
                .list();
    }

    /** The order a 整改复查意见书 was issued for. */
    Optional<EnforcementDocuments.Order> reinspectedBy(UUID reinspectionDocumentId, LocalDate today) {
        return jdbc.sql(VIEW + " where o.reinspection_doc_id = ?").param(reinspectionDocumentId).query((rs, n) -> view(rs, today)).optional();
    }

    private static EnforcementDocuments.Order view(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate reinspectBy = rs.getObject("reinspect_by", LocalDate.class);
        String state = rs.getString("state");
        return new EnforcementDocuments.Order(rs.getObject("document_id", UUID.class), rs.getString("number"), rs.getObject("inspection_id", UUID.class),
                rs.getObject("enterprise_id", UUID.class), rs.getObject("deadline", LocalDate.class), reinspectBy, state,
                rs.getObject("reinspection_doc_id", UUID.class), rs.getString("opinion"),
                RectificationOrder.isLate(OrderState.valueOf(state), reinspectBy, today));
    }
}
