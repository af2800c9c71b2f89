package org.anjian.inspection;

import java.util.List;
import java.util.UUID;

/**
 * A re-inspection found a rectification order not carried out (ENF-6): the loop goes on to a
 * penalty case. The penalty module files a case from it, once per order, citing the categories of
 * the order's findings (empty when none was recorded).
 */
public record RectificationOrderEscalated(UUID orderId, String orderNumber, UUID inspectionId, UUID enterpriseId, List<UUID> inspectorIds,
                                          String opinion, java.util.Set<ViolationCategory> categories) {

    public RectificationOrderEscalated {
        categories = categories == null ? java.util.Set.of() : java.util.Set.copyOf(categories);
    }
}
