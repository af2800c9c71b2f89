package org.anjian.expert;

import java.util.List;
import java.util.UUID;

/** The expert module's part of the demo district; the {@code demo} module decides when it runs. */
public interface ExpertDemo {

    /** Thirty experts with services and ratings, once; two of them work for the second and third of these demo enterprises. */
    void load(List<UUID> demoEnterprises);
}
