package org.anjian.accident.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSector;
import org.anjian.accident.AccidentState;
import org.anjian.accident.AccidentType;
import org.anjian.accident.domain.Investigation;

/** An accident as stored, with its investigation. */
public record AccidentRecord(UUID id, UUID enterpriseId, String enterpriseName, String creditCode, UUID townId, UUID parkId,
                             AccidentSector sector, AccidentType type, String place, Instant occurredAt, Integer peopleInvolved,
                             int deaths, int missing, int seriousInjuries, int minorInjuries, BigDecimal directLoss, String summary,
                             String causeBehaviour, String causeCondition, String causeManagement, boolean lacksSafeConditions,
                             AccidentGrade grade, AccidentState state, Instant recordedAt, String recordedBy, Investigation investigation,
                             int version) {

    public int dead() {
        return deaths + missing;
    }
}
