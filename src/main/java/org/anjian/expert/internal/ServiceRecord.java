package org.anjian.expert.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.expert.ServiceKind;

/** One entry of an expert's service record (专家履职记录) with its rating once given. */
public record ServiceRecord(UUID id, UUID expertId, ServiceKind kind, LocalDate date, UUID enterpriseId, String reference, BigDecimal hours,
                            String summary, List<UUID> raterIds, String recordedBy, Instant recordedAt, Rating rating) {

    /** 1–5 stars on each dimension and a comment. */
    public record Rating(int quality, int professionalism, int timeliness, String comment, String ratedBy, Instant ratedAt) {

        public double mean() {
            return (quality + professionalism + timeliness) / 3.0;
        }
    }
}
