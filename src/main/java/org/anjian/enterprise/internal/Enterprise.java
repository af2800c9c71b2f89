package org.anjian.enterprise.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.ClassificationInputs;

/** An enterprise profile as stored (一企一档's first tab). */
public record Enterprise(UUID id, String creditCode, String name, String legalRepresentative, String address, String phone,
                         Double latitude, Double longitude, UUID townId, UUID parkId, Sector sector, SubSector subSector,
                         Scale scale, int employees, OperatingStatus status, Set<RiskFlag> flags,
                         String standardizationGrade, int accidentsIn3Years, int openMajorHazards, int enforcementCount,
                         int majorHazardSources, SupervisionClass supervisionClass, Integer classScore, Instant classifiedAt,
                         Instant createdAt, Instant updatedAt, Integer majorHazardSourceGrade, int keyProcesses) {

    public Enterprise {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /** A profile without the chemical module's facts (no graded source, no key process): they arrive by event. */
    public Enterprise(UUID id, String creditCode, String name, String legalRepresentative, String address, String phone,
                      Double latitude, Double longitude, UUID townId, UUID parkId, Sector sector, SubSector subSector,
                      Scale scale, int employees, OperatingStatus status, Set<RiskFlag> flags,
                      String standardizationGrade, int accidentsIn3Years, int openMajorHazards, int enforcementCount,
                      int majorHazardSources, SupervisionClass supervisionClass, Integer classScore, Instant classifiedAt,
                      Instant createdAt, Instant updatedAt) {
        this(id, creditCode, name, legalRepresentative, address, phone, latitude, longitude, townId, parkId, sector, subSector, scale,
                employees, status, flags, standardizationGrade, accidentsIn3Years, openMajorHazards, enforcementCount, majorHazardSources,
                supervisionClass, classScore, classifiedAt, createdAt, updatedAt, null, 0);
    }

    public EnterpriseSummary summary() {
        return new EnterpriseSummary(id, creditCode, name, townId, parkId, sector, subSector, scale, status, flags, supervisionClass, latitude, longitude);
    }

    public ClassificationInputs classificationInputs() {
        return new ClassificationInputs(sector, subSector, scale, flags, standardizationGrade, accidentsIn3Years, openMajorHazards,
                enforcementCount, majorHazardSources, majorHazardSourceGrade, keyProcesses);
    }

    /** Needs the three responsible persons (ENT-5): 四涉一有限一使用, mines, or a major hazard source. */
    public boolean needsResponsiblePersons() {
        return flags.stream().anyMatch(RiskFlag::isFourPlusTwo) || sector == Sector.NON_COAL_MINE || majorHazardSources > 0;
    }

    public boolean hasFlag(RiskFlag flag) {
        return flags.contains(flag);
    }
}
