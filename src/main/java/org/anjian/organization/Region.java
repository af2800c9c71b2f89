package org.anjian.organization;

import java.util.UUID;

/** A node of the region tree: the district, a town or street (镇街), or a park (园区/平台). */
public record Region(UUID id, String code, String name, RegionKind kind, UUID parentId, Double latitude, Double longitude, int sortOrder) {
}
