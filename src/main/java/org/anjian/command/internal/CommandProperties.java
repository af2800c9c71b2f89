package org.anjian.command.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.command.*}: the command map needs no tile server (the district's and towns' outlines are the base
 * map); a district with its own tile server names it here, e.g. {@code https://tiles.example.gov.cn/{z}/{x}/{y}.png}.
 *
 * @param tileUrl         a Leaflet tile URL template, empty for none
 * @param tileAttribution the tiles' attribution shown in the map's corner
 */
@ConfigurationProperties("anjian.command")
public record CommandProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {
}
