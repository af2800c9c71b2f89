package org.anjian.risk;

import java.util.List;
import java.util.UUID;

/**
 * The control measures of an enterprise's risk points, for the modules that check them: a check
 * list built from them verifies, post by post, that what the risk assessment relies on is in place
 * (DP-2: check lists from the risk points' control measures).
 */
public interface RiskControls {

    /** Active risk points' measures, highest risk first; only those of the named post when {@code post} is given. */
    List<ControlItem> controlItems(UUID enterpriseId, String post);

    /** One measure to verify, with the risk point it controls. */
    record ControlItem(String riskPoint, RiskLevel level, String measure) {
    }
}
