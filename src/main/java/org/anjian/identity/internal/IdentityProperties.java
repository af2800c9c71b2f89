package org.anjian.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.identity.*}: the sign-in rules. Defaults follow 等保 level 3: five failures lock an
 * account for fifteen minutes.
 */
@ConfigurationProperties("anjian.identity")
public record IdentityProperties(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("12h") Duration tokenValidity) {
}
