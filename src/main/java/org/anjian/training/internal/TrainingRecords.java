package org.anjian.training.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.anjian.training.domain.CertificateKind;
import org.anjian.training.domain.CertificateRules;

/** The rows of the training module. */
public final class TrainingRecords {

    private TrainingRecords() {
    }

    public record Training(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, UUID parkId, String sector, String kind, String video,
                           String topic, LocalDate heldOn, BigDecimal hours, int trainees, String trainer, Instant createdAt) {
    }

    public record Certificate(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, UUID parkId, String sector, CertificateKind kind,
                              String category, String holderName, String idNumberMasked, String number, String issuer, LocalDate issuedOn,
                              LocalDate validUntil, LocalDate reviewDue, LocalDate lastReviewedOn, LocalDate revokedOn, int version) {
        public String status(LocalDate on) {
            return CertificateRules.status(kind, issuedOn, validUntil, reviewDue, revokedOn != null && !on.isBefore(revokedOn), on);
        }
    }
}
