package org.anjian.inspection.internal;

import org.anjian.inspection.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-year, per-kind document counter ({@code inspection_document_counter}). */
@Repository
class DocumentNumberRepository {

    private final JdbcClient jdbc;

    DocumentNumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Increments the counter in the caller's transaction and returns the new sequence number. */
    int nextSeq(DocumentKind kind, int year) {
        return jdbc.sql("""
                insert into inspection_document_counter (year, kind, last_seq) values (?, ?, 1)
                on conflict (year, kind) do update set last_seq = inspection_document_counter.last_seq + 1
                returning last_seq""").params(year, kind.name()).query(Integer.class).single();
    }
}
