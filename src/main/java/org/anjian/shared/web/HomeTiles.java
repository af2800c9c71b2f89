package org.anjian.shared.web;

import java.util.List;
import org.anjian.shared.security.AnjianUser;

/**
 * A module's figures on the signed-in user's home page. The home page lives in {@code identity},
 * below every business module; modules contribute tiles through this port instead of the home
 * page depending on them.
 */
public interface HomeTiles {

    /** The tiles for this user, within their scope; none when the module has nothing for the role. */
    List<Tile> tiles(AnjianUser user);

    /**
     * @param label message key of the label
     * @param value the figure
     * @param link  where it leads
     * @param tone  {@code null}, or {@code danger}/{@code warning}/{@code success} to colour the figure
     */
    record Tile(String label, long value, String link, String tone) {
    }
}
