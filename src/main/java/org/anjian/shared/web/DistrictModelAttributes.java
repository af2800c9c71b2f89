package org.anjian.shared.web;

import java.time.ZoneId;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page may need of the district: {@code districtZone} to show instants as local times
 * and {@code districtMap} for where a map opens, so that templates name neither.
 */
@ControllerAdvice(annotations = Controller.class)
class DistrictModelAttributes {

    private final DistrictProperties district;

    DistrictModelAttributes(DistrictProperties district) {
        this.district = district;
    }

    @ModelAttribute("districtZone")
    ZoneId zone() {
        return district.zone();
    }

    @ModelAttribute("districtMap")
    DistrictProperties.MapView map() {
        return district.map();
    }
}
