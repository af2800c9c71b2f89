package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.inspection.DocumentKind;
import org.anjian.inspection.EnforcementDocumentIssuer.IssuedDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued enforcement documents ({@code inspection_document}, never changed but for a correction's reason) and on-site measures ({@code inspection_measure}). */
@Repository
class DocumentRepository {

    /** A stored PDF with what decides who may read it. */
    record StoredPdf(String number, UUID inspectionId, UUID enterpriseId, byte[] pdf) {
    }

    /** The 现场处理措施 decided with a document. */
    record Measures(List<String> measures, List<UUID> findingIds, String basis, LocalDate until) {
    }

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IssuedDocument d, DocumentNumbers.Number number, byte[] pdf) {
        jdbc.sql("""
                insert into inspection_document (id, kind, number, year, seq, inspection_id, enterprise_id, case_id, corrects_id, issued_by, issued_at, pdf, sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.kind().name(), number.text(), number.year(), number.seq(), d.inspectionId(), d.enterpriseId(), d.caseId(),
                        d.correctsId(), d.issuedBy(), InspectionRepository.utc(d.issuedAt()), pdf, d.sha256()).update();
    }

    Optional<IssuedDocument> find(UUID id) {
        return jdbc.sql("select * from inspection_document where id = ?").param(id).query((rs, n) -> issued(rs)).optional();
    }

    List<IssuedDocument> ofCase(UUID caseId) {
        return jdbc.sql("select * from inspection_document where case_id = ? order by issued_at, seq").param(caseId).query((rs, n) -> issued(rs)).list();
    }

    Optional<StoredPdf> pdf(UUID id) {
        return jdbc.sql("select number, inspection_id, enterprise_id, pdf from inspection_document where id = ?").param(id)
                .query((rs, n) -> new StoredPdf(rs.getString("number"), rs.getObject("inspection_id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        rs.getBytes("pdf"))).optional();
    }

    byte[] pdfOf(UUID documentId) {
        return jdbc.sql("select pdf from inspection_document where id = ?").param(documentId).query(byte[].class).single();
    }

    /** The documents issued for an inspection, in the order they were issued, each with the number of the one it corrects. */
    List<OnSiteDocuments.Doc> ofInspection(UUID inspectionId) {
        return jdbc.sql("""
                select d.id, d.kind, d.number, d.issued_by, d.issued_at, d.sha256, d.corrects_id, c.number as corrects_number, d.correction_reason
                from inspection_document d left join inspection_document c on c.id = d.corrects_id
                where d.inspection_id = ? order by d.issued_at, d.seq""").param(inspectionId)
                .query((rs, n) -> new OnSiteDocuments.Doc(rs.getObject("id", UUID.class), DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"),
                        rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("sha256"),
                        rs.getObject("corrects_id", UUID.class), rs.getString("corrects_number"), rs.getString("correction_reason"))).list();
    }

    /** The first document of a chain of corrections: orders and measures are kept against it. */
    UUID rootOf(UUID id) {
        UUID at = id;
        for (int k = 0; k < 100; k++) {
            UUID up = jdbc.sql("select corrects_id from inspection_document where id = ?").param(at).query(UUID.class).optional().orElse(null);
            if (up == null) {
                return at;
            }
            at = up;
        }
        return at;
    }

    void noteCorrectionReason(UUID documentId, String reason) {
        jdbc.sql("update inspection_document set correction_reason = ? where id = ?").params(reason, documentId).update();
    }

    void insertMeasures(UUID documentId, UUID inspectionId, Measures m) {
        jdbc.sql("insert into inspection_measure (document_id, inspection_id, measures, finding_ids, basis, until_on) values (?, ?, ?, ?, ?, ?)")
                .params(documentId, inspectionId, m.measures().toArray(String[]::new), m.findingIds().toArray(UUID[]::new), m.basis(), m.until())
                .update();
    }

    Measures measures(UUID documentId) {
        return jdbc.sql("select measures, finding_ids, basis, until_on from inspection_measure where document_id = ?").param(documentId)
                .query((rs, n) -> new Measures(Arrays.asList((String[]) rs.getArray("measures").getArray()),
                        Arrays.asList((UUID[]) rs.getArray("finding_ids").getArray()), rs.getString("basis"), rs.getObject("until_on", LocalDate.class)))
                .single();
    }

    private static IssuedDocument issued(ResultSet rs) throws SQLException {
        return new IssuedDocument(rs.getObject("id", UUID.class), DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"),
                rs.getObject("enterprise_id", UUID.class), rs.getObject("inspection_id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("corrects_id", UUID.class), rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getString("sha256"));
    }
}
