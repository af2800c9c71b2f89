package org.anjian.organization;

import java.util.UUID;

/** One of the safety committee's special offices (专项办公室), led by a department. */
public record SpecialOffice(UUID id, String code, String name, UUID leadDepartmentId, int sortOrder) {
}
