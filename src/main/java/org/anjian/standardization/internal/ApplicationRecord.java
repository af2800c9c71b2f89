package org.anjian.standardization.internal;

import java.time.Instant;
import java.util.UUID;
import org.anjian.standardization.domain.GradeApplication;

/** An application with the enterprise's columns the scope conditions read. */
public record ApplicationRecord(GradeApplication application, String enterpriseName, UUID townId, UUID parkId, String sector, String note,
                                Instant createdAt, int version) {
}
