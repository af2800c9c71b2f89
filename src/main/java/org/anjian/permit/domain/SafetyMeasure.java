package org.anjian.permit.domain;

import java.util.UUID;

/** One line of a permit's safety measures checklist: confirmed on site, with a photo if taken. */
public record SafetyMeasure(String text, boolean confirmed, UUID photoId) {

    public SafetyMeasure {
        if (text == null || text.isBlank() || text.length() > 500) {
            throw PermitViolation.invalid("permit.measure.text", "请填写安全措施（不超过500字）");
        }
    }

    public SafetyMeasure confirm(UUID photo) {
        return new SafetyMeasure(text, true, photo != null ? photo : photoId);
    }
}
