package org.anjian.shared.live;

import java.util.Map;
import java.util.UUID;

/**
 * A small change notice pushed to open pages: which topic ({@code permit}, {@code monitoring}...), what
 * happened ({@code kind}, e.g. {@code state}), the enterprise it concerns (for the subscribers' scope check)
 * and a few strings (ids, labels). Not a record of anything: a page that gets one reloads what it shows.
 */
public record LiveMessage(String topic, String kind, UUID enterpriseId, Map<String, String> data) {

    public LiveMessage {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
