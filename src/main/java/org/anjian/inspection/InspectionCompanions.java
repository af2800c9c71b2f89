package org.anjian.inspection;

import java.util.List;
import java.util.UUID;

/**
 * 执法+专家 (ENF-3): who went along on an inspection besides the inspectors, e.g. the experts a
 * module assigned. Any number of beans may implement it (none is fine); the 现场检查记录 lists the
 * names they give, after the free-text companions recorded on the inspection itself.
 */
public interface InspectionCompanions {

    /** The names (with their capacity, e.g. "王工（安全专家）") of those present at the inspection. */
    List<String> companionsOf(UUID inspectionId);
}
