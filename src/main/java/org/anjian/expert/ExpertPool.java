package org.anjian.expert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The expert pool for other modules: a seeded, reproducible selection of experts for an
 * inspection (执法+专家) and the service record they add to.
 */
public interface ExpertPool {

    /**
     * Selects {@code count} experts for each field (distinct people, fields taken in their declared
     * order), at random but reproducibly from {@code seed}: among ACTIVE experts of the field holding
     * a qualification valid today, never one employed by {@code enterpriseId} (conflict of interest),
     * those with the fewest services this year first. The answer lists the {@code count} experts of
     * each field in turn, the fields in their declared order.
     *
     * @throws org.anjian.shared.error.DomainException 409 {@code expert.selection.shortage} naming the
     *                                                 first field with fewer available experts than asked
     */
    List<ExpertSummary> select(Set<Field> fields, int count, UUID enterpriseId, String seed);

    /** As {@link #select(Set, int, UUID, String)}, never picking the experts in {@code exclude} (already on the job). */
    List<ExpertSummary> select(Set<Field> fields, int count, UUID enterpriseId, String seed, Set<UUID> exclude);

    Optional<ExpertSummary> find(UUID id);

    /** The expert whose platform account this is, if any. */
    Optional<ExpertSummary> findByUser(UUID userId);

    /**
     * Records a service; idempotent on (expert, kind, reference) when a reference is given, so a
     * re-delivered event or a repeated call records it once.
     *
     * @return the id of the service (the existing one on a repeat)
     */
    UUID recordService(UUID expertId, NewService service, String recordedBy);

    /**
     * A service to record.
     *
     * @param hours    may be null: filled in later through the service API
     * @param raterIds besides the district, who may rate the service (the inspectors who led the inspection)
     */
    record NewService(ServiceKind kind, LocalDate date, UUID enterpriseId, String reference, BigDecimal hours, String summary,
                      Set<UUID> raterIds) {
    }
}
