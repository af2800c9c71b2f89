package org.anjian.enterprise;

import java.util.Map;

/**
 * A tab that another module adds to the enterprise profile (一企一档): hazards, inspections,
 * accidents… Declare a bean implementing this in your module; the profile shows it after its own
 * tabs, in {@link #order()}. The profile has already checked that the user may see the enterprise
 * before {@link #fill} is called; the tab checks its own records' rules.
 */
public interface EnterpriseProfileTab {

    /** The {@code ?tab=} value, unique across modules, e.g. {@code hazards}. */
    String key();

    /** Message key of the tab's title, prefixed by the contributing module. */
    String titleKey();

    /** Thymeleaf fragment rendered as the tab's body, e.g. {@code hazard/enterprise-tab :: tab}. */
    String fragment();

    default int order() {
        return 100;
    }

    /** Whether the tab applies to this enterprise at all (a mine tab only for mines, say). */
    default boolean appliesTo(EnterpriseSummary enterprise) {
        return true;
    }

    /** Adds what the fragment needs to the page model; {@code enterprise} is in the user's scope. */
    void fill(EnterpriseSummary enterprise, Map<String, Object> model);
}
