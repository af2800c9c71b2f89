package org.anjian.risk;

import java.util.List;
import org.anjian.enterprise.EnterpriseSummary;

/** The risk module's part of the district-scale data set (benchmarks only), so that the four-colour map has a district to show. */
public interface RiskScaleData {

    /**
     * Tops the live risk points up to {@code total}, spread over these enterprises, each assessed by the LS matrix in
     * force (the level computed from likelihood × severity, never typed in); returns how many were added.
     */
    long generate(List<EnterpriseSummary> enterprises, long total);
}
