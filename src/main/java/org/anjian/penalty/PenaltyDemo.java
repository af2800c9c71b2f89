package org.anjian.penalty;

import java.util.List;
import java.util.UUID;

/** The penalty module's part of the demo district; the {@code demo} module decides when it runs, after the inspection demo. */
public interface PenaltyDemo {

    /**
     * Once: eleven cases across the life cycle (against the 21st to 30th demo enterprises and the first, the demo
     * enterprise user's own), then closed cases of earlier years for what earlier inspections found.
     */
    void load(List<UUID> enterpriseIds);
}
