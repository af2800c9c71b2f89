package org.anjian.standardization;

import java.util.List;
import java.util.UUID;

/** The standardization part of the demo district; the {@code demo} module decides when it runs. */
public interface StandardizationDemo {

    /** Grades and applications for these demo enterprises, once; run before the accidents so that death accidents propose revocations. */
    void load(List<UUID> demoEnterprises);
}
