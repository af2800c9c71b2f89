package org.anjian.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The district's and towns' outlines as GeoJSON, read once from {@code anjian.organization.outline-file}.
 * Maps draw them as their base layer, so a district network without a tile server still shows where
 * things are. A district that ships no outline gets an empty collection and maps without outlines.
 */
@Component
public class RegionOutlines {

    private static final Logger log = LoggerFactory.getLogger(RegionOutlines.class);
    static final byte[] EMPTY = "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8);

    private final byte[] geoJson;

    RegionOutlines(OrganizationProperties properties) {
        this.geoJson = read(properties);
    }

    private static byte[] read(OrganizationProperties properties) {
        if (properties.outlineFile() == null || !properties.outlineFile().exists()) {
            log.warn("No region outline file at {}: maps show no outlines", properties.outlineFile());
            return EMPTY;
        }
        try (InputStream in = properties.outlineFile().getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the region outline file " + properties.outlineFile(), e);
        }
    }

    /** The FeatureCollection: one DISTRICT feature and a TOWN feature per town, each with its code and name. */
    public byte[] geoJson() {
        return geoJson.clone();
    }
}
