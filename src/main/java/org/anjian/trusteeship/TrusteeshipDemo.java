package org.anjian.trusteeship;

import java.util.List;
import java.util.UUID;

/** The trusteeship part of the demo district; the {@code demo} module decides when it runs. */
public interface TrusteeshipDemo {

    /** Agencies (the first with the demo agency user's id), contracts with small demo enterprises, visits, reports, evaluations; once. */
    void load(List<UUID> demoEnterprises, UUID demoAgencyId);
}
