package org.anjian.chemical;

import java.util.List;
import java.util.UUID;

/** The chemical module's part of the demo district; the {@code demo} module decides when it runs. */
public interface ChemicalDemo {

    /**
     * Units with inventories for up to 150 of these enterprises that are in the hazchem sector, once
     * per enterprise; their major hazard sources come out graded by GB 18218-2018 as any other.
     */
    void load(List<UUID> demoEnterprises);
}
