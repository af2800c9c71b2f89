package org.anjian.enterprise.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.internal.ImportService.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The enterprise import jobs: queued, then running with its progress, then done or failed. Each step is one
 * statement, so a page polling the job sees the progress of every committed chunk.
 */
@Repository
class ImportJobRepository {

    private final JdbcClient jdbc;

    ImportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void queued(UUID id, String fileName, String createdBy, Instant now) {
        jdbc.sql("insert into ent_import_job (id, status, file_name, created_by, created_at) values (?, 'QUEUED', ?, ?, ?)")
                .params(id, fileName, createdBy, EnterpriseRepository.ts(now)).update();
    }

    void running(UUID id, int total) {
        jdbc.sql("update ent_import_job set status = 'RUNNING', total = ? where id = ?").params(total, id).update();
    }

    void progress(UUID id, int processed, int created, int updated, int failed) {
        jdbc.sql("update ent_import_job set processed = ?, created = ?, updated = ?, failed = ? where id = ?")
                .params(processed, created, updated, failed, id).update();
    }

    /** Ends the job; an error sheet already stored stays when this end brings none. */
    void finished(UUID id, boolean failed, String messageKey, byte[] errorSheet, Instant now) {
        jdbc.sql("update ent_import_job set status = ?, message = ?, error_sheet = coalesce(?, error_sheet), finished_at = ? where id = ?")
                .params(failed ? "FAILED" : "DONE", messageKey, errorSheet, EnterpriseRepository.ts(now), id).update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select *, error_sheet is not null as has_errors from ent_import_job where id = ?").param(id)
                .query((rs, n) -> new Job(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("file_name"), rs.getInt("total"),
                        rs.getInt("processed"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("failed"), rs.getBoolean("has_errors"),
                        rs.getString("message"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("finished_at", OffsetDateTime.class) == null ? null : rs.getObject("finished_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    Optional<byte[]> errorSheet(UUID id) {
        return jdbc.sql("select error_sheet from ent_import_job where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).optional()
                .filter(b -> b != null);
    }
}
