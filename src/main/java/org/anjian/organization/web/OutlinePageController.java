package org.anjian.organization.web;

import java.time.Duration;
import org.anjian.organization.internal.RegionOutlines;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outlines for the pages' maps, read with the page session (the API's copy needs a token). */
@RestController
class OutlinePageController {

    private final RegionOutlines outlines;

    OutlinePageController(RegionOutlines outlines) {
        this.outlines = outlines;
    }

    @GetMapping("/maps/outlines.geojson")
    ResponseEntity<byte[]> outlines() {
        return geoJson(outlines);
    }

    /** The outlines as the page and the API both serve them. */
    static ResponseEntity<byte[]> geoJson(RegionOutlines outlines) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .contentType(MediaType.parseMediaType("application/geo+json")).body(outlines.geoJson());
    }
}
