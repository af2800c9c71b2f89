package org.anjian.accident;

import java.util.List;
import java.util.UUID;

/** The accident module's part of the demo district; the {@code demo} module decides when each part runs. */
public interface AccidentDemo {

    /** Three years of accidents among these demo enterprises and outside them, once. */
    void load(List<UUID> demoEnterprises);

    /** Accidents after the demo inspections and penalties, so that the violation analysis has something to find; run after those. */
    void loadAfterEnforcement();
}
