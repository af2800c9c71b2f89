package org.anjian.enterprise;

import java.util.List;

/**
 * The registry's part of the district-scale data set (issue 17, benchmarks only, never the default demo);
 * the {@code demo} module decides when it runs.
 */
public interface EnterpriseScaleData {

    /**
     * Tops the registry up to {@code total} synthetic enterprises (set-based inserts, then one classification run) and
     * returns every enterprise of the registry, so that the other modules' generators hang their rows off real ones.
     */
    List<EnterpriseSummary> generate(int total);
}
