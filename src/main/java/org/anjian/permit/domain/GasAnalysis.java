package org.anjian.permit.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A gas analysis on a permit (GB 30871-2022 5.3, 6.3–6.5): when and where the sample was taken, who
 * analysed it, the readings, and whether they passed the limits of {@link GasAnalysisRules}.
 */
public record GasAnalysis(UUID id, Instant sampledAt, String place, String analyst, List<GasReading> readings, boolean passed) {

    public GasAnalysis {
        readings = List.copyOf(readings);
    }
}
