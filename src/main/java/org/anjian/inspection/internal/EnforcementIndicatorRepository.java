package org.anjian.inspection.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the enforcement indicators count: finished inspections, and penalty decisions kept one row per case ({@code inspection_penalty_tally}). */
@Repository
class EnforcementIndicatorRepository {

    /** An inspection finished in the period; online when started in the system with a finding or a document in it. */
    record FinishedInspection(UUID id, String sector, UUID enterpriseId, UUID[] team, OffsetDateTime finishedAt, boolean online) {
    }

    /** A penalty decision as tallied. */
    record TalliedDecision(String sector, UUID[] handlers, long fineYuan, OffsetDateTime decidedAt) {
    }

    private final JdbcClient jdbc;

    EnforcementIndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Upserted by case: the decision is whole in every delivery, so a second one changes nothing. */
    void upsertDecision(UUID caseId, UUID enterpriseId, String sector, UUID inspectionId, List<UUID> handlerIds, long fineYuan, Instant decidedAt) {
        jdbc.sql("""
                insert into inspection_penalty_tally (case_id, enterprise_id, sector, inspection_id, handler_ids, fine_yuan, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set enterprise_id = excluded.enterprise_id, sector = excluded.sector,
                  inspection_id = excluded.inspection_id, handler_ids = excluded.handler_ids, fine_yuan = excluded.fine_yuan,
                  decided_at = excluded.decided_at""")
                .params(caseId, enterpriseId, sector, inspectionId, handlerIds.toArray(UUID[]::new), fineYuan, InspectionRepository.utc(decidedAt))
                .update();
    }

    /** Inspections finished in [from, to). */
    List<FinishedInspection> finished(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select i.id, i.sector, i.enterprise_id, i.inspector_ids, i.finished_at,
                  (i.started_at is not null and (exists (select 1 from inspection_finding f where f.inspection_id = i.id)
                     or exists (select 1 from inspection_document d where d.inspection_id = i.id))) as online
                from inspection_inspection i where i.state = 'DONE' and i.finished_at >= ? and i.finished_at < ?""")
                .params(from, to)
                .query((rs, n) -> new FinishedInspection(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        (UUID[]) rs.getArray(4).getArray(), rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6)))
                .list();
    }

    /** Penalty decisions made in [from, to). */
    List<TalliedDecision> decisions(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select sector, handler_ids, fine_yuan, decided_at from inspection_penalty_tally where decided_at >= ? and decided_at < ?")
                .params(from, to)
                .query((rs, n) -> new TalliedDecision(rs.getString(1), (UUID[]) rs.getArray(2).getArray(), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /** The sectors with an inspection finished in [from, to). */
    List<String> inspectedSectors(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select distinct sector from inspection_inspection where state = 'DONE' and finished_at >= ? and finished_at < ?""")
                .params(from, to).query(String.class).list();
    }
}
