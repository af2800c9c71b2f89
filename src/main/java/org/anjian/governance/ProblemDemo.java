package org.anjian.governance;

import java.util.List;
import java.util.UUID;

/** The 八张问题清单, 挂图作战 and accountability part of the demo district; the {@code demo} module decides when it runs. */
public interface ProblemDemo {

    /** Problems in every state (some overdue), a 举一反三 family, the year's board and a few documents; once. */
    void load(List<UUID> demoEnterprises);
}
