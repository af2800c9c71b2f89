package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;

/** The inspection module's part of the district-scale data set (benchmarks only); the {@code demo} module decides when it runs. */
public interface InspectionScaleData {

    /** A finished inspection with findings, which a penalty case may follow. */
    record FinishedInspection(UUID id, UUID enterpriseId, LocalDate on) {
    }

    /**
     * Tops the inspections up to {@code total} over the last three years (and the next month's planned ones) of these
     * enterprises by these inspectors (two per inspection), with findings on about 40 % of the finished ones;
     * returns up to {@code sample} finished inspections with findings, for the penalty cases that follow them.
     */
    List<FinishedInspection> generate(List<EnterpriseSummary> enterprises, List<UUID> inspectors, long total, int sample);
}
