package org.anjian.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskPointKind;
import org.anjian.risk.domain.Assessment;
import org.anjian.risk.domain.ControlMeasure;

/** A risk point as stored, with the enterprise's name, region and sector copied for scope filters. */
public record RiskPointRecord(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, UUID parkId, String sector,
                              String unitName, String name, RiskPointKind kind, UUID postId, List<String> hazardousFactors,
                              List<String> possibleAccidents, Assessment assessment, List<ControlMeasure> controlMeasures,
                              ResponsibleLevel responsibleLevel, String responsiblePerson, String responsiblePhone, boolean retired,
                              Instant updatedAt, int version) {
}
