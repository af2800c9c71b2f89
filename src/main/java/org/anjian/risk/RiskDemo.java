package org.anjian.risk;

import java.util.List;
import java.util.UUID;

/** The risk module's part of the demo district; the {@code demo} module decides when it runs. */
public interface RiskDemo {

    /** Risk points and posts for the first {@code anjian.risk.demo-enterprises} of these demo enterprises, once. */
    void load(List<UUID> demoEnterprises);
}
