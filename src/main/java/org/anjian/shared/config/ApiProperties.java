package org.anjian.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code anjian.api.*}.
 *
 * @param maxJsonBody the largest JSON body the API reads; a larger one is refused as a 400 problem
 */
@ConfigurationProperties("anjian.api")
public record ApiProperties(@DefaultValue("1MB") DataSize maxJsonBody) {
}
