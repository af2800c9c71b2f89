package org.anjian.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.demo.*}: the demo district, never under a production profile.
 *
 * @param enabled     whether a fresh database is filled with the demo district
 * @param password    every demo user's password
 * @param enterprises how many synthetic enterprises the registry gets; the other modules' demo data hangs off them
 */
@ConfigurationProperties("anjian.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("Anjian@2023") String password,
                             @DefaultValue("3000") int enterprises) {
}
