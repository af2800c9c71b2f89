package org.anjian.enterprise.domain;

import java.util.Set;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;

/**
 * Everything the supervision-class rule set looks at. The last five come from other modules
 * (standardization, accidents, hazards, penalties, major hazard sources) and are kept here as
 * counts so that reclassification needs no call across modules.
 *
 * @param standardizationGrade          {@code LEVEL_1}, {@code LEVEL_2}, {@code LEVEL_3} or null for none
 * @param highestMajorHazardSourceGrade the highest GB 18218-2018 grade of its major hazard sources (1 = 一级), null for none
 * @param keyProcesses                  how many key supervised processes (重点监管危险化工工艺) it runs
 */
public record ClassificationInputs(Sector sector, SubSector subSector, Scale scale, Set<RiskFlag> flags,
                                   String standardizationGrade, int accidentsIn3Years, int openMajorHazards,
                                   int enforcementCount, int majorHazardSources, Integer highestMajorHazardSourceGrade,
                                   int keyProcesses) {

    public ClassificationInputs {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /** The inputs without the chemical facts: no graded source, no key process. */
    public ClassificationInputs(Sector sector, SubSector subSector, Scale scale, Set<RiskFlag> flags, String standardizationGrade,
                                int accidentsIn3Years, int openMajorHazards, int enforcementCount, int majorHazardSources) {
        this(sector, subSector, scale, flags, standardizationGrade, accidentsIn3Years, openMajorHazards, enforcementCount,
                majorHazardSources, null, 0);
    }
}
