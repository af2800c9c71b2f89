package org.anjian.chemical;

import java.util.List;
import java.util.UUID;

/**
 * The chemical module's second part of the demo district: key supervised processes, tank farms and
 * storage sites with their 四个系统 (some with gaps), pipelines with hazards and fuel users. Runs
 * after {@link ChemicalDemo}, whose units it reads; the {@code demo} module decides when.
 */
public interface ChemicalSupervisionDemo {

    void load(List<UUID> demoEnterprises);
}
