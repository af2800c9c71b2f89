package org.anjian.hazard;

import java.util.List;
import org.anjian.enterprise.EnterpriseSummary;

/** The hazard module's part of the district-scale data set (benchmarks only); the {@code demo} module decides when it runs. */
public interface HazardScaleData {

    /**
     * Tops the register up to {@code total} hazards of these enterprises over the last three years, each with the
     * steps of its way round the loop (report, plan, start, complete, verify, close); returns how many were added.
     */
    long generate(List<EnterpriseSummary> enterprises, long total);
}
