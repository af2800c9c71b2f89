package org.anjian.trusteeship.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.trusteeship.domain.TrusteeshipRules;

/** The rows of the trusteeship module. */
public final class TrusteeshipRecords {

    private TrusteeshipRecords() {
    }

    public record Agency(UUID id, String name, String creditCode, String qualification, String qualificationNo, LocalDate qualificationValidUntil,
                         String contact, String phone, String address, Instant createdAt, int version) {
    }

    public record Contract(UUID id, UUID agencyId, String agencyName, UUID enterpriseId, String enterpriseName, UUID townId, UUID parkId, String sector,
                           String contractNo, LocalDate startOn, LocalDate endOn, String serviceScope, BigDecimal priceYuan, boolean governmentPurchased,
                           int visitsPerMonth, LocalDate terminatedOn, String terminationReason, Instant createdAt, int version) {
        public boolean inForce(LocalDate day) {
            return TrusteeshipRules.inForce(startOn, endOn, terminatedOn, day);
        }

        /** 生效中 / 未开始 / 已到期 / 已终止 on this day. */
        public String status(LocalDate day) {
            if (terminatedOn != null && !day.isBefore(terminatedOn)) {
                return "TERMINATED";
            }
            return day.isBefore(startOn) ? "PENDING" : day.isAfter(endOn) ? "ENDED" : "ACTIVE";
        }
    }

    public record Finding(UUID id, UUID hazardId, String place, String description, String grade, LocalDate deadline) {
    }

    public record Visit(UUID id, UUID contractId, UUID agencyId, UUID enterpriseId, LocalDate visitedOn, String visitorName, String content,
                        List<Finding> findings, Instant createdAt) {
    }

    public record Report(UUID id, UUID contractId, UUID agencyId, UUID enterpriseId, LocalDate month, int visits, int findings, String summary,
                         Instant createdAt) {
    }

    public record Evaluation(UUID id, UUID agencyId, int year, int score, String rating, String evaluator, String note, Instant createdAt) {
    }
}
