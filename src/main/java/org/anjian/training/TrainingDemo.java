package org.anjian.training;

import java.util.List;
import java.util.UUID;

/** The training part of the demo district; the {@code demo} module decides when it runs. */
public interface TrainingDemo {

    void load(List<UUID> demoEnterprises);
}
