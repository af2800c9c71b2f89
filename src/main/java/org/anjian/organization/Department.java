package org.anjian.organization;

import java.util.List;
import java.util.UUID;

/** A member department of the safety committee; {@code sectors} are the supervision lines it regulates. */
public record Department(UUID id, String code, String name, String shortName, List<String> sectors, int sortOrder) {
}
