package org.anjian.hazard;

import java.util.List;
import java.util.UUID;

/** The hazard module's part of the demo district; the {@code demo} module decides when it runs. */
public interface HazardDemo {

    /** Hazards and check lists for these demo enterprises (the first is the showcase), once: a table with hazards is left alone. */
    void load(List<UUID> demoEnterprises);
}
