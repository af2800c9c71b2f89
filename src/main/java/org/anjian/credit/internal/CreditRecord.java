package org.anjian.credit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.anjian.credit.domain.CreditTerm;

/** A credit entry as stored; {@code displayStatus} shows EXPIRED for an entry in force past its term. */
public record CreditRecord(UUID id, String subjectType, String subjectName, String creditCode, UUID enterpriseId, String kind, String cause,
                           String causeDetail, String sourceRef, String authority, LocalDate decisionDate, Integer termMonths,
                           LocalDate expiresOn, String status, Instant publishedAt, LocalDate repairOn, String repairNote,
                           LocalDate removedOn, String removalReason, Instant createdAt, int version) {

    public String displayStatus(LocalDate today) {
        return status.equals("IN_FORCE") && CreditTerm.expired(expiresOn, today) ? "EXPIRED" : status;
    }

    public boolean published() {
        return publishedAt != null;
    }
}
