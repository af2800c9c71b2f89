package org.anjian.inspection.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.expert.Field;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Experts selected for inspections ({@code inspection_expert}) and the few facts of the inspection the selection needs. */
@Repository
class InspectionExpertRepository {

    /** What the selection needs to know of the inspection. */
    record InspectionRef(UUID id, UUID enterpriseId, List<UUID> inspectorIds, LocalDate plannedOn, String state) {
    }

    /** One selection row. */
    record Selection(UUID expertId, Field field, Instant selectedAt, String selectedBy, String seed) {
    }

    private final JdbcClient jdbc;

    InspectionExpertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InspectionRef> inspection(UUID id) {
        return jdbc.sql("select id, enterprise_id, inspector_ids, planned_on, state from inspection_inspection where id = ?").param(id)
                .query((rs, n) -> new InspectionRef(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        Arrays.asList((UUID[]) rs.getArray("inspector_ids").getArray()), rs.getObject("planned_on", LocalDate.class),
                        rs.getString("state")))
                .optional();
    }

    List<UUID> expertIds(UUID inspectionId) {
        return jdbc.sql("select expert_id from inspection_expert where inspection_id = ?").param(inspectionId).query(UUID.class).list();
    }

    void insert(UUID inspectionId, Selection s) {
        jdbc.sql("""
                insert into inspection_expert (inspection_id, expert_id, field, selected_at, selected_by, seed) values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(inspectionId, s.expertId(), s.field().name(), InspectionRepository.utc(s.selectedAt()), s.selectedBy(), s.seed()).update();
    }

    boolean isSelected(UUID inspectionId, UUID expertId) {
        return jdbc.sql("select count(*) from inspection_expert where inspection_id = ? and expert_id = ?")
                .params(inspectionId, expertId).query(Long.class).single() > 0;
    }

    /** The inspections an expert was selected for, newest plans first. */
    List<UUID> inspectionsOf(UUID expertId) {
        return jdbc.sql("""
                select x.inspection_id from inspection_expert x join inspection_inspection i on i.id = x.inspection_id
                where x.expert_id = ? order by i.planned_on desc""").param(expertId).query(UUID.class).list();
    }

    List<Selection> selections(UUID inspectionId) {
        return jdbc.sql("select * from inspection_expert where inspection_id = ? order by selected_at, field, expert_id").param(inspectionId)
                .query((rs, n) -> new Selection(rs.getObject("expert_id", UUID.class), Field.valueOf(rs.getString("field")),
                        rs.getObject("selected_at", OffsetDateTime.class).toInstant(), rs.getString("selected_by"), rs.getString("seed")))
                .list();
    }
}
