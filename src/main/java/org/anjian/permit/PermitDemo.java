package org.anjian.permit;

import java.util.List;
import java.util.UUID;

/** The permit module's part of the demo district; the {@code demo} module decides when it runs. */
public interface PermitDemo {

    /** Permits in every state at the hazchem enterprises among these, once: when the first of them has permits, nothing is added. */
    void load(List<UUID> demoEnterprises);
}
