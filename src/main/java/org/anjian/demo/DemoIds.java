package org.anjian.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable ids of the demo district's records, so that the demo users' scopes point at the same
 * enterprise and agency that the enterprise and trusteeship generators create.
 */
public final class DemoIds {

    public static final UUID ENTERPRISE = id("demo-enterprise:1");
    public static final UUID AGENCY = id("demo-agency:1");

    private DemoIds() {
    }

    public static UUID id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
