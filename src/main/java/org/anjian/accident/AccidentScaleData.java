package org.anjian.accident;

import java.util.List;
import org.anjian.enterprise.EnterpriseSummary;

/** The accident module's part of the district-scale data set (benchmarks only); the {@code demo} module decides when it runs. */
public interface AccidentScaleData {

    /**
     * Tops the accidents up to {@code total} over the last three years among these enterprises, graded by the
     * casualties (mostly 一般, a few 较大), each with its enterprise and district reports; returns how many were added.
     */
    long generate(List<EnterpriseSummary> enterprises, long total);
}
