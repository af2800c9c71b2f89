package org.anjian.accident;

import org.anjian.enterprise.AccidentTally;
import java.time.Instant;
import java.util.UUID;

/**
 * An accident was recorded, or its casualties or findings were revised (补报): listeners key on
 * {@code accidentId} and act once. {@code enterpriseId} is {@code null} for an accident outside the
 * registered enterprises; {@code creditEntryProposed} says the consequence rules ask for a credit entry;
 * {@code accidentsIn3Years} is the enterprise's count after this one, for its supervision class.
 */
public record AccidentRecorded(UUID accidentId, UUID enterpriseId, String enterpriseName, String creditCode, AccidentGrade grade,
                               int deaths, int missing, AccidentSector sector, UUID townId, Instant occurredAt, String summary,
                               boolean creditEntryProposed, int accidentsIn3Years) implements AccidentTally {
}
