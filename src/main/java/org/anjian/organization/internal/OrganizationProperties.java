package org.anjian.organization.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code anjian.organization.*}.
 *
 * @param referenceFile the district's regions, departments and special offices, loaded once into a
 *                      fresh database (see {@link ReferenceDataLoader}); another district replaces it
 * @param outlineFile   the district's and towns' outlines as GeoJSON, drawn under every map (maps need
 *                      no tile server); another district replaces it too
 */
@ConfigurationProperties("anjian.organization")
public record OrganizationProperties(@DefaultValue("classpath:reference/district-500116.json") Resource referenceFile,
                                     @DefaultValue("classpath:reference/district-500116.geojson") Resource outlineFile) {
}
