package org.anjian.governance.internal;

import java.time.Instant;
import java.util.UUID;
import org.anjian.governance.domain.Problem;

/** A problem with what the lists and pages show beside its loop. */
public record ProblemRecord(Problem problem, String listCode, String listName, String title, String description, String ownerName,
                            UUID enterpriseId, UUID townId, UUID parkId, String sector, UUID departmentId, UUID originProblemId,
                            UUID supervisionVisitId, String registeredByName, Instant registeredAt, Instant escalatedAt, int version) {

    public UUID id() {
        return problem.id();
    }
}
