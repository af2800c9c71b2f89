package org.anjian.enterprise;

import java.util.List;
import java.util.UUID;

/** The registry's part of the demo district; the {@code demo} module decides when it runs. */
public interface EnterpriseDemo {

    /** The ids the demo gives its enterprises 1…count, in order; the first is the demo enterprise user's own. */
    List<UUID> ids(int count);

    /** Fills an empty registry with {@code count} synthetic enterprises (fixed seed) and classifies them; a registry with data is left alone. */
    void load(int count);
}
