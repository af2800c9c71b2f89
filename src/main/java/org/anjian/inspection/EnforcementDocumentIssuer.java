package org.anjian.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.anjian.shared.security.AnjianUser;

/**
 * Issues numbered enforcement documents for any module (ENF-4): the number is taken from the
 * per-year, per-kind counter in the caller's transaction, the renderer gets the number and the
 * issue date and returns the PDF, and the document is stored with its SHA-256, audited and never
 * changed again. A correction is a new document whose {@code correctsId} names the old one.
 * The penalty module issues its 行政处罚告知书 and 行政处罚决定书 through this.
 */
public interface EnforcementDocumentIssuer {

    /**
     * What the document is about: the enterprise always; the inspection and/or penalty case when
     * there is one; the document it corrects, if it is a correction.
     */
    record DocumentRequest(DocumentKind kind, UUID enterpriseId, UUID inspectionId, UUID caseId, UUID correctsId) {
    }

    record IssuedDocument(UUID id, DocumentKind kind, String number, UUID enterpriseId, UUID inspectionId, UUID caseId, UUID correctsId,
                          String issuedBy, Instant issuedAt, String sha256) {
    }

    /** Issues the document; {@code renderer} is called once with (number, issue date). */
    IssuedDocument issue(AnjianUser user, DocumentRequest request, BiFunction<String, LocalDate, byte[]> renderer);

    Optional<IssuedDocument> find(UUID id);

    /** The documents issued for a penalty case, in the order they were issued. */
    List<IssuedDocument> ofCase(UUID caseId);

    /** The authority that issues documents, e.g. 江津区应急管理局, for the heading and the seal line. */
    String authority();
}
