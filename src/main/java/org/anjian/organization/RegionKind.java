package org.anjian.organization;

/** Levels of the region tree. */
public enum RegionKind {
    DISTRICT, TOWN, PARK
}
