package org.anjian.command;

import java.util.Arrays;
import java.util.Optional;

/** The seven layers of the command map; the path name is the word in URLs, JSON and message keys. */
public enum CommandLayer {
    ENTERPRISES("enterprises"),
    RISK("risk"),
    HAZARDS("hazards"),
    ALARMS("alarms"),
    ACCIDENTS("accidents"),
    PERMITS("permits"),
    INSPECTIONS("inspections");

    private final String path;

    CommandLayer(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<CommandLayer> ofPath(String path) {
        return Arrays.stream(values()).filter(l -> l.path.equals(path)).findFirst();
    }
}
