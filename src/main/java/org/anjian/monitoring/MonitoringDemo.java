package org.anjian.monitoring;

import java.util.List;
import java.util.UUID;

/** The monitoring module's part of the demo district; the {@code demo} module decides when it runs. */
public interface MonitoringDemo {

    /** Sensors on the major hazard sources of these enterprises, a day of readings and a few alarms in each state. */
    void load(List<UUID> demoEnterprises);
}
