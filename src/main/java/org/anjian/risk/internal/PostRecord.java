package org.anjian.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post (岗位) and the data of its 两单两卡: the duty list (岗位职责清单), the operation card
 * (岗位操作卡: steps and prohibitions) and the emergency card (应急处置卡: measures and contacts).
 * The fourth, the post risk list (岗位风险清单), is the post's risk points.
 */
public record PostRecord(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, UUID parkId, String sector, String name,
                         String workshop, List<String> duties, List<String> operationSteps, List<String> prohibitions,
                         List<String> emergencyMeasures, List<String> emergencyContacts, boolean retired, Instant updatedAt, int version) {
}
