package org.anjian.inspection;

import java.util.List;
import java.util.UUID;

/** The inspection module's part of the demo district; the {@code demo} module decides when it runs. */
public interface InspectionDemo {

    /**
     * Once: a published random draw and three planned inspections (one worked on site, a mine exam), experts
     * selected for two of them, this year's published plan with the inspections done against it and four
     * leads, and two earlier years of finished inspections with categorised findings — all about these
     * demo enterprises (the first three get the planned inspections).
     */
    void load(List<UUID> enterpriseIds);
}
