package org.anjian.penalty;

import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.inspection.InspectionScaleData.FinishedInspection;

/** The penalty module's part of the district-scale data set (benchmarks only); the {@code demo} module decides when it runs. */
public interface PenaltyScaleData {

    /**
     * Tops the cases up to {@code total}: about 60 % follow one of these finished inspections (filed days after it),
     * the rest come from reports, leads and others against these enterprises; handled by two of these inspectors.
     * Returns how many were added.
     */
    long generate(List<EnterpriseSummary> enterprises, List<FinishedInspection> inspections, List<UUID> handlers, long total);
}
